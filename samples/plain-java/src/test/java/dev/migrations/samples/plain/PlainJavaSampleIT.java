package dev.migrations.samples.plain;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the sample's shaded jar as its README says and checks what it prints.
 */
class PlainJavaSampleIT {

	@TempDir
	Path directory;

	@Test
	void printsThePlanAppliesReportsAndRollsBack() throws Exception {
		Path output = this.directory.resolve("output.log");
		Process process = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-XX:TieredStopAtLevel=1", "-jar", System.getProperty("plain-java.jar")))
			.redirectErrorStream(true)
			.redirectOutput(output.toFile())
			.start();
		try {
			assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the sample finished").isTrue();
		}
		finally {
			process.destroyForcibly();
		}
		String printed = Files.readString(output);
		assertThat(process.exitValue()).as(printed).isZero();
		assertThat(printed).containsSubsequence("== pretend: the SQL that would run",
				"-- m_20241201000000_create_authors", "CREATE TABLE authors", "-- m_20241201000100_create_books",
				"CREATE TABLE \"BOOKS\"", "-- m_20241201000200_seed_authors", "INSERT INTO authors",
				"== applied 3 migration(s) in batch 1", "== rolled back 3 migration(s)");
		assertThat(printed).containsPattern("m_20241201000200_seed_authors +1 +APPLIED")
			.containsPattern("m_20241201000200_seed_authors +PENDING");
	}

}
