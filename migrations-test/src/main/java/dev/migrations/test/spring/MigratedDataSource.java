package dev.migrations.test.spring;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Supplier;

import dev.migrations.test.DatabaseCopy;
import dev.migrations.test.DatabaseTemplate;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.datasource.AbstractDataSource;

/**
 * The DataSource of a Spring test with {@link AutoConfigureMigratedDatabase}: every
 * connection is one to the current copy of the template, made on first use and dropped by
 * {@link #release()} after each test class or method. Thread-safe.
 */
final class MigratedDataSource extends AbstractDataSource {

	private final Supplier<DatabaseTemplate> template;

	private @Nullable DatabaseCopy copy;

	/**
	 * Create a DataSource on copies of a template.
	 * @param template the template, resolved at the first copy: by then the context has
	 * created the beans that define it
	 */
	MigratedDataSource(Supplier<DatabaseTemplate> template) {
		this.template = template;
	}

	/**
	 * Drop the current copy, if any: the next connection is one to a new copy.
	 */
	synchronized void release() {
		DatabaseCopy copy = this.copy;
		this.copy = null;
		if (copy != null) {
			copy.close();
		}
	}

	/**
	 * Return the current copy, making it on first use.
	 * @return the copy
	 */
	synchronized DatabaseCopy copy() {
		DatabaseCopy copy = this.copy;
		if (copy == null) {
			copy = this.template.get().copy();
			this.copy = copy;
		}
		return copy;
	}

	@Override
	public Connection getConnection() throws SQLException {
		return copy().dataSource().getConnection();
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return copy().dataSource().getConnection(username, password);
	}

	@Override
	public String toString() {
		return "MigratedDataSource";
	}

}
