package dev.migrations.dialect;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import dev.migrations.internal.Jdbc;

/**
 * A session setting that turns a connection's foreign key checks off, read before work
 * and given back its value afterwards, as MySQL's {@code foreign_key_checks} and SQLite's
 * {@code foreign_keys} pragma are. Immutable.
 *
 * @param read the query that reads the setting's value
 * @param assign the statement that sets it, without the value
 * @param off the value that turns the checks off
 */
record ForeignKeyChecks(String read, String assign, String off) {

	/**
	 * MySQL's and MariaDB's session variable.
	 */
	static final ForeignKeyChecks MYSQL = new ForeignKeyChecks("SELECT @@SESSION.foreign_key_checks",
			"SET SESSION foreign_key_checks = ", "0");

	/**
	 * SQLite's pragma, which changes nothing inside a transaction, so the work opens its
	 * own.
	 */
	static final ForeignKeyChecks SQLITE = new ForeignKeyChecks("PRAGMA foreign_keys", "PRAGMA foreign_keys = ", "0");

	/**
	 * Run work with the checks off, then set them back to what they were; a failure to
	 * set them back is attached to the work's failure as suppressed.
	 * @param connection the connection, in auto-commit mode
	 * @param work the work
	 * @throws SQLException on a database error
	 */
	void suspended(Connection connection, Jdbc.TransactionWork work) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			String previous;
			try (ResultSet row = statement.executeQuery(this.read)) {
				previous = row.next() ? row.getString(1) : this.off;
			}
			statement.execute(this.assign + this.off);
			try {
				work.run();
			}
			catch (SQLException | RuntimeException | Error ex) {
				try {
					statement.execute(this.assign + Integer.parseInt(previous));
				}
				catch (SQLException restoreFailure) {
					ex.addSuppressed(restoreFailure);
				}
				throw ex;
			}
			statement.execute(this.assign + Integer.parseInt(previous));
		}
	}

}
