package dev.migrations.testing;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts what reading through a connection costs: every statement execution and every
 * metadata query, on the connection and on the statements and metadata it returns.
 */
public final class QueryCounter {

	private final AtomicInteger queries = new AtomicInteger();

	/**
	 * Wrap a connection so that what runs through it is counted.
	 * @param connection the connection
	 * @return the counting connection
	 */
	public Connection wrap(Connection connection) {
		return counting(Connection.class, connection);
	}

	/**
	 * Return how many statements and metadata queries ran so far.
	 * @return the count
	 */
	public int queries() {
		return this.queries.get();
	}

	/**
	 * Return how many statements and metadata queries an action runs on a connection of a
	 * database.
	 * @param database the database
	 * @param action what to count
	 * @return the count
	 * @throws SQLException on a database error
	 */
	public static int count(TestDatabase database, ConnectionAction action) throws SQLException {
		QueryCounter counter = new QueryCounter();
		try (Connection connection = database.dataSource().getConnection()) {
			action.run(counter.wrap(connection));
		}
		return counter.queries();
	}

	@SuppressWarnings("unchecked")
	private <T> T counting(Class<T> type, T target) {
		return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type }, (proxy, method, args) -> {
			boolean metadataQuery = type == DatabaseMetaData.class && method.getReturnType() == ResultSet.class;
			if (method.getName().startsWith("execute") || metadataQuery) {
				this.queries.incrementAndGet();
			}
			try {
				Object result = method.invoke(target, args);
				Class<?> returned = method.getReturnType();
				if (result != null
						&& (Statement.class.isAssignableFrom(returned) || returned == DatabaseMetaData.class)) {
					return counting((Class<Object>) returned, result);
				}
				return result;
			}
			catch (InvocationTargetException ex) {
				throw ex.getCause();
			}
		});
	}

	/**
	 * Something done on a connection.
	 */
	@FunctionalInterface
	public interface ConnectionAction {

		/**
		 * Do it.
		 * @param connection the (counting) connection
		 * @throws SQLException on a database error
		 */
		void run(Connection connection) throws SQLException;

	}

}
