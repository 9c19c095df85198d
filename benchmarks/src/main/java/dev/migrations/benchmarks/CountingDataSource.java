package dev.migrations.benchmarks;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

/**
 * Counts the connections in use at once, from {@code getConnection()} to {@code close()},
 * and keeps the highest count. Thread-safe.
 */
final class CountingDataSource extends ForwardingDataSource {

	private final AtomicInteger inUse = new AtomicInteger();

	private final AtomicInteger peak = new AtomicInteger();

	CountingDataSource(DataSource dataSource) {
		super(dataSource);
	}

	/**
	 * Return the highest number of connections that were in use at once.
	 * @return the peak
	 */
	int peak() {
		return this.peak.get();
	}

	@Override
	Connection opened(Connection connection) {
		this.peak.accumulateAndGet(this.inUse.incrementAndGet(), Math::max);
		return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
				new Class<?>[] { Connection.class }, new Counted(connection));
	}

	private final class Counted implements InvocationHandler {

		private final Connection connection;

		private final AtomicBoolean closed = new AtomicBoolean();

		Counted(Connection connection) {
			this.connection = connection;
		}

		@Override
		public Object invoke(Object proxy, Method method, Object[] arguments) throws Throwable {
			if (method.getName().equals("close") && method.getParameterCount() == 0
					&& this.closed.compareAndSet(false, true)) {
				CountingDataSource.this.inUse.decrementAndGet();
			}
			try {
				return method.invoke(this.connection, arguments);
			}
			catch (InvocationTargetException ex) {
				throw ex.getCause();
			}
		}

	}

}
