package dev.migrations.dialect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * MySQL's and MariaDB's session: the default database ({@code USE}) and the session
 * variables that scripts and dumps set ({@code SET FOREIGN_KEY_CHECKS = 0},
 * {@code SET NAMES}, {@code SET sql_mode}, ...). User variables ({@code @name}) are left
 * alone: they change no statement that does not read them.
 */
final class MySqlSessionState implements SessionState {

	/** Variables that MySQL 8 and MariaDB 10 both have. */
	static final List<String> VARIABLES = List.of("sql_mode", "foreign_key_checks", "unique_checks", "time_zone",
			"character_set_client", "character_set_connection", "character_set_results", "collation_connection",
			"sql_notes", "sql_safe_updates", "auto_increment_increment", "auto_increment_offset",
			"default_storage_engine", "group_concat_max_len", "lock_wait_timeout", "innodb_lock_wait_timeout",
			"innodb_strict_mode", "sql_quote_show_create");

	/** The default database, then each variable, in one query. */
	private static final String SELECT = VARIABLES.stream()
		.map((name) -> "@@SESSION." + name)
		.collect(Collectors.joining(", ", "SELECT DATABASE(), ", ""));

	private static final Pattern NUMBER = Pattern.compile("-?[0-9]{1,18}");

	/**
	 * {@code SET NAMES} and {@code SET CHARACTER SET} change several variables at once.
	 */
	private static final Pattern CHARACTER_SET = Pattern.compile("(?i)\\bSET\\s+(?:NAMES|CHARACTER\\s+SET)\\b");

	private static final List<String> CHARACTER_SET_VARIABLES = List.of("character_set_client",
			"character_set_connection", "character_set_results", "collation_connection");

	private static final Pattern USE = Pattern.compile("(?i)^\\s*USE\\b");

	/** Where a script keeps a variable's value: {@code @migrations_} and its name. */
	private static final String KEPT = "@migrations_";

	private final @Nullable String database;

	private final @Nullable String[] values;

	MySqlSessionState(Connection connection) throws SQLException {
		String[] read = read(connection);
		this.database = read[0];
		this.values = Arrays.copyOfRange(read, 1, read.length);
	}

	@Override
	public void restore(Connection connection) throws SQLException {
		String[] now = read(connection);
		if (this.database != null && !this.database.equals(now[0])) {
			connection.setCatalog(this.database);
		}
		for (int i = 0; i < this.values.length; i++) {
			if (!Objects.equals(now[i + 1], this.values[i])) {
				try (PreparedStatement set = connection.prepareStatement("SET SESSION " + VARIABLES.get(i) + " = ?")) {
					String value = this.values[i];
					if (value == null) {
						set.setNull(1, Types.VARCHAR);
					}
					else if (NUMBER.matcher(value).matches()) {
						// A switch such as foreign_key_checks takes 1, not '1'
						set.setLong(1, Long.parseLong(value));
					}
					else {
						set.setString(1, value);
					}
					set.execute();
				}
			}
		}
	}

	/**
	 * Keep in user variables, before the migration, each session variable its statements
	 * name, and set them back after it; then {@code USE} the run's default database if
	 * the migration changes it. The client's own values are kept, not the run's: the
	 * replay goes on as the client began it.
	 */
	@Override
	public Around around(List<String> statements) {
		String text = String.join("\n", statements);
		List<String> named = VARIABLES.stream()
			.filter((name) -> Pattern.compile("(?i)\\b" + name + "\\b").matcher(text).find()
					|| (CHARACTER_SET_VARIABLES.contains(name) && CHARACTER_SET.matcher(text).find()))
			.toList();
		List<String> before = new ArrayList<>();
		List<String> after = new ArrayList<>();
		if (!named.isEmpty()) {
			before.add(named.stream()
				.map((name) -> KEPT + name + " = @@SESSION." + name)
				.collect(Collectors.joining(",\n    ", "SET ", "")));
			after.add(named.stream()
				.map((name) -> name + " = " + KEPT + name)
				.collect(Collectors.joining(",\n    ", "SET SESSION ", "")));
		}
		if (this.database != null && statements.stream().anyMatch((statement) -> USE.matcher(statement).find())) {
			after.add("USE `" + this.database.replace("`", "``") + "`");
		}
		return new Around(before, after);
	}

	private static String[] read(Connection connection) throws SQLException {
		String[] values = new String[VARIABLES.size() + 1];
		try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(SELECT)) {
			row.next();
			for (int i = 0; i < values.length; i++) {
				values[i] = row.getString(i + 1);
			}
		}
		return values;
	}

}
