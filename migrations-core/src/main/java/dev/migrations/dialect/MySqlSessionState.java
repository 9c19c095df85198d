package dev.migrations.dialect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
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
