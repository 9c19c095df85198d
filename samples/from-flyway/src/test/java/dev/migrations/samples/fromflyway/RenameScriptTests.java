package dev.migrations.samples.fromflyway;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * Runs the rename script of {@code docs/migrating-from-flyway.md}, as the page writes it
 * and calls it, on this application's Flyway files as they were (kept under
 * {@code src/test/resources/flyway}): it writes exactly the files this module has, and
 * prints what the page shows.
 */
class RenameScriptTests {

	private static final Path GUIDE = Path.of("../../docs/migrating-from-flyway.md");

	private static final Pattern SCRIPT = Pattern.compile("Save this script as `flyway-rename.sh`:\n\n```sh\n(.*?)```",
			Pattern.DOTALL);

	private static final Pattern CALL = Pattern.compile("```\nsh flyway-rename.sh ([^\n]*)\n```");

	private static final Pattern EXAMPLE_OUTPUT = Pattern.compile("for example:\n\n```\n(.*?)```", Pattern.DOTALL);

	private static final Path FLYWAY_FILES = Path.of("src/test/resources/flyway/db");

	@TempDir
	Path project;

	@Test
	void theGuidesScriptTurnsTheFlywayFilesIntoThisModulesFiles() throws Exception {
		String guide = Files.readString(GUIDE);
		copy(FLYWAY_FILES.resolve("migration"), this.project.resolve("src/main/resources/db/migration"));
		copy(FLYWAY_FILES.resolve("testdata"), this.project.resolve("src/test/resources/db/testdata"));

		String printed = run(find(SCRIPT, guide), find(CALL, guide).split(" "));

		assertThat(printed).isEqualTo(find(EXAMPLE_OUTPUT, guide));
		assertThat(contents(this.project.resolve("src/main/resources/db/migration")))
			.isEqualTo(contents(Path.of("src/main/resources/db/migrations")));
		assertThat(contents(this.project.resolve("src/test/resources/db/testdata")))
			.isEqualTo(contents(Path.of("src/test/resources/db/testdata")));
	}

	@Test
	void theScriptNumbersEveryLocationTogetherInFlywaysVersionOrder() throws Exception {
		Path first = Files.createDirectories(this.project.resolve("first"));
		Path second = Files.createDirectories(this.project.resolve("second"));
		for (String name : List.of("V10__ten.sql", "V1_1__one_one.sql", "V2__two.sql")) {
			Files.writeString(first.resolve(name), "SELECT 1;\n");
		}
		for (String name : List.of("V1__one.sql", "V9__nine.sql", "V1.2__one_two.sql")) {
			Files.writeString(second.resolve(name), "SELECT 1;\n");
		}
		Path java = Files.createDirectories(this.project.resolve("java"));
		Files.writeString(java.resolve("V2_5__Backfill_emails.java"), "class V2_5__Backfill_emails {}\n");
		String printed = run(find(SCRIPT, Files.readString(GUIDE)), "first", "second", "java");
		assertThat(contents(first))
			.containsOnlyKeys("20000101000002_one_one.sql", "20000101000004_two.sql", "20000101000007_ten.sql")
			.containsEntry("20000101000002_one_one.sql", "-- flyway: V1_1\nSELECT 1;\n");
		assertThat(contents(second)).containsOnlyKeys("20000101000001_one.sql", "20000101000003_one_two.sql",
				"20000101000006_nine.sql");
		assertThat(contents(java))
			.containsExactly(entry("V2_5__Backfill_emails.java", "class V2_5__Backfill_emails {}\n"));
		assertThat(printed).contains("java/V2_5__Backfill_emails.java -> "
				+ "@MigrationBean(\"m_20000101000005_backfill_emails\") with flywayVersion() \"2_5\"\n");
	}

	private String run(String script, String... locations) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of("sh", "-c", script, "flyway-rename.sh"));
		command.addAll(List.of(locations));
		Path output = this.project.resolve("rename.log");
		Process process = new ProcessBuilder(command).directory(this.project.toFile())
			.redirectErrorStream(true)
			.redirectOutput(output.toFile())
			.start();
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the rename script finished").isTrue();
		String printed = Files.readString(output);
		assertThat(process.exitValue()).as(printed).isZero();
		return printed;
	}

	private static String find(Pattern pattern, String guide) {
		Matcher matcher = pattern.matcher(guide);
		assertThat(matcher.find()).as(pattern + " in " + GUIDE).isTrue();
		return matcher.group(1);
	}

	private static void copy(Path from, Path to) throws IOException {
		Files.createDirectories(to);
		try (Stream<Path> files = Files.list(from)) {
			for (Path file : files.toList()) {
				Files.copy(file, to.resolve(file.getFileName()));
			}
		}
	}

	private static Map<String, String> contents(Path directory) throws IOException {
		Map<String, String> contents = new TreeMap<>();
		try (Stream<Path> files = Files.list(directory)) {
			for (Path file : files.toList()) {
				contents.put(file.getFileName().toString(), Files.readString(file));
			}
		}
		return contents;
	}

}
