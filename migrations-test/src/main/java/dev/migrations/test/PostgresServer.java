package dev.migrations.test;

import java.sql.Connection;
import java.sql.SQLException;

import org.jspecify.annotations.Nullable;

/**
 * PostgreSQL: a copy is {@code CREATE DATABASE copy TEMPLATE template}, which copies the
 * template's files. No session may be connected to the template meanwhile, another
 * {@code CREATE DATABASE} from it included: copies through one server (one per template)
 * are made one at a time, and retried briefly when another process is copying the same
 * template.
 */
final class PostgresServer extends NetworkServer {

	/** "source database is being accessed by other users". */
	private static final String OBJECT_IN_USE = "55006";

	private static final int ATTEMPTS = 50;

	private static final long PAUSE_MILLIS = 100;

	private final Object copying = new Object();

	PostgresServer(String url, @Nullable String user, @Nullable String password) {
		super(url, user, password, "jdbc:postgresql://host:port/database");
	}

	@Override
	void create(String name) throws SQLException {
		execute(admin(), "CREATE DATABASE " + name);
	}

	@Override
	void copy(String template, String copy) throws SQLException {
		String sql = "CREATE DATABASE " + copy + " TEMPLATE " + template;
		synchronized (this.copying) {
			try (Connection connection = admin().getConnection()) {
				for (int attempt = 1;; attempt++) {
					try {
						execute(connection, sql);
						return;
					}
					catch (SQLException ex) {
						if (!OBJECT_IN_USE.equals(ex.getSQLState()) || attempt == ATTEMPTS) {
							throw ex;
						}
						pause();
					}
				}
			}
		}
	}

	@Override
	void drop(String name) throws SQLException {
		try (Connection connection = admin().getConnection()) {
			boolean force = connection.getMetaData().getDatabaseMajorVersion() >= 13;
			execute(connection, "DROP DATABASE IF EXISTS " + name + (force ? " WITH (FORCE)" : ""));
		}
	}

	private static void pause() throws SQLException {
		try {
			Thread.sleep(PAUSE_MILLIS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new SQLException("Interrupted while waiting to copy a template database", ex);
		}
	}

}
