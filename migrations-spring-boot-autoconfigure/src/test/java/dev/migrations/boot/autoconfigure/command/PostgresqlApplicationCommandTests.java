package dev.migrations.boot.autoconfigure.command;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.migrations.testing.DatabaseKind;
import dev.migrations.testing.OnDatabase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@OnDatabase(DatabaseKind.POSTGRESQL)
class PostgresqlApplicationCommandTests extends ApplicationCommandConformanceTests {

	/**
	 * A run in one transaction applies nothing until it commits: its output names its
	 * migrations applied only then, and a failure leaves none named so.
	 */
	@Test
	void aRunInOneTransactionPrintsItsMigrationsAppliedOnlyOnceTheyCommitted() throws Exception {
		Files.writeString(this.migrations.resolve("20241201000000_create_alpha.sql"), "CREATE TABLE alpha (id INT);\n");
		Files.writeString(this.migrations.resolve("20241201000100_create_beta.sql"), "CREATE TABLE beta (id INT);\n");
		Files.writeString(this.migrations.resolve("20241201000200_fill_gamma.sql"),
				"INSERT INTO no_such_table (id) VALUES (1);\n");
		Result failed = run("migrate", "--migrations.transaction-mode=all");
		assertThat(failed.exitCode()).as(failed.output()).isEqualTo(3);
		assertThat(failed.output()).contains("the whole run was rolled back and nothing was applied")
			.doesNotContain("Applied m_")
			.doesNotContain("Before it, this run applied");
		assertThat(this.database.tables()).doesNotContain("alpha", "beta");

		Files.writeString(this.migrations.resolve("20241201000200_fill_gamma.sql"), "INSERT INTO beta VALUES (1);\n");
		Result applied = run("migrate", "--migrations.transaction-mode=all");
		assertThat(applied.exitCode()).as(applied.output()).isZero();
		assertThat(applied.output()).containsPattern("Applied m_20241201000000_create_alpha \\(\\d+ ms\\)")
			.containsPattern("Applied m_20241201000200_fill_gamma \\(\\d+ ms\\)");
		assertThat(this.database.tables()).contains("alpha", "beta");
	}

	/**
	 * A start that tries again for minutes to reach a database that is not up ends when
	 * it is asked to stop, not when the retries run out.
	 */
	@Test
	void aStartRetryingItsConnectionStopsWhenTheProcessIsAskedTo() throws Exception {
		Path log = Files.createTempFile(this.directory, "retrying", ".log");
		Process process = start(List.of(NO_WEB_SERVER, "--spring.datasource.url=" + this.database.url(),
				"--migrations.url=jdbc:postgresql://127.0.0.1:1/nowhere", "--migrations.user=postgres",
				"--migrations.connect-retries=20", "--migrations.connect-retries-interval=30s",
				"--migrations.locations=filesystem:" + this.migrations), log);
		try {
			awaitOutput(process, log, "Could not connect to the database (attempt 2 of 21)");
			process.destroy();
			// Well within the 20 retries of up to 30 s each
			assertThat(process.waitFor(30, TimeUnit.SECONDS)).as(Files.readString(log)).isTrue();
			assertThat(Files.readString(log)).doesNotContain("attempt 3 of 21");
		}
		finally {
			process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		}
	}

}
