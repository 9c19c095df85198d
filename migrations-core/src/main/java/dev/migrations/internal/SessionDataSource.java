package dev.migrations.internal;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

/**
 * A data source that changes the session of each connection it opens before anything else
 * uses it (a schema, a database, init SQL), and puts the session back when the connection
 * is closed, so that a pooled connection returns to the pool unchanged. Where the
 * connection is not in auto-commit mode, the change is committed; on close, an open
 * transaction is rolled back, the session put back and that committed. A change that
 * fails closes the connection and fails the opening with the change's own failure.
 * Thread-safe when the change is.
 */
public final class SessionDataSource extends DelegatingDataSource {

	private final Change change;

	/**
	 * Create a data source that changes the session of the connections of another.
	 * @param dataSource the data source
	 * @param change what to do to each new connection
	 */
	public SessionDataSource(DataSource dataSource, Change change) {
		super(dataSource);
		this.change = change;
	}

	@Override
	public Connection getConnection() throws SQLException {
		return changed(delegate().getConnection());
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return changed(delegate().getConnection(username, password));
	}

	private Connection changed(Connection connection) throws SQLException {
		Restore restore;
		try {
			restore = this.change.apply(connection);
			if (!connection.getAutoCommit()) {
				connection.commit();
			}
		}
		catch (SQLException ex) {
			try {
				connection.close();
			}
			catch (SQLException closing) {
				ex.addSuppressed(closing);
			}
			throw new SessionChangeFailure(ex);
		}
		return (restore != Restore.NOTHING) ? restoredOnClose(connection, restore) : connection;
	}

	private static Connection restoredOnClose(Connection connection, Restore restore) {
		return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
				new Class<?>[] { Connection.class }, (proxy, method, arguments) -> {
					if (method.getName().equals("close") && method.getParameterCount() == 0 && !connection.isClosed()) {
						restoreAndClose(connection, restore);
						return null;
					}
					try {
						return method.invoke(connection, arguments);
					}
					catch (InvocationTargetException ex) {
						throw ex.getCause();
					}
				});
	}

	private static void restoreAndClose(Connection connection, Restore restore) throws SQLException {
		try {
			if (!connection.getAutoCommit()) {
				connection.rollback();
			}
			restore.restore(connection);
			if (!connection.getAutoCommit()) {
				connection.commit();
			}
		}
		finally {
			connection.close();
		}
	}

	/**
	 * What is done to each new connection before it is handed out.
	 */
	@FunctionalInterface
	public interface Change {

		/**
		 * Change the session of a new connection.
		 * @param connection the connection
		 * @return what puts the session back when the connection is closed, or
		 * {@link Restore#NOTHING}
		 * @throws SQLException on a database error, with the message the opening fails
		 * with
		 */
		Restore apply(Connection connection) throws SQLException;

	}

	/**
	 * What puts a connection's session back before it is closed.
	 */
	@FunctionalInterface
	public interface Restore {

		/**
		 * Nothing to put back: the connection itself is handed out and closed as it is.
		 */
		Restore NOTHING = (connection) -> {
		};

		/**
		 * Put the session back.
		 * @param connection the connection whose session was changed
		 * @throws SQLException on a database error
		 */
		void restore(Connection connection) throws SQLException;

	}

}
