package dev.migrations.dialect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * PostgreSQL's session: every setting the session or the client set ({@code search_path}
 * as {@code pg_dump} clears it, {@code role}, {@code statement_timeout}, ...). Restoring
 * sets back each one that differs and resets each one set since.
 */
final class PostgresSessionState implements SessionState {

	private static final String SETTINGS = "SELECT name, setting, reset_val FROM pg_catalog.pg_settings "
			+ "WHERE source IN ('client', 'session')";

	private static final Pattern ROLE = Pattern.compile("(?i)\\brole\\b");

	private final Map<String, String> captured;

	PostgresSessionState(Connection connection) throws SQLException {
		this.captured = new HashMap<>();
		for (Setting setting : read(connection).values()) {
			this.captured.put(setting.name(), setting.value());
		}
	}

	@Override
	public void restore(Connection connection) throws SQLException {
		Map<String, Setting> now = read(connection);
		Set<String> names = new HashSet<>(now.keySet());
		names.addAll(this.captured.keySet());
		try (PreparedStatement set = connection.prepareStatement("SELECT pg_catalog.set_config(?, ?, false)")) {
			for (String name : names) {
				Setting current = now.get(name);
				String target = this.captured.containsKey(name) ? this.captured.get(name)
						: (current != null) ? current.resetValue() : null;
				if (target != null && (current == null || !Objects.equals(current.value(), target))) {
					set.setString(1, name);
					set.setString(2, target);
					set.executeQuery().close();
				}
			}
		}
	}

	/**
	 * Put a client's session back with {@code RESET ALL}, which leaves the role alone:
	 * {@code RESET ROLE} as well where the migration names one.
	 */
	@Override
	public Around around(List<String> statements) {
		boolean role = statements.stream().anyMatch((statement) -> ROLE.matcher(statement).find());
		return new Around(List.of(), role ? List.of("RESET ALL", "RESET ROLE") : List.of("RESET ALL"));
	}

	private static Map<String, Setting> read(Connection connection) throws SQLException {
		Map<String, Setting> settings = new HashMap<>();
		try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(SETTINGS)) {
			while (rows.next()) {
				settings.put(rows.getString(1), new Setting(rows.getString(1), rows.getString(2), rows.getString(3)));
			}
		}
		return settings;
	}

	private record Setting(String name, String value, String resetValue) {
	}

}
