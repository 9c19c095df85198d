package dev.migrations.dialect;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;

/**
 * Sends the rows of a {@code COPY ... FROM stdin} through the PostgreSQL driver's
 * {@code CopyManager}, as {@code psql} sends them: JDBC itself has no way to. The driver
 * is reached by reflection, through the class loader of the connection, so that the core
 * needs no driver to compile or run and finds the one the application uses.
 */
final class PostgresCopyIn {

	private static final String PG_CONNECTION = "org.postgresql.PGConnection";

	private static final String COPY_MANAGER = "org.postgresql.copy.CopyManager";

	private PostgresCopyIn() {
	}

	/**
	 * Run a {@code COPY ... FROM stdin} with its rows.
	 * @param connection a connection of the PostgreSQL driver, or one that wraps it
	 * @param sql the statement
	 * @param rows the rows, in the statement's format
	 * @return the number of rows copied
	 * @throws SQLException if the database refuses the statement or a row, or the
	 * connection is not the PostgreSQL driver's
	 */
	static long copyIn(Connection connection, String sql, String rows) throws SQLException {
		Class<?> pgConnection = driverClass(connection, PG_CONNECTION);
		try {
			Object copyApi = pgConnection.getMethod("getCopyAPI").invoke(connection.unwrap(pgConnection));
			Class<?> copyManager = Class.forName(COPY_MANAGER, false, pgConnection.getClassLoader());
			Method copyIn = copyManager.getMethod("copyIn", String.class, Reader.class);
			return (Long) copyIn.invoke(copyApi, sql, new StringReader(rows));
		}
		catch (InvocationTargetException ex) {
			Throwable cause = ex.getCause();
			if (cause instanceof SQLException sqlException) {
				throw sqlException;
			}
			if (cause instanceof IOException || cause instanceof RuntimeException) {
				throw new SQLException(cause.getMessage(), cause);
			}
			throw new SQLException(ex.getMessage(), ex);
		}
		catch (ReflectiveOperationException ex) {
			throw new SQLFeatureNotSupportedException(
					"The PostgreSQL driver on the class path has no CopyManager API for COPY ... FROM stdin: " + ex,
					ex);
		}
	}

	private static Class<?> driverClass(Connection connection, String name) throws SQLException {
		ClassLoader[] classLoaders = { connection.getClass().getClassLoader(),
				Thread.currentThread().getContextClassLoader(), PostgresCopyIn.class.getClassLoader() };
		for (ClassLoader classLoader : classLoaders) {
			try {
				Class<?> type = Class.forName(name, false, classLoader);
				if (connection.isWrapperFor(type)) {
					return type;
				}
			}
			catch (ClassNotFoundException ex) {
				// Look in the next class loader
			}
		}
		throw new SQLFeatureNotSupportedException("COPY ... FROM stdin needs a connection of the PostgreSQL JDBC "
				+ "driver (org.postgresql), which sends its rows; this connection is a "
				+ connection.getClass().getName());
	}

}
