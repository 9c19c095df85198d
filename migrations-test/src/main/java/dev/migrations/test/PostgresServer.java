package dev.migrations.test;

import java.sql.Connection;
import java.sql.SQLException;

import org.jspecify.annotations.Nullable;

/**
 * PostgreSQL: a copy is {@code CREATE DATABASE copy TEMPLATE template}, which copies the
 * template's files. No session may be connected to the template meanwhile: a copy is
 * retried briefly when another process is connected to the same template. Up to four
 * copies are made at the same time, and four dropped, each through a connection of its
 * own kept open until the template is dropped.
 */
final class PostgresServer extends NetworkServer {

	/** "source database is being accessed by other users". */
	private static final String OBJECT_IN_USE = "55006";

	private static final int ATTEMPTS = 50;

	private static final long PAUSE_MILLIS = 100;

	/**
	 * How many copies are made, and how many dropped, at the same time. Each
	 * {@code CREATE DATABASE} and {@code DROP DATABASE} waits for a checkpoint and for
	 * files to reach the disk; several at once share those waits. Four at once made a
	 * suite's copies faster than one or two, and eight no faster than four (measured in
	 * docs/performance.md).
	 */
	private static final int AT_ONCE = 4;

	/** Make the copies. */
	private final KeptConnections copying = new KeptConnections(admin(), AT_ONCE);

	/** Drop the copies, beside the making of the next. */
	private final KeptConnections dropping = new KeptConnections(admin(), AT_ONCE);

	PostgresServer(String url, @Nullable String user, @Nullable String password) {
		super(url, user, password, "jdbc:postgresql://host:port/database");
	}

	@Override
	void create(String name) throws SQLException {
		execute(admin(), "CREATE DATABASE " + name);
	}

	@Override
	int copiesAtOnce() {
		return AT_ONCE;
	}

	@Override
	void copy(String template, String copy) throws SQLException {
		this.copying.run((connection) -> {
			String sql = "CREATE DATABASE " + copy + " TEMPLATE " + template + strategy(connection);
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
		});
	}

	/**
	 * Return the clause that copies the template's files as they are, where the server
	 * has a choice (PostgreSQL 15 and later, whose default strategy, {@code WAL_LOG},
	 * writes the copy through the shared buffers and the write-ahead log). A copy is made
	 * while another is in use and another is dropped, and every {@code DROP DATABASE}
	 * forces a checkpoint: a copy made with {@code WAL_LOG} would be written twice, to
	 * the log and then by that checkpoint; one made with {@code FILE_COPY} is written
	 * once, and the checkpoint finds nothing of it to write.
	 */
	private static String strategy(Connection connection) throws SQLException {
		return (connection.getMetaData().getDatabaseMajorVersion() >= 15) ? " STRATEGY FILE_COPY" : "";
	}

	@Override
	void drop(String name) throws SQLException {
		this.dropping.run((connection) -> {
			boolean force = connection.getMetaData().getDatabaseMajorVersion() >= 13;
			execute(connection, "DROP DATABASE IF EXISTS " + name + (force ? " WITH (FORCE)" : ""));
		});
	}

	@Override
	void close() {
		this.copying.close();
		this.dropping.close();
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
