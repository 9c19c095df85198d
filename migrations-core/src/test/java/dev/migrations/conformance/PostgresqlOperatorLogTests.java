package dev.migrations.conformance;

import dev.migrations.MigrationExecutionException;
import dev.migrations.TransactionMode;
import dev.migrations.testing.DatabaseKind;
import dev.migrations.testing.OnDatabase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@OnDatabase(DatabaseKind.POSTGRESQL)
class PostgresqlOperatorLogTests extends OperatorLogConformanceTests {

	/**
	 * A run in one transaction applies nothing until it commits, so its log says each
	 * migration ran, to commit with the run, and only the run's summary says applied.
	 */
	@Test
	void aRunInOneTransactionLogsEachMigrationAsRunAndCommittedWithTheRun() {
		write("20240101000000_create_alpha.sql", "CREATE TABLE alpha (id INT PRIMARY KEY)");
		write("20240102000000_fill_missing.sql", "INSERT INTO no_such_table (id) VALUES (1)");
		assertThatExceptionOfType(MigrationExecutionException.class)
			.isThrownBy(() -> runner((builder) -> builder.transactionMode(TransactionMode.ALL)).applyAll())
			.withMessageContaining("the whole run was rolled back");
		assertThat(infoLines()).noneSatisfy((line) -> assertThat(line).startsWith("Applied"))
			.anySatisfy((line) -> assertThat(line).matches("Ran m_20240101000000_create_alpha \\(\\d+ ms\\) from "
					+ "filesystem:.*\\.sql; it commits with the rest of the run"));
	}

}
