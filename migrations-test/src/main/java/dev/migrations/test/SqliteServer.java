package dev.migrations.test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;

import dev.migrations.JdbcUrlDataSource;

/**
 * SQLite: every database is a file, a copy the template's file copied. The files are made
 * beside the file the URL names, or in the temporary directory for an in-memory URL
 * ({@code jdbc:sqlite::memory:}, or {@code jdbc:sqlite:} alone).
 */
final class SqliteServer extends DatabaseServer {

	private static final String PREFIX = "jdbc:sqlite:";

	private final Path directory;

	SqliteServer(String url) {
		String file = url.substring(PREFIX.length());
		int query = file.indexOf('?');
		file = (query >= 0) ? file.substring(0, query) : file;
		Path parent = (file.isEmpty() || file.startsWith(":memory:") || file.startsWith("file:")) ? null
				: Path.of(file).toAbsolutePath().getParent();
		this.directory = (parent != null) ? parent : Path.of(System.getProperty("java.io.tmpdir"));
	}

	@Override
	void create(String name) throws SQLException {
		execute(dataSource(name), "PRAGMA user_version");
	}

	@Override
	void copy(String template, String copy) throws SQLException {
		try {
			Files.copy(file(template), file(copy));
		}
		catch (IOException ex) {
			throw new SQLException("Could not copy " + file(template) + " to " + file(copy) + ": " + ex, ex);
		}
	}

	@Override
	void drop(String name) throws SQLException {
		try {
			for (String suffix : new String[] { "", "-wal", "-shm", "-journal" }) {
				Files.deleteIfExists(this.directory.resolve(name + ".db" + suffix));
			}
		}
		catch (IOException ex) {
			throw new SQLException("Could not delete " + file(name) + ": " + ex, ex);
		}
	}

	@Override
	String url(String name) {
		return PREFIX + file(name);
	}

	@Override
	JdbcUrlDataSource dataSource(String name) {
		return new JdbcUrlDataSource(url(name));
	}

	Path file(String name) {
		return this.directory.resolve(name + ".db");
	}

}
