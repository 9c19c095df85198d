package dev.migrations.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import dev.migrations.MigrationException;
import dev.migrations.Remedy;
import org.jspecify.annotations.Nullable;

/**
 * The one place where the engine opens, closes and commits JDBC connections; everything
 * else is a callback.
 */
public final class Jdbc {

	private Jdbc() {
	}

	/**
	 * Run work on a new connection in auto-commit mode, and close it.
	 * @param <T> the result type
	 * @param dataSource the data source
	 * @param work the work
	 * @return the work's result
	 */
	public static <T> T withConnection(DataSource dataSource, ConnectionCallback<T> work) {
		return onConnection(dataSource, null, work);
	}

	/**
	 * Run work on a new connection in auto-commit mode, and close it.
	 * @param <T> the result type
	 * @param dataSource the data source
	 * @param unavailable what resolves the failure when no connection opens
	 * @param work the work
	 * @return the work's result
	 */
	public static <T> T withConnection(DataSource dataSource, Remedy unavailable, ConnectionCallback<T> work) {
		return onConnection(dataSource, unavailable, work);
	}

	/**
	 * Run work on a new connection; a failure to open one is resolved by checking the
	 * connection unless told otherwise, a remedy made only then.
	 */
	private static <T> T onConnection(DataSource dataSource, @Nullable Remedy unavailable, ConnectionCallback<T> work) {
		try (Connection connection = open(dataSource, unavailable)) {
			if (!connection.getAutoCommit()) {
				connection.setAutoCommit(true);
			}
			return work.run(connection);
		}
		catch (SQLException ex) {
			throw new MigrationException("Database error: " + ex.getMessage() + " (SQLState " + ex.getSQLState() + ")",
					ex);
		}
	}

	/**
	 * Open a connection, for work that closes it itself.
	 * @param dataSource the data source
	 * @return the connection, as the data source gives it
	 * @throws MigrationException if no connection opens, resolved by checking the
	 * connection
	 */
	public static Connection open(DataSource dataSource) {
		return open(dataSource, null);
	}

	private static Connection open(DataSource dataSource, @Nullable Remedy unavailable) {
		try {
			return dataSource.getConnection();
		}
		catch (SessionChangeFailure ex) {
			throw new MigrationException("Could not prepare a new connection to the database: " + ex.getMessage()
					+ " (SQLState " + ex.getSQLState() + ").", Remedy.of(Remedy.Kind.CORRECT_DATABASE_ERROR), ex);
		}
		catch (SQLException ex) {
			throw new MigrationException(
					"Could not connect to the database: " + ex.getMessage() + " (SQLState " + ex.getSQLState() + ").",
					(unavailable != null) ? unavailable : Remedy.of(Remedy.Kind.CHECK_CONNECTION), ex);
		}
	}

	/**
	 * Run work in a transaction on a connection: commit when it succeeds, roll back when
	 * it throws. A failure to roll back is attached to the first failure as suppressed.
	 * @param connection the connection, in auto-commit mode
	 * @param work the work
	 * @throws SQLException if beginning or committing the transaction fails
	 */
	public static void inTransaction(Connection connection, TransactionWork work) throws SQLException {
		connection.setAutoCommit(false);
		Throwable failure = null;
		try {
			work.run();
			connection.commit();
		}
		catch (SQLException | RuntimeException | Error ex) {
			failure = ex;
			try {
				connection.rollback();
			}
			catch (SQLException rollbackFailure) {
				ex.addSuppressed(rollbackFailure);
			}
			throw ex;
		}
		finally {
			endTransaction(connection, failure);
		}
	}

	/**
	 * Return to auto-commit mode. On a broken connection that fails too, and must not
	 * replace the failure that broke the transaction.
	 */
	private static void endTransaction(Connection connection, @Nullable Throwable failure) throws SQLException {
		try {
			connection.setAutoCommit(true);
		}
		catch (SQLException ex) {
			if (failure == null) {
				throw ex;
			}
			failure.addSuppressed(ex);
		}
	}

	/**
	 * Whether a query runs without error. A query that reads no row, or one row of a
	 * small table, tells whether a table exists and can be read several times sooner than
	 * a JDBC metadata lookup.
	 * @param connection the connection, in auto-commit mode
	 * @param query the query
	 * @return {@code false} if the query failed
	 */
	public static boolean canQuery(Connection connection, String query) {
		try (Statement statement = connection.createStatement()) {
			statement.executeQuery(query).close();
			return true;
		}
		catch (SQLException ex) {
			return false;
		}
	}

	/**
	 * Work on a connection.
	 *
	 * @param <T> the result type
	 */
	@FunctionalInterface
	public interface ConnectionCallback<T> {

		/**
		 * Do the work.
		 * @param connection the connection
		 * @return the result
		 * @throws SQLException on a database error
		 */
		T run(Connection connection) throws SQLException;

	}

	/**
	 * Work inside a transaction.
	 */
	@FunctionalInterface
	public interface TransactionWork {

		/**
		 * Do the work.
		 * @throws SQLException on a database error
		 */
		void run() throws SQLException;

	}

}
