package dev.migrations.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Comparator;

import dev.migrations.testing.DatabaseKind;
import dev.migrations.testing.TestDatabase;

/**
 * The server a test makes its templates and copies on: a fresh database on the PostgreSQL
 * or MariaDB server of the environment (so that each test class has its own templates),
 * private in-memory H2 databases, or SQLite files in a fresh directory; and whether a
 * database of a name is there.
 */
final class TestServer implements AutoCloseable {

	private final DatabaseKind kind;

	private final String url;

	private final TestDatabase database;

	private final Path directory;

	private TestServer(DatabaseKind kind, String url, TestDatabase database, Path directory) {
		this.kind = kind;
		this.url = url;
		this.database = database;
		this.directory = directory;
	}

	static TestServer create(DatabaseKind kind) {
		try {
			return switch (kind) {
				case POSTGRESQL, MARIADB -> {
					TestDatabase database = TestDatabase.create(kind);
					yield new TestServer(kind, database.url(), database, null);
				}
				// The name is not used: it makes the URL, and so the template, this
				// test's own
				case H2 -> new TestServer(kind, "jdbc:h2:mem:" + DatabaseServer.newName("server_"), null, null);
				case SQLITE -> {
					Path directory = Files.createTempDirectory("migrations-test");
					yield new TestServer(kind, "jdbc:sqlite:" + directory.resolve("server.db"), null, directory);
				}
			};
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	String url() {
		return this.url;
	}

	/**
	 * Return whether a database of a name exists on the server.
	 */
	boolean exists(String name) {
		try {
			return switch (this.kind) {
				case POSTGRESQL -> countOnServer("SELECT COUNT(*) FROM pg_database WHERE datname = ?", name) > 0;
				case MARIADB ->
					countOnServer("SELECT COUNT(*) FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?", name) > 0;
				case H2 -> h2Exists(name);
				case SQLITE -> Files.exists(this.directory.resolve(name + ".db"));
			};
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Return how many sessions of a PostgreSQL or MariaDB server are on a database of a
	 * name, which need not exist any more.
	 */
	long sessionsOn(String name) {
		try {
			return switch (this.kind) {
				case POSTGRESQL -> countOnServer("SELECT COUNT(*) FROM pg_stat_activity WHERE datname = ?", name);
				case MARIADB -> countOnServer("SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE DB = ?", name);
				case H2, SQLITE -> throw new IllegalStateException("An embedded database has no sessions to count");
			};
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private long countOnServer(String sql, String name) throws SQLException {
		try (Connection connection = DriverManager.getConnection(this.url);
				PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setString(1, name);
			try (ResultSet row = statement.executeQuery()) {
				row.next();
				return row.getLong(1);
			}
		}
	}

	private static boolean h2Exists(String name) {
		try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:" + name + ";IFEXISTS=TRUE")) {
			return true;
		}
		catch (SQLException ex) {
			return false;
		}
	}

	@Override
	public void close() {
		if (this.database != null) {
			this.database.close();
		}
		if (this.directory != null) {
			try (var files = Files.walk(this.directory)) {
				for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
					Files.delete(file);
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
	}

}
