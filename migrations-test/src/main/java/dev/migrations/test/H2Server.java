package dev.migrations.test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.migrations.JdbcUrlDataSource;
import org.jspecify.annotations.Nullable;

/**
 * H2: every database is a private in-memory one that lives until it is dropped, with the
 * settings of the URL given ({@code MODE=PostgreSQL}, say). The template's {@code SCRIPT}
 * is read once, after its migration; a copy runs it in a new in-memory database.
 */
final class H2Server extends DatabaseServer {

	private final String settings;

	private final @Nullable String user;

	private final @Nullable String password;

	private final Map<String, List<String>> scripts = new ConcurrentHashMap<>();

	H2Server(String url, @Nullable String user, @Nullable String password) {
		int semicolon = url.indexOf(';');
		StringBuilder settings = new StringBuilder();
		if (semicolon >= 0) {
			for (String setting : url.substring(semicolon + 1).split(";")) {
				String key = setting.split("=", 2)[0].trim();
				if (!setting.isBlank() && !key.equalsIgnoreCase("DB_CLOSE_DELAY")) {
					settings.append(';').append(setting);
				}
			}
		}
		this.settings = settings.append(";DB_CLOSE_DELAY=-1").toString();
		this.user = user;
		this.password = password;
	}

	@Override
	void create(String name) throws SQLException {
		execute(dataSource(name), "SELECT 1");
	}

	@Override
	void migrated(String template) throws SQLException {
		List<String> script = new ArrayList<>();
		try (Connection connection = dataSource(template).getConnection();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SCRIPT NOPASSWORDS NOSETTINGS")) {
			while (rows.next()) {
				script.add(rows.getString(1));
			}
		}
		this.scripts.put(template, List.copyOf(script));
	}

	@Override
	void copy(String template, String copy) throws SQLException {
		List<String> script = this.scripts.get(template);
		if (script == null) {
			throw new IllegalStateException("The template " + template + " was not read after its migration");
		}
		execute(dataSource(copy), script.toArray(String[]::new));
	}

	@Override
	void drop(String name) throws SQLException {
		this.scripts.remove(name);
		execute(dataSource(name), "DROP ALL OBJECTS", "SHUTDOWN");
	}

	@Override
	String url(String name) {
		return "jdbc:h2:mem:" + name + this.settings;
	}

	@Override
	JdbcUrlDataSource dataSource(String name) {
		return new JdbcUrlDataSource(url(name), this.user, this.password);
	}

}
