package dev.migrations.dialect;

import java.sql.SQLWarning;

import org.jspecify.annotations.Nullable;

/**
 * A warning or notice the database reported for a statement that succeeded, such as
 * MariaDB's deprecation warning 1287 or PostgreSQL's notice that a table to drop does not
 * exist. Immutable.
 *
 * @param message the database's message
 * @param sqlState the SQLState, or {@code null} where the driver gives none (MariaDB
 * Connector/J)
 * @param vendorCode the database's own code, {@code 0} where it has none (PostgreSQL)
 * @param notice whether it is only a notice, which reports what the statement did rather
 * than a problem with it: a PostgreSQL {@code NOTICE}, {@code INFO}, {@code LOG} or
 * {@code DEBUG} message (SQLState class {@code 00}), a MySQL or MariaDB {@code Note}
 */
public record ServerWarning(String message, @Nullable String sqlState, int vendorCode, boolean notice) {

	/**
	 * Read one warning of a JDBC warning chain: a notice when its SQLState is of class
	 * {@code 00} (successful completion), as PostgreSQL gives its notices; a warning
	 * otherwise (class {@code 01}, or no SQLState at all).
	 * @param warning the warning
	 * @return the warning
	 */
	public static ServerWarning of(SQLWarning warning) {
		String sqlState = warning.getSQLState();
		return new ServerWarning(String.valueOf(warning.getMessage()), sqlState, warning.getErrorCode(),
				sqlState != null && sqlState.startsWith("00"));
	}

}
