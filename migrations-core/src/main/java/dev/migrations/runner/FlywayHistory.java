package dev.migrations.runner;

import java.math.BigInteger;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.migrations.MigrationException;
import org.jspecify.annotations.Nullable;

/**
 * Reads the history table Flyway keeps ({@code flyway_schema_history} by default): the
 * last version Flyway applied successfully, which is where a database Flyway migrated is
 * baselined. Columns are found by name, whatever case the database stores them in.
 */
final class FlywayHistory {

	private FlywayHistory() {
	}

	/**
	 * Return the newest version the history records as applied (a baseline Flyway wrote
	 * counts), or empty when it records none.
	 * @param connection the connection
	 * @param table the history table, quoted and qualified as the database stores it
	 * @param name the table's name, for messages
	 * @return the version and the script Flyway ran for it
	 * @throws MigrationException if the history records a failed migration or an undo, so
	 * that the version the database is at cannot be told from it
	 * @throws SQLException on a database error
	 */
	static Optional<Version> lastApplied(Connection connection, String table, String name) throws SQLException {
		@Nullable Version last = null;
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT * FROM " + table)) {
			ResultSetMetaData columns = rows.getMetaData();
			int version = column(columns, "version", name);
			int type = column(columns, "type", name);
			int success = column(columns, "success", name);
			int script = column(columns, "script", name);
			while (rows.next()) {
				String text = rows.getString(version);
				String kind = String.valueOf(rows.getString(type)).toUpperCase(Locale.ROOT);
				if (text == null || kind.equals("SCHEMA") || kind.equals("DELETE")) {
					continue;
				}
				String ran = String.valueOf(rows.getString(script));
				if (!rows.getBoolean(success) || kind.startsWith("UNDO")) {
					throw new MigrationException("Cannot baseline on migrate from the Flyway history " + name
							+ ": it records " + (kind.startsWith("UNDO") ? "an undo of" : "a failed") + " version "
							+ text + " (" + ran + "), so the version this database is at cannot be "
							+ "told from it. Nothing was applied. Let Flyway finish (fix the database and run flyway "
							+ "repair and migrate) before moving it, or baseline by hand at the newest migration the "
							+ "database has (migrate:baseline ID).");
				}
				Version candidate = new Version(text, ran);
				if (last == null || candidate.compareTo(last) > 0) {
					last = candidate;
				}
			}
		}
		return Optional.ofNullable(last);
	}

	private static int column(ResultSetMetaData columns, String column, String table) throws SQLException {
		for (int i = 1; i <= columns.getColumnCount(); i++) {
			if (columns.getColumnLabel(i).equalsIgnoreCase(column)) {
				return i;
			}
		}
		throw new MigrationException(
				"Cannot baseline on migrate from the Flyway history " + table + ": it has no column '" + column
						+ "', so it is not a table Flyway wrote. Nothing was applied. Set the "
						+ "name of Flyway's history table, or baseline by hand (migrate:baseline ID).");
	}

	/**
	 * Whether two Flyway versions are equal as Flyway compares them: part by part as
	 * numbers, dots and underscores alike, missing parts zero ({@code 1.0} is {@code 1}).
	 * @param left a version
	 * @param right another
	 * @return whether they are the same version
	 */
	static boolean same(String left, String right) {
		return compare(left, right) == 0;
	}

	private static int compare(String left, String right) {
		List<BigInteger> leftParts = parts(left);
		List<BigInteger> rightParts = parts(right);
		for (int i = 0; i < Math.max(leftParts.size(), rightParts.size()); i++) {
			BigInteger leftPart = (i < leftParts.size()) ? leftParts.get(i) : BigInteger.ZERO;
			BigInteger rightPart = (i < rightParts.size()) ? rightParts.get(i) : BigInteger.ZERO;
			int order = leftPart.compareTo(rightPart);
			if (order != 0) {
				return order;
			}
		}
		return 0;
	}

	private static List<BigInteger> parts(String version) {
		List<BigInteger> parts = new ArrayList<>();
		for (String part : version.strip().split("[._]")) {
			parts.add(part.chars().allMatch(Character::isDigit) && !part.isEmpty() ? new BigInteger(part)
					: BigInteger.ZERO);
		}
		return parts;
	}

	/**
	 * A version Flyway applied.
	 *
	 * @param version the version, as Flyway records it
	 * @param script the script Flyway ran for it
	 */
	record Version(String version, String script) implements Comparable<Version> {

		@Override
		public int compareTo(Version other) {
			return compare(this.version, other.version);
		}

		/**
		 * Whether this is the version a migration had under Flyway.
		 * @param flywayVersion the migration's version, or {@code null}
		 * @return whether they are the same
		 */
		boolean isOf(@Nullable String flywayVersion) {
			return flywayVersion != null && same(this.version, flywayVersion);
		}

	}

}
