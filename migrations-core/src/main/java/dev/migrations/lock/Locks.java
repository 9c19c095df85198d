package dev.migrations.lock;

import javax.sql.DataSource;

import dev.migrations.LedgerTable;

/**
 * The locks of the databases that have a session-scoped lock of their own, for the
 * dialects that choose them; other databases use a {@link TableLeaseLock}.
 */
public final class Locks {

	private Locks() {
	}

	/**
	 * A PostgreSQL advisory lock held by a session of its own, keyed by the ledger's
	 * database, schema and name.
	 * @param dataSource where to open the lock's connection
	 * @param table the ledger table
	 * @return the lock
	 */
	public static MigrationLock postgresAdvisory(DataSource dataSource, LedgerTable table) {
		return new PostgresAdvisoryLock(dataSource, table);
	}

	/**
	 * A MySQL or MariaDB named lock ({@code GET_LOCK}) held by a session of its own,
	 * named after the ledger's database and table.
	 * @param dataSource where to open the lock's connection
	 * @param table the ledger table
	 * @return the lock
	 */
	public static MigrationLock mysqlNamed(DataSource dataSource, LedgerTable table) {
		return new MySqlNamedLock(dataSource, table);
	}

}
