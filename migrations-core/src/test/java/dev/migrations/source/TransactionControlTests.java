package dev.migrations.source;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which statements are transaction control, on every database's syntax.
 */
class TransactionControlTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "BEGIN|BEGIN", "begin transaction|BEGIN", "BEGIN IMMEDIATE|BEGIN",
			"START TRANSACTION READ WRITE|START TRANSACTION", "COMMIT|COMMIT", "commit work|COMMIT", "END|END",
			"END TRANSACTION|END", "ROLLBACK|ROLLBACK", "ROLLBACK TO SAVEPOINT s|ROLLBACK", "ABORT|ABORT",
			"SAVEPOINT s|SAVEPOINT", "RELEASE SAVEPOINT s|RELEASE", "PREPARE TRANSACTION 'x'|PREPARE TRANSACTION" })
	void recognisesTransactionControl(String statement, String control) {
		assertThat(SqlFileMigration.transactionControl(statement)).isEqualTo(control);
	}

	@ParameterizedTest
	@ValueSource(strings = { "BEGIN NOT ATOMIC SELECT 1; END", "CREATE TABLE commit_log (id INT)",
			"INSERT INTO t VALUES ('BEGIN')", "START SLAVE", "PREPARE stmt FROM 'SELECT 1'", "SELECT 1",
			"DO $$ BEGIN PERFORM 1; END $$", "CREATE FUNCTION f() RETURNS int AS $$ BEGIN RETURN 1; END $$" })
	void leavesOtherStatementsAlone(String statement) {
		assertThat(SqlFileMigration.transactionControl(statement)).isNull();
	}

}
