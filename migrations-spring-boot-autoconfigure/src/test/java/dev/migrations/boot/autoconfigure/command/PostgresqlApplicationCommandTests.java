package dev.migrations.boot.autoconfigure.command;

import java.nio.file.Files;

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

}
