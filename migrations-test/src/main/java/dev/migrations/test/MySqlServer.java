package dev.migrations.test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * MySQL and MariaDB: a copy is a new database on the same server, filled from the
 * template with foreign key checks off: first the sequences (which a column's
 * {@code DEFAULT NEXTVAL} needs) with their state, then each table as
 * {@code SHOW CREATE TABLE} gives it (foreign keys included, which
 * {@code CREATE TABLE ... LIKE} drops) and its rows by {@code INSERT ... SELECT} (the
 * ledger's among them), then the views, routines, triggers and events from their
 * {@code SHOW CREATE} text, the triggers after the rows so that copying them fires none.
 * <p>
 * Once migrated, the template is settled so that it stays as its migrations left it: each
 * sequence's next value, which the server hands out from a cache kept in memory, is
 * written to the sequence's row, and its events are disabled, so that the event scheduler
 * does not change it between two copies; each copy gets the events in the state the
 * migrations left them, read before they were disabled.
 */
final class MySqlServer extends NetworkServer {

	private static final Pattern DEFINER = Pattern.compile("DEFINER=`(?:[^`]|``)*`@`(?:[^`]|``)*`\\s*");

	/**
	 * MariaDB's ER_SEQUENCE_RUN_OUT: a sequence without cycle has given its last value.
	 */
	private static final int SEQUENCE_RUN_OUT = 4084;

	/** The events of each template as its migrations left them, by template name. */
	private final Map<String, List<Definition>> events = new ConcurrentHashMap<>();

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
	void migrated(String template) throws SQLException {
		try (Connection connection = admin().getConnection()) {
			settleSequences(connection, template);
			this.events.put(template, disableEvents(connection, template));
		}
	}

	@Override
	void copy(String template, String copy) throws SQLException {
		List<Definition> events = this.events.get(template);
		if (events == null) {
			throw new IllegalStateException("The template " + template + " was not settled after its migration");
		}
		try (Connection connection = admin().getConnection()) {
			createLike(connection, template, copy);
			String catalog = connection.getCatalog();
			connection.setCatalog(copy);
			try {
				execute(connection, "SET FOREIGN_KEY_CHECKS = 0");
				copySequences(connection, template, copy);
				copyTables(connection, template, copy);
				copyViews(connection, template);
				copyRoutines(connection, template);
				copyTriggers(connection, template);
				for (Definition event : events) {
					event.create(connection);
				}
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

	/**
	 * Write each sequence's next value to its row. The server hands a sequence's values
	 * out of a cache it keeps in memory (1000 values by default) and the row says where
	 * the cache ends, so that a copy of the row would skip the values cached but not
	 * used: taking the next value and restarting the sequence there leaves the row exact,
	 * and the template, which nothing else uses, where it stood.
	 */
	private static void settleSequences(Connection connection, String template) throws SQLException {
		for (String sequence : tableNames(connection, template, "SEQUENCE")) {
			String qualified = template + "." + quote(sequence);
			try {
				String next = queryStrings(connection, "SELECT NEXTVAL(" + qualified + ")").get(0);
				execute(connection, "ALTER SEQUENCE " + qualified + " RESTART WITH " + next);
			}
			catch (SQLException ex) {
				// The row of a sequence that has run out says so already
				if (ex.getErrorCode() != SEQUENCE_RUN_OUT) {
					throw ex;
				}
			}
		}
	}

	/**
	 * Disable the template's enabled events, so that the scheduler leaves it as its
	 * migrations left it, and return their definitions as they were.
	 */
	private static List<Definition> disableEvents(Connection connection, String template) throws SQLException {
		List<Definition> events = new ArrayList<>();
		List<String> enabled = new ArrayList<>();
		for (String event : queryStrings(connection,
				"SELECT STATUS, EVENT_NAME FROM information_schema.EVENTS WHERE EVENT_SCHEMA = '" + template + "'")) {
			String[] statusAndName = event.split(" ", 2);
			String qualified = template + "." + quote(statusAndName[1]);
			events.add(Definition.read(connection, "SHOW CREATE EVENT " + qualified, 4, 3));
			if (statusAndName[0].equals("ENABLED")) {
				enabled.add(qualified);
			}
		}
		for (String event : enabled) {
			execute(connection, "ALTER EVENT " + event + " DISABLE");
		}
		return List.copyOf(events);
	}

	/**
	 * Create the template's sequences, each with the template's row: its next value, and
	 * whether it has run out.
	 */
	private static void copySequences(Connection connection, String template, String copy) throws SQLException {
		for (String sequence : tableNames(connection, template, "SEQUENCE")) {
			execute(connection, showCreate(connection, "SHOW CREATE SEQUENCE " + template + "." + quote(sequence), 2));
			execute(connection, "INSERT INTO " + copy + "." + quote(sequence) + " SELECT * FROM " + template + "."
					+ quote(sequence));
		}
	}

	private void copyTables(Connection connection, String template, String copy) throws SQLException {
		for (String table : tableNames(connection, template, "BASE TABLE")) {
			// A column's DEFAULT NEXTVAL names the template's sequence with its database
			execute(connection, unqualified(
					showCreate(connection, "SHOW CREATE TABLE " + template + "." + quote(table), 2), template));
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
			pending.add(DEFINER.matcher(unqualified(definition, template)).replaceFirst(""));
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
		List<Definition> definitions = new ArrayList<>();
		for (String routine : queryStrings(connection, "SELECT ROUTINE_TYPE, ROUTINE_NAME FROM "
				+ "information_schema.ROUTINES WHERE ROUTINE_SCHEMA = '" + template + "'")) {
			String[] typeAndName = routine.split(" ", 2);
			definitions.add(Definition.read(connection,
					"SHOW CREATE " + typeAndName[0] + " " + template + "." + quote(typeAndName[1]), 3, 0));
		}
		for (Definition definition : definitions) {
			definition.create(connection);
		}
	}

	private void copyTriggers(Connection connection, String template) throws SQLException {
		for (String trigger : queryStrings(connection, "SELECT TRIGGER_NAME FROM information_schema.TRIGGERS "
				+ "WHERE TRIGGER_SCHEMA = '" + template + "' ORDER BY ACTION_ORDER")) {
			Definition.read(connection, "SHOW CREATE TRIGGER " + template + "." + quote(trigger), 3, 0)
				.create(connection);
		}
	}

	@Override
	void drop(String name) throws SQLException {
		this.events.remove(name);
		execute(admin(), "DROP DATABASE IF EXISTS " + name);
	}

	private static List<String> tableNames(Connection connection, String database, String type) throws SQLException {
		return queryStrings(connection, "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = '"
				+ database + "' AND TABLE_TYPE = '" + type + "'");
	}

	/**
	 * Return a definition without the template's name before the names it qualifies.
	 */
	private static String unqualified(String definition, String template) {
		return definition.replace("`" + template + "`.", "");
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

	/**
	 * A routine's, trigger's or event's {@code CREATE} statement as {@code SHOW CREATE}
	 * gives it, without its definer, so that the copy's belongs to the user who copies;
	 * and the session's SQL mode and, for an event, time zone it was created in, which
	 * decide how its body is read and when its schedule falls.
	 *
	 * @param sql the statement
	 * @param sqlMode the SQL mode
	 * @param timeZone the time zone, or {@code null} to keep the session's
	 */
	private record Definition(String sql, String sqlMode, @Nullable String timeZone) {

		/**
		 * Read a definition from the row of a {@code SHOW CREATE} statement: the second
		 * column is the SQL mode, the others are given, the time zone's as 0 for none.
		 */
		static Definition read(Connection connection, String show, int sqlColumn, int timeZoneColumn)
				throws SQLException {
			try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(show)) {
				row.next();
				return new Definition(DEFINER.matcher(row.getString(sqlColumn)).replaceFirst(""), row.getString(2),
						(timeZoneColumn > 0) ? row.getString(timeZoneColumn) : null);
			}
		}

		void create(Connection connection) throws SQLException {
			try (PreparedStatement mode = connection.prepareStatement("SET SESSION sql_mode = ?")) {
				mode.setString(1, this.sqlMode);
				mode.execute();
			}
			if (this.timeZone != null) {
				try (PreparedStatement zone = connection.prepareStatement("SET SESSION time_zone = ?")) {
					zone.setString(1, this.timeZone);
					zone.execute();
				}
			}
			execute(connection, this.sql);
		}

	}

}
