package dev.migrations.boot.autoconfigure.exit;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.migrations.testing.DatabaseKind;
import dev.migrations.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Runs an application with {@code migrations.on-startup=apply-and-exit} as a real process
 * against PostgreSQL, the way a Kubernetes Job would: its {@code main} is a plain
 * {@code SpringApplication.run}, and the process ends with status 0 once the migrations
 * are applied and the context is closed, or non-zero when a migration fails.
 */
class ApplyAndExitProcessTests {

	private static final long TIMEOUT_SECONDS = 90;

	@TempDir
	Path directory;

	private TestDatabase database;

	@BeforeEach
	void createDatabase() {
		this.database = TestDatabase.create(DatabaseKind.POSTGRESQL);
	}

	@AfterEach
	void dropDatabase() {
		// A database that is not available skips the test before it is created
		if (this.database != null) {
			this.database.close();
		}
	}

	@Test
	void exitsWithZeroAfterApplyingWithoutStartingAWebServer() throws Exception {
		Path migrations = Files.createDirectories(this.directory.resolve("migrations"));
		Files.writeString(migrations.resolve("20241201000000_create_widgets_table.sql"),
				"CREATE TABLE widgets (id BIGINT PRIMARY KEY);\nINSERT INTO widgets (id) VALUES (1);\n");
		Result result;
		// A web server would fail to start on a port that is taken
		try (ServerSocket taken = new ServerSocket(0)) {
			result = run(migrations, "--server.port=" + taken.getLocalPort());
		}
		assertThat(result.exitCode()).as(result.output()).isZero();
		assertThat(result.output()).contains("Migrations applied; closed the application with exit code 0");
		assertThat(this.database.tables()).contains("widgets", "migrations_ledger");
		assertThat(this.database.queryForLong("SELECT COUNT(*) FROM widgets")).isOne();
	}

	@Test
	void exitsWithNonZeroAndExplainsTheFailureWhenAMigrationFails() throws Exception {
		Path migrations = Files.createDirectories(this.directory.resolve("migrations"));
		Files.writeString(migrations.resolve("20241201000000_create_widgets_table.sql"),
				"CREATE TABLE widgets (id BIGINT PRIMARY KEY);\n");
		Files.writeString(migrations.resolve("20241201000100_insert_into_missing_table.sql"),
				"INSERT INTO no_such_table (id) VALUES (1);\n");
		Result result = run(migrations);
		assertThat(result.exitCode()).as(result.output()).isNotZero();
		assertThat(result.output()).contains("APPLICATION FAILED TO START")
			.contains("Migration m_20241201000100_insert_into_missing_table failed")
			.contains("Fix migration m_20241201000100_insert_into_missing_table")
			.doesNotContain("closed the application with exit code");
		// PostgreSQL rolled the failed migration back with its ledger row; the first one
		// stays
		assertThat(this.database.queryForLong("SELECT COUNT(*) FROM migrations_ledger")).isOne();
		assertThat(this.database.tables()).contains("widgets");
	}

	private Result run(Path migrations, String... args) throws IOException, InterruptedException {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		List<String> command = new ArrayList<>(List.of(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp",
				classPath, MigrateAndExitApplication.class.getName(), "--spring.datasource.url=" + this.database.url(),
				"--migrations.locations=filesystem:" + migrations, "--migrations.on-startup=apply-and-exit"));
		command.addAll(List.of(args));
		Path log = this.directory.resolve("output.log");
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
			process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			fail("Application did not exit within " + TIMEOUT_SECONDS + " s:\n"
					+ Files.readString(log, StandardCharsets.UTF_8));
		}
		return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
	}

	private record Result(int exitCode, String output) {

	}

}
