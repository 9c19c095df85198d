package dev.migrations.testing;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import javax.sql.DataSource;

import dev.migrations.internal.DelegatingDataSource;

/**
 * A pool that hands out the same physical connections again, as a connection pool does,
 * so that what a borrower leaves in a session is seen by the next.
 */
public final class ReusedConnections extends DelegatingDataSource implements AutoCloseable {

	private final Deque<Connection> idle = new ArrayDeque<>();

	private final List<Connection> all = new ArrayList<>();

	/**
	 * Create a pool over a data source.
	 * @param dataSource where the physical connections come from
	 */
	public ReusedConnections(DataSource dataSource) {
		super(dataSource);
	}

	@Override
	public synchronized Connection getConnection() throws SQLException {
		Connection physical = this.idle.poll();
		if (physical == null) {
			physical = delegate().getConnection();
			this.all.add(physical);
		}
		Connection borrowed = physical;
		return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
				new Class<?>[] { Connection.class }, (proxy, method, arguments) -> {
					if (method.getName().equals("close")) {
						giveBack(borrowed);
						return null;
					}
					if (method.getName().equals("isClosed")) {
						return false;
					}
					try {
						return method.invoke(borrowed, arguments);
					}
					catch (InvocationTargetException ex) {
						throw ex.getCause();
					}
				});
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return getConnection();
	}

	private synchronized void giveBack(Connection connection) {
		this.idle.push(connection);
	}

	/**
	 * Return the schema (on MariaDB, the database) each physical connection's session is
	 * in now, as {@code catalog.schema}.
	 * @return the schemas
	 * @throws SQLException on a database error
	 */
	public synchronized List<String> sessionSchemas() throws SQLException {
		List<String> schemas = new ArrayList<>();
		for (Connection connection : this.all) {
			schemas.add(String.valueOf(connection.getCatalog()) + "." + connection.getSchema());
		}
		if (schemas.isEmpty()) {
			try (Connection connection = getConnection()) {
				schemas.add(String.valueOf(connection.getCatalog()) + "." + connection.getSchema());
			}
		}
		return schemas;
	}

	@Override
	public synchronized void close() throws SQLException {
		for (Connection connection : this.all) {
			connection.close();
		}
	}

}
