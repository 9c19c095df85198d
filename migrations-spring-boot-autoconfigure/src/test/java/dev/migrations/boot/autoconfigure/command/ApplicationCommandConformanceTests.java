package dev.migrations.boot.autoconfigure.command;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.sql.DataSource;

import dev.migrations.LedgerTable;
import dev.migrations.lock.MigrationLock;
import dev.migrations.runner.MigrationRunner;
import dev.migrations.testing.ProcessDatabaseTests;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Runs migration commands through a Spring Boot application as real processes
 * ({@code java -cp ... CommandApplication migrate:status}): the command runs against the
 * application's DataSource and migrations instead of the application, and the process
 * exits with the command's status.
 */
abstract class ApplicationCommandConformanceTests extends ProcessDatabaseTests {

	private static final long TIMEOUT_SECONDS = 120;

	private static final String PASSWORD = "p4ss-never-printed";

	/**
	 * Ends the application after its own work when it runs instead of a command, rather
	 * than leaving it serving until the test times out.
	 */
	static final String NO_WEB_SERVER = "--spring.main.web-application-type=none";

	@Test
	void runsCommandsInsteadOfTheApplication() throws Exception {
		Files.writeString(this.migrations.resolve("20241201000000_create_widgets.up.sql"),
				"CREATE TABLE widgets (id BIGINT PRIMARY KEY);\n");
		Files.writeString(this.migrations.resolve("20241201000000_create_widgets.down.sql"), "DROP TABLE widgets;\n");

		Result pending = run("migrate:status", "--pending");
		assertThat(pending.exitCode()).as(pending.output()).isEqualTo(1);
		assertThat(pending.output()).contains("Migration")
			.contains("| Batch | Status")
			.contains("PENDING")
			.doesNotContain("The application's own work ran");
		assertThat(this.database.tables()).doesNotContain("widgets");

		Result migrate = run("migrate");
		assertThat(migrate.exitCode()).as(migrate.output()).isZero();
		assertThat(migrate.output()).containsPattern("Applied m_20241201000000_create_widgets \\(\\d+ ms\\)")
			.doesNotContain("The application's own work ran");
		assertThat(this.database.tables()).contains("widgets");

		Result status = run("migrate:status");
		assertThat(status.exitCode()).isZero();
		assertThat(status.output()).contains("m_20241201000000_create_widgets | 1").contains("APPLIED");

		Result rollback = run("migrate:rollback", "--steps", "1");
		assertThat(rollback.exitCode()).as(rollback.output()).isZero();
		assertThat(rollback.output()).contains("Rolled back 1 migration(s).");
		assertThat(this.database.tables()).doesNotContain("widgets");
	}

	@Test
	void freshRunsOnlyWithForceAndAppliesFromZero() throws Exception {
		Files.writeString(this.migrations.resolve("20241201000000_create_widgets.up.sql"),
				"CREATE TABLE widgets (id BIGINT PRIMARY KEY);\n");
		assertThat(run("migrate").exitCode()).isZero();
		this.database.execute("CREATE TABLE leftovers (id BIGINT PRIMARY KEY)", "INSERT INTO widgets (id) VALUES (1)");

		Result refused = run("migrate:fresh");
		assertThat(refused.exitCode()).as(refused.output()).isEqualTo(2);
		assertThat(refused.output()).containsPattern("(?i)  DROP TABLE IF EXISTS \\S*leftovers\\S*( CASCADE)?;")
			.contains("runs only with --force; nothing was changed.")
			.doesNotContain("The application's own work ran");
		assertThat(this.database.tables()).contains("leftovers");

		Result fresh = run("migrate:fresh", "--force");
		assertThat(fresh.exitCode()).as(fresh.output()).isZero();
		assertThat(fresh.output()).contains("Applied 1 migration(s) in batch 1.")
			.doesNotContain("The application's own work ran");
		assertThat(this.database.tables()).contains("widgets").doesNotContain("leftovers");
		assertThat(this.database.queryForLong("SELECT COUNT(*) FROM widgets")).isZero();
	}

	@Test
	void makeMigrationWritesIntoTheConfiguredLocationAndMigrateAppliesIt() throws Exception {
		Result made = run("make:migration", "create_gadgets");
		assertThat(made.exitCode()).as(made.output()).isZero();
		Path up;
		try (Stream<Path> files = Files.list(this.migrations)) {
			up = files.filter((file) -> file.toString().endsWith("_create_gadgets.up.sql")).findFirst().orElseThrow();
		}
		Files.writeString(up, "CREATE TABLE gadgets (id BIGINT PRIMARY KEY);\n",
				java.nio.file.StandardOpenOption.APPEND);
		Result migrate = run("migrate");
		assertThat(migrate.exitCode()).as(migrate.output()).isZero();
		assertThat(this.database.tables()).contains("gadgets");
	}

	@Test
	void makeMigrationJavaWritesAMigrationComponent() throws Exception {
		Path sources = this.directory.resolve("java-migrations");
		Result made = run("make:migration", "create_gizmos", "--java", "--dir", sources.toString());
		assertThat(made.exitCode()).as(made.output()).isZero();
		assertThat(made.output()).contains("Created " + sources.resolve("CreateGizmos.java"));
		assertThat(Files.readString(sources.resolve("CreateGizmos.java")))
			.contains("import org.springframework.stereotype.Component;")
			.containsPattern("@Component\n@MigrationBean\\(\"m_\\d{14}_create_gizmos\"\\)\n"
					+ "public class CreateGizmos implements Migration \\{");
	}

	@Test
	void exitsWithThreeOnAFailingMigrationAndTwoOnABadArgument() throws Exception {
		Files.writeString(this.migrations.resolve("20241201000000_broken.sql"),
				"INSERT INTO no_such_table (id) VALUES (1);\n");
		Result failed = run("migrate");
		assertThat(failed.exitCode()).as(failed.output()).isEqualTo(3);
		assertThat(failed.output()).contains("error: Migration m_20241201000000_broken failed")
			.doesNotContain(PASSWORD)
			.doesNotContain("ErrorPacket");
		Result notStarted = run("migrate:status", "--migrations.table=a.b");
		assertThat(notStarted.exitCode()).as(notStarted.output()).isEqualTo(3);
		assertThat(notStarted.output()).contains("error: Invalid ledger table name")
			.doesNotContain("Exception encountered during context initialization");
		Result usage = run("migrate", "--steps", "2");
		assertThat(usage.exitCode()).as(usage.output()).isEqualTo(2);
		assertThat(usage.output()).contains("Unknown option '--steps' for migrate").contains("Usage:");
	}

	@Test
	void runsTheCommandWhenOptionsComeFirst() throws Exception {
		Files.writeString(this.migrations.resolve("20241201000000_create_widgets.up.sql"),
				"CREATE TABLE widgets (id BIGINT PRIMARY KEY);\n");

		List<String> statusArgs = new ArrayList<>(applicationProperties());
		statusArgs.addAll(List.of(NO_WEB_SERVER, "migrate:status", "--pending"));
		Result pending = runWith(statusArgs);
		assertThat(pending.exitCode()).as(pending.output()).isEqualTo(1);
		assertThat(pending.output()).contains("PENDING").doesNotContain("The application's own work ran");
		assertThat(this.database.tables()).doesNotContain("widgets");

		List<String> migrateArgs = new ArrayList<>(List.of("--verbose", NO_WEB_SERVER));
		migrateArgs.addAll(applicationProperties());
		migrateArgs.add("migrate");
		Result migrate = runWith(migrateArgs);
		assertThat(migrate.exitCode()).as(migrate.output()).isZero();
		assertThat(migrate.output()).contains("Applied 1 migration(s) in batch 1.")
			.doesNotContain("The application's own work ran");
		assertThat(this.database.tables()).contains("widgets");
	}

	@Test
	void mistypedCommandExitsWithTheUsageErrorAndLeavesTheApplicationAndTheDatabaseAlone() throws Exception {
		Files.writeString(this.migrations.resolve("20241201000000_create_widgets.up.sql"),
				"CREATE TABLE widgets (id BIGINT PRIMARY KEY);\n");

		Result typo = run("migrate:stauts", NO_WEB_SERVER);
		assertThat(typo.exitCode()).as(typo.output()).isEqualTo(2);
		assertThat(typo.output()).contains("error: Unknown command 'migrate:stauts'")
			.contains("Usage:")
			.doesNotContain("The application context started");

		List<String> optionsFirst = new ArrayList<>(applicationProperties());
		optionsFirst.addAll(List.of(NO_WEB_SERVER, "make:migrations"));
		Result typoAfterOptions = runWith(optionsFirst);
		assertThat(typoAfterOptions.exitCode()).as(typoAfterOptions.output()).isEqualTo(2);
		assertThat(typoAfterOptions.output()).contains("error: Unknown command 'make:migrations'")
			.doesNotContain("The application context started");

		assertThat(this.database.tables()).doesNotContain("migrations_ledger", "widgets");
	}

	@Test
	void commandWithAMistypedOptionExitsWithTheUsageErrorBeforeTheApplicationStarts() throws Exception {
		Files.writeString(this.migrations.resolve("20241201000000_create_widgets.up.sql"),
				"CREATE TABLE widgets (id BIGINT PRIMARY KEY);\n");

		Result option = run("migrate:status", "--pendingg", NO_WEB_SERVER);
		assertThat(option.exitCode()).as(option.output()).isEqualTo(2);
		assertThat(option.output()).contains("error: Unknown option '--pendingg' for migrate:status")
			.contains("Usage:")
			.doesNotContain("The application context started");

		Result value = run("migrate", "--limit", "0", NO_WEB_SERVER);
		assertThat(value.exitCode()).as(value.output()).isEqualTo(2);
		assertThat(value.output()).contains("error: Option --limit needs a whole number of at least 1, got '0'")
			.doesNotContain("The application context started");

		assertThat(this.database.tables()).doesNotContain("migrations_ledger", "widgets");
	}

	@Test
	void anyOtherFirstArgumentIsTheApplications() throws Exception {
		Files.writeString(this.migrations.resolve("20241201000000_create_widgets.up.sql"),
				"CREATE TABLE widgets (id BIGINT PRIMARY KEY);\n");
		Result application = run("import-widgets", NO_WEB_SERVER);
		assertThat(application.exitCode()).as(application.output()).isZero();
		assertThat(application.output()).contains("The application's own work ran");
		assertThat(this.database.tables()).contains("migrations_ledger", "widgets");
	}

	/**
	 * A start that waits minutes for the lock another process holds ends when it is asked
	 * to stop ({@code SIGTERM}, as a container runtime or Ctrl-C sends), not when the
	 * wait times out, and changes nothing.
	 */
	@Test
	void aStartWaitingForTheLockStopsWhenTheProcessIsAskedTo() throws Exception {
		Files.writeString(this.migrations.resolve("20241201000000_create_widgets.sql"),
				"CREATE TABLE widgets (id BIGINT PRIMARY KEY);\n");
		DataSource dataSource = this.database.dataSource();
		MigrationLock lock = MigrationRunner.builder(dataSource)
			.build()
			.dialect()
			.lock(dataSource, new LedgerTable(null, LedgerTable.DEFAULT_NAME));
		lock.withLock(Duration.ofSeconds(10), (held) -> {
			try {
				stopAStartWaitingForTheLock();
			}
			catch (IOException | InterruptedException ex) {
				throw new IllegalStateException(ex);
			}
			return null;
		});
		assertThat(this.database.tables()).doesNotContain("widgets");
	}

	private void stopAStartWaitingForTheLock() throws IOException, InterruptedException {
		List<String> args = new ArrayList<>(List.of(NO_WEB_SERVER, "--migrations.lock-timeout=120s"));
		args.addAll(applicationProperties());
		Path log = Files.createTempFile(this.directory, "waiting", ".log");
		Process process = start(args, log);
		try {
			awaitOutput(process, log, "Waiting for the migration lock held by");
			process.destroy();
			// Well within the lock timeout of 120 s
			assertThat(process.waitFor(30, TimeUnit.SECONDS)).as(Files.readString(log)).isTrue();
			assertThat(Files.readString(log)).contains("Stopped waiting for the migration lock")
				.contains("because the process is shutting down")
				.doesNotContain("Timed out");
		}
		finally {
			process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		}
	}

	/**
	 * Run the application with arguments followed by the properties that point it at the
	 * test's database and migrations.
	 */
	Result run(String... args) throws Exception {
		List<String> all = new ArrayList<>(List.of(args));
		all.addAll(applicationProperties());
		return runWith(all);
	}

	private List<String> applicationProperties() {
		return List.of("--spring.datasource.url=" + this.database.url(),
				"--migrations.locations=filesystem:" + this.migrations, "--migrations.password=" + PASSWORD);
	}

	private Result runWith(List<String> args) throws Exception {
		Path log = Files.createTempFile(this.directory, "command", ".log");
		Process process = start(args, log);
		if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
			process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			fail("Command did not finish within " + TIMEOUT_SECONDS + " s:\n" + Files.readString(log));
		}
		return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
	}

	/**
	 * Wait until a process started with {@link #start} has written a text, failing when
	 * it ends or takes minutes first.
	 */
	static void awaitOutput(Process process, Path log, String text) throws IOException, InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
		while (!Files.readString(log).contains(text)) {
			assertThat(process.isAlive()).as(Files.readString(log)).isTrue();
			assertThat(System.nanoTime()).as("no '" + text + "' in:\n" + Files.readString(log)).isLessThan(deadline);
			Thread.sleep(100);
		}
	}

	static Process start(List<String> args, Path log) throws IOException {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		List<String> command = new ArrayList<>(List.of(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp",
				classPath, CommandApplication.class.getName()));
		command.addAll(args);
		return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
	}

	record Result(int exitCode, String output) {

	}

}
