package dev.migrations.internal;

import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import dev.migrations.MigrationException;
import dev.migrations.MigrationExecutionException;
import dev.migrations.Remedy;
import dev.migrations.dialect.Dialect;
import dev.migrations.ledger.LedgerTable;

/**
 * What a run's failure means where the failure alone cannot tell: a first migration that
 * creates what the database has already, a ledger schema that does not exist.
 */
public final class RunFailures {

	/**
	 * PostgreSQL duplicate_table, duplicate_object, duplicate_schema, duplicate_column,
	 * duplicate_function; MySQL, MariaDB and H2 table or column exists.
	 */
	private static final List<String> EXISTS_STATES = List.of("42P07", "42710", "42P06", "42701", "42723", "42S01",
			"42S21");

	private RunFailures() {
	}

	/**
	 * Whether a migration failed because what it creates exists already, as on a database
	 * whose schema came from somewhere else (by hand, Flyway, Liquibase). Where the
	 * database gives no such SQLState (SQLite), its own error says so.
	 * @param failure the failure
	 * @return whether the database had what the migration creates
	 */
	public static boolean createsWhatExists(MigrationExecutionException failure) {
		for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sqlException) {
				String state = sqlException.getSQLState();
				if (state != null && EXISTS_STATES.contains(state)) {
					return true;
				}
				String message = String.valueOf(sqlException.getMessage()).toLowerCase(Locale.ROOT);
				if (message.contains("already exists") || message.contains("duplicate column")) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * The failure of the first migration applied to a database with an empty ledger, when
	 * what it creates exists already: the likely cause is an existing database that was
	 * not baselined, which changing the migration would not fix.
	 * @param failure the failure
	 * @param failedRow whether the failure left a {@code FAILED} row
	 * @return the failure with a remedy that baselines, and its own remedy as the
	 * alternative
	 */
	public static MigrationExecutionException withBaselineHint(MigrationExecutionException failure, boolean failedRow) {
		Remedy baseline = Remedy.of(Remedy.Kind.BASELINE, failure.getMigrationId()).orElse(failure.remedy());
		return failure.withRemedy(failedRow ? baseline.with(Remedy.Fact.FAILED_ROW) : baseline);
	}

	/**
	 * A ledger schema that does not exist fails the lock table or the ledger table,
	 * whichever is created first, in words that depend on the database and may blame the
	 * lock; look the schema up only then, so that a run that succeeds pays nothing.
	 * @param failure the failure of a locked run
	 * @param table the ledger table
	 * @param connections the runner's connections
	 * @param dialect the dialect
	 * @return the failure, or one that says the schema does not exist
	 */
	public static MigrationException explainMissingSchema(MigrationException failure, LedgerTable table,
			DataSource connections, Dialect dialect) {
		String schema = table.schema();
		if (schema == null) {
			return failure;
		}
		try {
			if (Jdbc.withConnection(connections, (connection) -> dialect.schemaExists(connection, schema))) {
				return failure;
			}
		}
		catch (MigrationException ex) {
			failure.addSuppressed(ex);
			return failure;
		}
		return new MigrationException(
				"The migration ledger " + table + " belongs in schema " + schema
						+ ", which does not exist. Nothing was changed.",
				Remedy.of(Remedy.Kind.CREATE_SCHEMA).with(Remedy.Fact.SCHEMA, schema), failure);
	}

}
