package dev.migrations.boot.autoconfigure.entities;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import dev.migrations.testing.OnDatabase;
import dev.migrations.testing.ProcessDatabaseTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * {@code java -jar app.jar make:migration NAME --from-entities} as a real process: an
 * application with JPA entities writes the migration their schema needs, instead of
 * running, and migrate applies it; once applied, nothing is left to write. An application
 * without JPA refuses the option.
 */
abstract class EntityCommandConformanceTests extends ProcessDatabaseTests {

	private static final long TIMEOUT_SECONDS = 120;

	@BeforeEach
	void writeTheFirstVersionsMigrations() throws IOException {
		FirstVersionMigrations.write(this.migrations, getClass().getAnnotation(OnDatabase.class).value());
	}

	@Test
	void makeMigrationFromEntitiesWritesWhatTheirSchemaNeedsAndMigrateAppliesIt() throws Exception {
		Result firstVersion = run("migrate");
		assertThat(firstVersion.exitCode()).as(firstVersion.output()).isZero();

		Result made = run("make:migration", "add_books", "--from-entities");
		assertThat(made.exitCode()).as(made.output()).isZero();
		assertThat(made.output()).containsPattern("Created .*_add_books\\.up\\.sql")
			.containsPattern("Created .*_add_books\\.down\\.sql")
			.doesNotContain("The application's own work ran");
		assertThat(this.database.tables()).contains("authors").doesNotContain("books");

		Result migrate = run("migrate");
		assertThat(migrate.exitCode()).as(migrate.output()).isZero();
		assertThat(migrate.output()).containsPattern("Applied m_\\d{14}_add_books");
		assertThat(this.database.tables()).contains("authors", "books");

		Result nothing = run("make:migration", "nothing_new", "--from-entities");
		assertThat(nothing.exitCode()).as(nothing.output()).isZero();
		assertThat(nothing.output()).contains("Nothing to write: the schemas are the same.");
		try (Stream<Path> files = Files.list(this.migrations)) {
			assertThat(files.map((file) -> file.getFileName().toString()))
				.noneMatch((name) -> name.contains("nothing_new"));
		}
	}

	@Test
	void anApplicationWithoutJpaRefusesFromEntities() throws Exception {
		Result refused = run("make:migration", "add_books", "--from-entities",
				"--spring.autoconfigure.exclude=org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration");
		assertThat(refused.exitCode()).as(refused.output()).isEqualTo(2);
		assertThat(refused.output()).contains("error: --from-entities writes what turns the migrations' schema into "
				+ "the schema of an application's JPA entities");
		try (Stream<Path> files = Files.list(this.migrations)) {
			assertThat(files).hasSize(2);
		}
	}

	private Result run(String... args) throws Exception {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		List<String> command = new ArrayList<>(List.of(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp",
				classPath, EntityApplication.class.getName()));
		command.addAll(List.of(args));
		command.addAll(List.of("--spring.datasource.url=" + this.database.url(),
				"--migrations.locations=filesystem:" + this.migrations));
		Path log = Files.createTempFile(this.directory, "command", ".log");
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
			process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			fail("Command did not finish within " + TIMEOUT_SECONDS + " s:\n" + Files.readString(log));
		}
		return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
	}

	private record Result(int exitCode, String output) {

	}

}
