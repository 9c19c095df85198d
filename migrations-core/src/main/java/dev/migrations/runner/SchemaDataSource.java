package dev.migrations.runner;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import dev.migrations.dialect.Dialect;
import dev.migrations.dialect.SessionState;
import dev.migrations.internal.DelegatingDataSource;

/**
 * The connections of a fleet's target schema: each connection is switched to the schema
 * (the search path on PostgreSQL, the default database on MySQL and MariaDB, the schema
 * on H2) when it is opened, so that a runner captures the schema as the session's initial
 * state and every migration starts from it; and the session is put back as it was when
 * the connection is closed, so that a pooled connection returns to the pool unchanged.
 * Thread-safe.
 */
final class SchemaDataSource extends DelegatingDataSource {

	private final Dialect dialect;

	private final String schema;

	SchemaDataSource(DataSource dataSource, Dialect dialect, String schema) {
		super(dataSource);
		this.dialect = dialect;
		this.schema = schema;
	}

	@Override
	public Connection getConnection() throws SQLException {
		return switched(delegate().getConnection());
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return switched(delegate().getConnection(username, password));
	}

	private Connection switched(Connection connection) throws SQLException {
		SessionState original;
		try {
			original = this.dialect.sessionState(connection);
			this.dialect.useSchema(connection, this.schema);
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
			throw new SQLException("Could not use schema " + this.schema + ": " + ex.getMessage(), ex.getSQLState(),
					ex);
		}
		return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
				new Class<?>[] { Connection.class }, (proxy, method, arguments) -> {
					if (method.getName().equals("close") && method.getParameterCount() == 0 && !connection.isClosed()) {
						restoreAndClose(connection, original);
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

	private static void restoreAndClose(Connection connection, SessionState original) throws SQLException {
		try {
			if (!connection.getAutoCommit()) {
				connection.rollback();
			}
			original.restore(connection);
			if (!connection.getAutoCommit()) {
				connection.commit();
			}
		}
		finally {
			connection.close();
		}
	}

}
