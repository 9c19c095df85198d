package dev.migrations.samples.quickstart;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Runs every migration command through the quickstart's packaged jar
 * ({@code java -jar quickstart.jar migrate:status}), as an operator would before a
 * deploy: the command runs against the application's DataSource and migrations instead of
 * the application, and the process exits with the command's status.
 */
abstract class QuickstartCommandsConformanceIT {

	private static final long TIMEOUT_SECONDS = 120;

	private static final String SECRET = "s3cret-never-printed";

	@TempDir
	Path directory;

	/**
	 * Return the application arguments that point the quickstart at the database.
	 * @return the arguments
	 */
	abstract List<String> databaseArguments();

	@Test
	void everyCommandRunsInsteadOfTheApplication() throws Exception {
		Result pending = run("migrate:status", "--pending");
		assertThat(pending.exitCode()).as(pending.output()).isEqualTo(1);
		assertThat(pending.output()).contains("Migration")
			.contains("| Batch | Status")
			.contains("PENDING")
			.doesNotContain("Tomcat started");

		Result pretend = run("migrate", "--pretend");
		assertThat(pretend.exitCode()).as(pretend.output()).isZero();
		assertThat(pretend.output()).contains("-- m_20241201000000_create_notebooks").contains("CREATE TABLE");
		assertThat(run("migrate:status", "--pending").exitCode()).isEqualTo(1);

		Result migrate = run("migrate");
		assertThat(migrate.exitCode()).as(migrate.output()).isZero();
		assertThat(migrate.output()).contains("Applied 4 migration(s) in batch 1.")
			.containsPattern("Applied m_20241201000300_seed_welcome_notes \\(\\d+ ms\\)");

		Result diff = run("migrate:diff");
		assertThat(diff.exitCode()).as(diff.output()).isZero();
		assertThat(diff.output()).contains("No drift: the database holds the schema its applied migrations build.");

		Result status = run("migrate:status", "--json");
		assertThat(status.exitCode()).isZero();
		assertThat(status.output()).contains("\"state\":\"APPLIED\"").doesNotContain("\"state\":\"PENDING\"");

		List<String> optionsFirst = new ArrayList<>(databaseArguments());
		optionsFirst.add("migrate:validate");
		Result validate = runJar(optionsFirst);
		assertThat(validate.exitCode()).as(validate.output()).isZero();
		assertThat(validate.output()).contains("No problems");

		Result repair = run("migrate:repair");
		assertThat(repair.exitCode()).as(repair.output()).isZero();
		assertThat(repair.output()).contains("Nothing to repair.");

		Result rollbackPlan = run("migrate:rollback", "--pretend");
		assertThat(rollbackPlan.exitCode()).isZero();
		assertThat(rollbackPlan.output()).contains("-- m_20241201000300_seed_welcome_notes (down");

		Result rollback = run("migrate:rollback", "--to", "m_20241201000000_create_notebooks");
		assertThat(rollback.exitCode()).as(rollback.output()).isZero();
		assertThat(rollback.output()).contains("Rolled back 3 migration(s).");

		Result baselineRefused = run("migrate:baseline", "m_20241201000100_create_notes");
		assertThat(baselineRefused.exitCode()).as(baselineRefused.output()).isEqualTo(3);
		assertThat(baselineRefused.output()).contains("already has 1 row.");

		assertThat(run("migrate:rollback").exitCode()).isZero();
		Result baseline = run("migrate:baseline", "m_20241201000000_create_notebooks");
		assertThat(baseline.exitCode()).as(baseline.output()).isZero();
		assertThat(run("migrate:status").output()).contains("BASELINE");
	}

	@Test
	void standardOutputHoldsOnlyTheCommandsOutputWhateverTheApplicationLogs() throws Exception {
		// An application that configures log levels of its own logs at INFO while the
		// command runs: here the connection pool, as it starts and shuts down
		String applicationLogging = "--logging.level.com.zaxxer.hikari=info";
		Result pending = run("migrate:status", applicationLogging);
		assertThat(pending.exitCode()).as(pending.output()).isZero();
		assertThat(pending.stdout().lines()).first().asString().startsWith("Migration ").contains("| Batch | Status");
		assertThat(pending.stdout().lines()).allMatch(
				(line) -> line.startsWith("Migration ") || line.startsWith("-----") || line.startsWith("m_2024"),
				"a line of the status table");
		assertThat(pending.stderr()).as("the application's own log lines").contains(" INFO ").contains("HikariPool");

		Result migrate = run("migrate", applicationLogging);
		assertThat(migrate.exitCode()).as(migrate.output()).isZero();
		assertThat(migrate.stdout().lines()).hasSize(5).allMatch((line) -> line.startsWith("Applied "));

		Result json = run("migrate:status", "--json", applicationLogging);
		assertThat(json.exitCode()).as(json.output()).isZero();
		assertThat(json.stdout().strip()).startsWith("[{\"id\":").endsWith("}]").doesNotContain(" INFO ");

		Result quiet = run("migrate:status");
		assertThat(quiet.exitCode()).as(quiet.output()).isZero();
		assertThat(quiet.stderr()).as("without log levels of the application's own, nothing but the command's output")
			.isEmpty();
		assertThat(quiet.stdout()).contains("APPLIED").doesNotContain(" INFO ");
	}

	@Test
	void makeMigrationWritesIntoTheSourceTreeOfTheConfiguredLocation() throws Exception {
		Result made = run("make:migration", "add_tags");
		assertThat(made.exitCode()).as(made.output()).isZero();
		Path location = this.directory.resolve("src/main/resources/db/migrations");
		try (Stream<Path> files = Files.list(location)) {
			assertThat(files.map((file) -> file.getFileName().toString()))
				.anyMatch((name) -> name.endsWith("_add_tags.up.sql"))
				.anyMatch((name) -> name.endsWith("_add_tags.down.sql"));
		}
	}

	@Test
	void exitsWithThreeOnAFailingMigrationAndTwoOnABadArgument() throws Exception {
		Path extra = Files.createDirectories(this.directory.resolve("extra"));
		Files.writeString(extra.resolve("20250101000000_broken.sql"), "INSERT INTO no_such_table (id) VALUES (1);\n");
		Result failed = run("migrate", "--migrations.locations=classpath:db/migrations,filesystem:" + extra);
		assertThat(failed.exitCode()).as(failed.output()).isEqualTo(3);
		assertThat(failed.output()).contains("error: Migration m_20250101000000_broken failed");
		Result usage = run("migrate:rollback", "--steps", "none");
		assertThat(usage.exitCode()).as(usage.output()).isEqualTo(2);
		assertThat(usage.output()).contains("Usage:");
		Result typo = run("migrate:stauts");
		assertThat(typo.exitCode()).as(typo.output()).isEqualTo(2);
		assertThat(typo.output()).contains("error: Unknown command 'migrate:stauts'")
			.contains("Usage:")
			.doesNotContain("Tomcat started");
	}

	@Test
	void exitsWithThreeAndAClearMessageWhenTheDatabaseIsUnreachable() throws Exception {
		List<String> command = List.of("migrate:status",
				"--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/nowhere", "--spring.datasource.username=app",
				"--spring.datasource.password=" + SECRET);
		Result result = runJar(command);
		assertThat(result.exitCode()).as(result.output()).isEqualTo(3);
		assertThat(result.output()).contains("error: Could not connect to the database")
			.doesNotContain("\tat ")
			.doesNotContain(SECRET);
	}

	private Result run(String... args) throws Exception {
		List<String> command = new ArrayList<>(List.of(args));
		command.addAll(databaseArguments());
		return runJar(command);
	}

	private Result runJar(List<String> args) throws Exception {
		String jar = System.getProperty("quickstart.jar");
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1",
						"-Xshare:auto", "-jar", jar));
		command.addAll(args);
		Path output = Files.createTempFile(this.directory, "command", ".out");
		Path errors = Files.createTempFile(this.directory, "command", ".err");
		ProcessBuilder builder = new ProcessBuilder(command).directory(this.directory.toFile())
			.redirectOutput(output.toFile())
			.redirectError(errors.toFile());
		builder.environment().remove("SPRING_PROFILES_ACTIVE");
		Process process = builder.start();
		if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
			process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			fail("The command did not finish within " + TIMEOUT_SECONDS + " s:\n" + Files.readString(output)
					+ Files.readString(errors));
		}
		return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8),
				Files.readString(errors, StandardCharsets.UTF_8));
	}

	/**
	 * What a command run printed.
	 *
	 * @param exitCode the exit status
	 * @param stdout what it printed on standard output
	 * @param stderr what it printed on standard error
	 */
	private record Result(int exitCode, String stdout, String stderr) {

		/**
		 * Return both outputs, standard output first.
		 * @return the output
		 */
		String output() {
			return this.stdout + this.stderr;
		}

	}

}
