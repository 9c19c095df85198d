package dev.migrations.test;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

/**
 * A connection opened on first use and kept for the next, for statements that run one
 * after another, such as the {@code CREATE DATABASE} of every copy: on PostgreSQL a new
 * session's {@code CREATE DATABASE} takes markedly longer than the same statement in a
 * session that ran one before. One use at a time; a use that fails closes the connection,
 * so that the next one opens a new connection. Thread-safe.
 */
final class KeptConnection implements AutoCloseable {

	private final DataSource dataSource;

	private @Nullable Connection connection;

	KeptConnection(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/**
	 * Run work on the connection, opening it first if need be.
	 * @param work the work
	 * @throws SQLException if the connection cannot be opened or the work fails
	 */
	synchronized void run(Work work) throws SQLException {
		Connection connection = this.connection;
		if (connection == null) {
			connection = this.dataSource.getConnection();
			this.connection = connection;
		}
		try {
			work.run(connection);
		}
		catch (SQLException | RuntimeException ex) {
			this.connection = null;
			try {
				connection.close();
			}
			catch (SQLException closeFailure) {
				ex.addSuppressed(closeFailure);
			}
			throw ex;
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
