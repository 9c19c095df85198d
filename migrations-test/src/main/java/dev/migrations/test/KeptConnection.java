package dev.migrations.test;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

/**
 * A connection opened on first use and kept for the next, for statements that run one
 * after another, such as the {@code CREATE DATABASE} of every copy: a suite's copies are
 * made and dropped faster through connections kept open than through a new connection
 * each. A kept connection that the server or the network has ended meanwhile is replaced,
 * and the work run again on the new one. One use at a time. Thread-safe.
 */
final class KeptConnection implements AutoCloseable {

	private static final int VALIDATION_SECONDS = 5;

	private final DataSource dataSource;

	private @Nullable Connection connection;

	KeptConnection(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/**
	 * Run work on the kept connection, or on a new one when none is kept or the kept one
	 * has ended. The work must be safe to run again after it failed because its
	 * connection ended.
	 * @param work the work
	 * @throws SQLException if no connection can be opened or the work fails
	 */
	synchronized void run(Work work) throws SQLException {
		Connection kept = this.connection;
		SQLException ended = null;
		if (kept != null) {
			try {
				work.run(kept);
				return;
			}
			catch (SQLException ex) {
				if (isValid(kept)) {
					throw ex;
				}
				close();
				ended = ex;
			}
		}
		Connection connection = this.dataSource.getConnection();
		this.connection = connection;
		try {
			work.run(connection);
		}
		catch (SQLException ex) {
			if (!isValid(connection)) {
				close();
			}
			if (ended != null) {
				ex.addSuppressed(ended);
			}
			throw ex;
		}
	}

	private static boolean isValid(Connection connection) {
		try {
			return connection.isValid(VALIDATION_SECONDS);
		}
		catch (SQLException ex) {
			return false;
		}
	}

	/**
	 * Close the connection, if open; a later use opens a new one.
	 */
	@Override
	public synchronized void close() {
		Connection connection = this.connection;
		this.connection = null;
		if (connection != null) {
			try {
				connection.close();
			}
			catch (SQLException ex) {
				// The session ends with its socket: nothing is left on the server to
				// report
			}
		}
	}

	/**
	 * Work on the connection.
	 */
	@FunctionalInterface
	interface Work {

		void run(Connection connection) throws SQLException;

	}

}
