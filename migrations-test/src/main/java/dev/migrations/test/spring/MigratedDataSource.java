package dev.migrations.test.spring;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Function;
import java.util.function.Supplier;

import javax.sql.DataSource;

import dev.migrations.test.DatabaseCopy;
import dev.migrations.test.DatabaseTemplate;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.datasource.AbstractDataSource;

/**
 * The DataSource of a Spring test with {@link AutoConfigureMigratedDatabase}: every
 * connection is one to the current copy of the template, made on first use and dropped by
 * {@link #release()} after each test class or method. The connections come from a pool of
 * the copy's own, closed before the copy is dropped, when HikariCP is on the class path.
 * Thread-safe.
 */
final class MigratedDataSource extends AbstractDataSource {

	private final Supplier<DatabaseTemplate> template;

	private final Function<DatabaseCopy, DataSource> connections;

	private @Nullable Current current;

	/**
	 * Create a DataSource on copies of a template.
	 * @param template the template, resolved at the first copy: by then the context has
	 * created the beans that define it
	 * @param connections what opens the connections to a copy; closed before the copy is
	 * dropped when it is {@link AutoCloseable}
	 */
	MigratedDataSource(Supplier<DatabaseTemplate> template, Function<DatabaseCopy, DataSource> connections) {
		this.template = template;
		this.connections = connections;
	}

	/**
	 * Close the current copy's connections and drop it, if any: the next connection is
	 * one to a new copy.
	 */
	synchronized void release() {
		Current current = this.current;
		this.current = null;
		if (current != null) {
			current.close();
		}
	}

	/**
	 * Return the current copy and its connections, making them on first use.
	 */
	private synchronized Current current() {
		Current current = this.current;
		if (current == null) {
			DatabaseCopy copy = this.template.get().copy();
			current = new Current(copy, this.connections.apply(copy));
			this.current = current;
		}
		return current;
	}

	@Override
	public Connection getConnection() throws SQLException {
		return current().connections().getConnection();
	}

	/**
	 * Return a connection to the current copy as another user: a new one, which no pool
	 * keeps.
	 */
	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return current().copy().dataSource().getConnection(username, password);
	}

	@Override
	public String toString() {
		return "MigratedDataSource";
	}

	/**
	 * A copy and what opens the connections to it.
	 */
	private record Current(DatabaseCopy copy, DataSource connections) {

		/**
		 * Close the connections, then drop the copy, which a connection still open could
		 * hold up (MySQL, MariaDB) or lose (PostgreSQL).
		 */
		void close() {
			try {
				if (this.connections instanceof AutoCloseable pool) {
					pool.close();
				}
			}
			catch (Exception ex) {
				IllegalStateException failure = new IllegalStateException(
						"Could not close the connections to the copy " + this.copy.name(), ex);
				try {
					this.copy.close();
				}
				catch (RuntimeException dropFailure) {
					failure.addSuppressed(dropFailure);
				}
				throw failure;
			}
			this.copy.close();
		}

	}

}
