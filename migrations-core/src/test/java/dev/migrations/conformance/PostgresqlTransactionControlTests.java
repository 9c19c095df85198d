package dev.migrations.conformance;

import java.nio.file.Files;
import java.sql.Connection;

import dev.migrations.LedgerTable;
import dev.migrations.MigrationDefinitionException;
import dev.migrations.MigrationExecutionException;
import dev.migrations.ledger.LedgerEntry;
import dev.migrations.ledger.LedgerState;
import dev.migrations.ledger.SqlMigrationLedger;
import dev.migrations.runner.MigrationRunner;
import dev.migrations.testing.DatabaseKind;
import dev.migrations.testing.OnDatabase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Transaction control written in a script: refused in a migration that runs in a
 * transaction, since it would let part of the migration commit without its ledger row;
 * run as written in a {@code no-transaction} one, whose failure then says what may stay.
 */
@OnDatabase(DatabaseKind.POSTGRESQL)
class PostgresqlTransactionControlTests extends FreshDatabaseTests {

	@Test
	void transactionControlInAMigrationThatRunsInATransactionIsRefusedBeforeAnythingRuns() throws Exception {
		write("20240101000000_create_alpha.sql", "CREATE TABLE alpha (id INT);\n");
		write("20240102000000_half_committed.sql",
				"-- a comment\nBEGIN;\nCREATE TABLE a (id INT);\nCOMMIT;\nINSERT INTO missing VALUES (1);\n");
		assertThatExceptionOfType(MigrationDefinitionException.class).isThrownBy(this::runner)
			.withMessageContaining("m_20240102000000_half_committed")
			.withMessageContaining("20240102000000_half_committed.sql")
			.withMessageContaining("line 2 is transaction control (BEGIN)")
			.withMessageContaining("-- migrations: no-transaction");
		write("20240102000000_half_committed.sql", "CREATE TABLE a (id INT);\ncommit;\nROLLBACK;\n");
		assertThatExceptionOfType(MigrationDefinitionException.class).isThrownBy(this::runner)
			.withMessageContaining("line 2 is transaction control (COMMIT)");
		assertThat(this.database.tables()).isEmpty();
	}

	@Test
	void blocksOfFunctionsAndDoStatementsAreNotTransactionControl() throws Exception {
		write("20240101000000_create_function.sql",
				"CREATE FUNCTION answer() RETURNS int AS $$\nBEGIN\n  RETURN 42;\nEND\n$$ LANGUAGE plpgsql;\n"
						+ "DO $$ BEGIN PERFORM answer(); END $$;\nCREATE TABLE alpha (id INT);\n");
		assertThat(runner().applyAll().migrations()).hasSize(1);
		assertThat(this.database.queryForLong("SELECT answer()")).isEqualTo(42);
	}

	@Test
	void aNoTransactionMigrationRunsItsTransactionControlAsWrittenAndClaimsNoRollback() throws Exception {
		write("20240101000000_by_hand.sql", "-- migrations: no-transaction\nBEGIN;\nCREATE TABLE a (id INT);\nCOMMIT;\n"
				+ "BEGIN;\nCREATE TABLE b (id INT);\nINSERT INTO missing VALUES (1);\n");
		MigrationRunner runner = runner();
		assertThatExceptionOfType(MigrationExecutionException.class).isThrownBy(runner::applyAll)
			.withMessageContaining("at statement 6 of 6")
			.withMessageContaining("the database may be partly changed")
			.withMessageNotContaining("rolled back");
		assertThat(this.database.tables()).contains("a").doesNotContain("b");
		try (Connection connection = this.database.dataSource().getConnection()) {
			assertThat(new SqlMigrationLedger(this.database.dataSource(), LedgerTable.DEFAULT_NAME)
				.readApplied(connection)).extracting(LedgerEntry::state).containsExactly(LedgerState.FAILED);
		}
	}

	private void write(String name, String script) throws Exception {
		Files.writeString(this.directory.resolve(name), script);
	}

	private MigrationRunner runner() {
		return MigrationRunner.builder(this.database.dataSource()).locations("filesystem:" + this.directory).build();
	}

}
