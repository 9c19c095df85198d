package dev.migrations.runner;

import dev.migrations.LedgerTable;
import dev.migrations.MigrationId;
import org.jspecify.annotations.Nullable;

/**
 * Whether and where an apply baselines a database that has tables but no ledger rows,
 * before applying anything. Immutable.
 *
 * @param enabled whether an apply baselines such a database
 * @param version where it baselines a database without a Flyway history, or {@code null}
 * when none is set
 * @param flywayTable the history table of Flyway, whose last version decides where a
 * database Flyway migrated is baselined; in the ledger's schema when it names none
 */
record BaselineOnMigrate(boolean enabled, @Nullable MigrationId version, LedgerTable flywayTable) {

	/** Off: an apply never baselines on its own. */
	static final BaselineOnMigrate OFF = new BaselineOnMigrate(false, null,
			new LedgerTable(null, MigrationRunnerOptions.DEFAULT_FLYWAY_TABLE));

	/**
	 * Return baseline-on-migrate as set, with Flyway's history table in the ledger's
	 * schema when it names none.
	 * @param enabled whether an apply baselines
	 * @param version where it baselines without a Flyway history, or {@code null}
	 * @param flywayTable Flyway's history table, as set
	 * @param ledger the ledger table
	 * @return baseline-on-migrate
	 */
	static BaselineOnMigrate of(boolean enabled, @Nullable MigrationId version, LedgerTable flywayTable,
			LedgerTable ledger) {
		LedgerTable table = (flywayTable.schema() != null) ? flywayTable
				: new LedgerTable(ledger.schema(), flywayTable.name());
		return new BaselineOnMigrate(enabled, version, table);
	}

}
