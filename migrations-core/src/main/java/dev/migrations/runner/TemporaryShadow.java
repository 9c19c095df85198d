package dev.migrations.runner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import dev.migrations.JdbcUrlDataSource;
import dev.migrations.dialect.Dialect;
import dev.migrations.internal.SessionDataSource;
import dev.migrations.internal.SessionDataSource.Restore;
import org.jspecify.annotations.Nullable;

/**
 * A shadow database created next to the live one and dropped after use: a database on the
 * same server (PostgreSQL, MySQL, MariaDB), a private in-memory database (H2) or a
 * temporary file (SQLite). Its name is generated, {@code migrations_shadow_} and eight
 * hex digits, so that it never meets a name a user chose.
 */
final class TemporaryShadow implements ShadowDatabase {

	private static final List<String> H2_SETTINGS = List.of("MODE", "DATABASE_TO_LOWER", "DATABASE_TO_UPPER",
			"CASE_INSENSITIVE_IDENTIFIERS");

	private final @Nullable String user;

	private final @Nullable String password;

	TemporaryShadow(@Nullable String user, @Nullable String password) {
		this.user = user;
		this.password = password;
	}

	@Override
	public Shadow open(Connection live, DataSource liveDataSource, Dialect dialect) throws SQLException {
		// Not a SecureRandom: the name only has to differ from other runs' shadows, and
		// seeding one costs every runner's start about 12 ms, as its class is loaded with
		// the builder's default shadow
		String name = "migrations_shadow_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
		return switch (dialect.name()) {
			case "postgresql" -> postgres(live, liveDataSource, dialect, name);
			case "mysql", "mariadb" -> mysql(live, liveDataSource, dialect, name);
			case "h2" -> h2(live, name);
			case "sqlite" -> sqlite(name);
			default -> throw new SQLException("No temporary shadow database can be created for a " + dialect.name()
					+ " database; name an empty database of the same kind to use instead (shadow URL)");
		};
	}

	private Shadow postgres(Connection live, DataSource liveDataSource, Dialect dialect, String name)
			throws SQLException {
		DatabaseMetaData metaData = live.getMetaData();
		String url = (liveDataSource instanceof JdbcUrlDataSource urlDataSource) ? urlDataSource.url()
				: metaData.getURL();
		String shadowUrl = JdbcUrlDataSource.sameServerUrl(url, name);
		if (shadowUrl == null) {
			throw new SQLException("The URL of the live PostgreSQL database has no form a shadow database can "
					+ "be named in; name an empty database to use instead (shadow URL)");
		}
		DataSource shadowDataSource;
		if (this.user != null || !(liveDataSource instanceof JdbcUrlDataSource)) {
			String user = (this.user != null) ? this.user : metaData.getUserName();
			shadowDataSource = new JdbcUrlDataSource(shadowUrl, user, this.password);
		}
		else {
			shadowDataSource = ((JdbcUrlDataSource) liveDataSource).withUrl(shadowUrl);
		}
		String quoted = dialect.quote(name);
		execute(live, "CREATE DATABASE " + quoted);
		String drop = (metaData.getDatabaseMajorVersion() >= 13) ? "DROP DATABASE IF EXISTS " + quoted + " WITH (FORCE)"
				: "DROP DATABASE IF EXISTS " + quoted;
		DataSource connections = liveDataSource;
		return new DroppedShadow(shadowDataSource, "temporary database " + name + " on the same server",
				() -> withConnection(connections, (connection) -> execute(connection, drop)));
	}

	private Shadow mysql(Connection live, DataSource liveDataSource, Dialect dialect, String name) throws SQLException {
		String quoted = dialect.quote(name);
		String characterSet;
		String collation;
		try (Statement statement = live.createStatement();
				ResultSet row = statement.executeQuery("SELECT @@character_set_database, @@collation_database")) {
			row.next();
			characterSet = row.getString(1);
			collation = row.getString(2);
		}
		execute(live, "CREATE DATABASE " + quoted + " CHARACTER SET " + dialect.quote(characterSet) + " COLLATE "
				+ dialect.quote(collation));
		return new DroppedShadow(new SessionDataSource(liveDataSource, (connection) -> useCatalog(connection, name)),
				"temporary database " + name + " on the same server",
				() -> withConnection(liveDataSource, (connection) -> execute(connection, "DROP DATABASE " + quoted)));
	}

	private Shadow h2(Connection live, String name) throws SQLException {
		StringBuilder url = new StringBuilder("jdbc:h2:mem:").append(name);
		try (Statement statement = live.createStatement();
				ResultSet rows = statement.executeQuery("SELECT SETTING_NAME, SETTING_VALUE FROM "
						+ "INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME IN ('" + String.join("', '", H2_SETTINGS)
						+ "')")) {
			while (rows.next()) {
				String value = rows.getString(2);
				if (value != null && value.matches("[A-Za-z0-9_]+")) {
					url.append(';').append(rows.getString(1)).append('=').append(value);
				}
			}
		}
		JdbcUrlDataSource dataSource = new JdbcUrlDataSource(url.toString());
		Connection keeper = dataSource.getConnection();
		return new DroppedShadow(dataSource, "private in-memory database " + name, keeper::close);
	}

	private Shadow sqlite(String name) throws SQLException {
		Path file;
		try {
			file = Files.createTempFile(name, ".db");
		}
		catch (IOException ex) {
			throw new SQLException("Could not create a temporary file for the shadow database: " + ex.getMessage(), ex);
		}
		return new DroppedShadow(new JdbcUrlDataSource("jdbc:sqlite:" + file), "temporary file " + file, () -> {
			try {
				Files.deleteIfExists(file);
			}
			catch (IOException ex) {
				throw new SQLException("Could not delete the shadow database " + file + ": " + ex.getMessage(), ex);
			}
		});
	}

	/**
	 * Switch a connection of the live data source to another database on the same server,
	 * and back before it returns to the pool.
	 */
	private static Restore useCatalog(Connection connection, String catalog) throws SQLException {
		String original = connection.getCatalog();
		connection.setCatalog(catalog);
		return (restored) -> restored.setCatalog(original);
	}

	private static void execute(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private static void withConnection(DataSource dataSource, ConnectionWork work) throws SQLException {
		try (Connection connection = dataSource.getConnection()) {
			work.run(connection);
		}
	}

	private interface ConnectionWork {

		void run(Connection connection) throws SQLException;

	}

	private interface Drop {

		void run() throws SQLException;

	}

	/**
	 * A shadow that is dropped on close.
	 */
	private record DroppedShadow(DataSource dataSource, String description, Drop drop) implements Shadow {

		@Override
		public void close() throws SQLException {
			this.drop.run();
		}

	}

}
