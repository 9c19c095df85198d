package dev.migrations.test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * MySQL and MariaDB: a copy is a new database on the same server, filled from the
 * template with foreign key checks off: each table as {@code SHOW CREATE TABLE} gives it
 * (foreign keys included, which {@code CREATE TABLE ... LIKE} drops) and its rows by
 * {@code INSERT ... SELECT} (the ledger's among them), then the views, routines and
 * triggers from their {@code SHOW CREATE} text, the triggers last so that copying the
 * rows fires none.
 */
final class MySqlServer extends NetworkServer {

	private static final Pattern DEFINER = Pattern.compile("DEFINER=`(?:[^`]|``)*`@`(?:[^`]|``)*`\\s*");

	MySqlServer(String url, @Nullable String user, @Nullable String password) {
		super(url, user, password, "jdbc:mariadb://host:port/database");
	}

	@Override
	void create(String name) throws SQLException {
		try (Connection connection = admin().getConnection()) {
			createLike(connection, connection.getCatalog(), name);
		}
	}

	@Override
	void copy(String template, String copy) throws SQLException {
		try (Connection connection = admin().getConnection()) {
			createLike(connection, template, copy);
			String catalog = connection.getCatalog();
			connection.setCatalog(copy);
			try {
				execute(connection, "SET FOREIGN_KEY_CHECKS = 0");
				copyTables(connection, template, copy);
				copyViews(connection, template);
				copyRoutines(connection, template);
				copyTriggers(connection, template);
			}
			finally {
				execute(connection, "SET FOREIGN_KEY_CHECKS = 1");
				if (catalog != null) {
					connection.setCatalog(catalog);
				}
			}
		}
	}

	/**
	 * Create a database with the default character set and collation of another.
	 */
	private static void createLike(Connection connection, String database, String name) throws SQLException {
		String[] defaults = queryStrings(connection,
				"SELECT DEFAULT_CHARACTER_SET_NAME, DEFAULT_COLLATION_NAME FROM information_schema.SCHEMATA "
						+ "WHERE SCHEMA_NAME = '" + database.replace("'", "''") + "'")
			.get(0)
			.split(" ");
		execute(connection,
				"CREATE DATABASE " + name + " CHARACTER SET " + quote(defaults[0]) + " COLLATE " + quote(defaults[1]));
	}

	private void copyTables(Connection connection, String template, String copy) throws SQLException {
		for (String table : queryStrings(connection, "SELECT TABLE_NAME FROM information_schema.TABLES "
				+ "WHERE TABLE_SCHEMA = '" + template + "' AND TABLE_TYPE = 'BASE TABLE'")) {
			execute(connection, showCreate(connection, "SHOW CREATE TABLE " + template + "." + quote(table), 2));
			List<String> columns = queryStrings(connection,
					"SELECT COLUMN_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = '" + template
							+ "' AND TABLE_NAME = '" + table.replace("'", "''") + "' AND EXTRA NOT LIKE '%GENERATED%' "
							+ "ORDER BY ORDINAL_POSITION");
			String list = String.join(", ", columns.stream().map(MySqlServer::quote).toList());
			execute(connection, "INSERT INTO " + copy + "." + quote(table) + " (" + list + ") SELECT " + list + " FROM "
					+ template + "." + quote(table));
		}
	}

	private void copyViews(Connection connection, String template) throws SQLException {
		List<String> pending = new ArrayList<>();
		for (String view : queryStrings(connection,
				"SELECT TABLE_NAME FROM information_schema.VIEWS WHERE TABLE_SCHEMA = '" + template + "'")) {
			String definition = showCreate(connection, "SHOW CREATE VIEW " + template + "." + quote(view), 2);
			pending.add(DEFINER.matcher(definition.replace("`" + template + "`.", "")).replaceFirst(""));
		}
		// A view on a view needs the other first: create what can be, until nothing is
		// left
		while (!pending.isEmpty()) {
			List<String> failed = new ArrayList<>();
			SQLException last = null;
			for (String definition : pending) {
				try {
					execute(connection, definition);
				}
				catch (SQLException ex) {
					failed.add(definition);
					last = ex;
				}
			}
			if (last != null && failed.size() == pending.size()) {
				throw last;
			}
			pending = failed;
		}
	}

	private void copyRoutines(Connection connection, String template) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT ROUTINE_TYPE, ROUTINE_NAME FROM "
						+ "information_schema.ROUTINES WHERE ROUTINE_SCHEMA = '" + template + "'")) {
			List<String> definitions = new ArrayList<>();
			while (rows.next()) {
				definitions.add(showCreate(connection,
						"SHOW CREATE " + rows.getString(1) + " " + template + "." + quote(rows.getString(2)), 3));
			}
			for (String definition : definitions) {
				execute(connection, DEFINER.matcher(definition).replaceFirst(""));
			}
		}
	}

	private void copyTriggers(Connection connection, String template) throws SQLException {
		for (String trigger : queryStrings(connection, "SELECT TRIGGER_NAME FROM information_schema.TRIGGERS "
				+ "WHERE TRIGGER_SCHEMA = '" + template + "' ORDER BY ACTION_ORDER")) {
			String definition = showCreate(connection, "SHOW CREATE TRIGGER " + template + "." + quote(trigger), 3);
			execute(connection, DEFINER.matcher(definition).replaceFirst(""));
		}
	}

	@Override
	void drop(String name) throws SQLException {
		execute(admin(), "DROP DATABASE IF EXISTS " + name);
	}

	private static String showCreate(Connection connection, String sql, int column) throws SQLException {
		try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
			row.next();
			return row.getString(column);
		}
	}

	/**
	 * Return the values of a query's rows, the columns of each joined by a space.
	 */
	private static List<String> queryStrings(Connection connection, String sql) throws SQLException {
		List<String> values = new ArrayList<>();
		try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
			int columns = rows.getMetaData().getColumnCount();
			while (rows.next()) {
				StringBuilder value = new StringBuilder(rows.getString(1));
				for (int column = 2; column <= columns; column++) {
					value.append(' ').append(rows.getString(column));
				}
				values.add(value.toString());
			}
		}
		return values;
	}

	private static String quote(String identifier) {
		return "`" + identifier.replace("`", "``") + "`";
	}

}
