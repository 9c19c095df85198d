package dev.migrations.test;

import javax.sql.DataSource;

import dev.migrations.JdbcUrlDataSource;
import dev.migrations.catalog.Catalog;
import dev.migrations.runner.MigrationRunner;

/**
 * A fresh copy of a migrated template database, for one test class or method: its
 * migrations are applied and its ledger says so, so that a runner of the same migrations
 * finds nothing pending. {@link #close()} drops it in the background; {@link #refresh()}
 * gives it back the template's content. Thread-safe, though a test usually keeps its copy
 * to itself.
 */
public final class DatabaseCopy implements AutoCloseable {

	private final Template template;

	private final String name;

	private final JdbcUrlDataSource dataSource;

	private boolean closed;

	DatabaseCopy(Template template, String name) {
		this.template = template;
		this.name = name;
		this.dataSource = template.server().dataSource(name);
	}

	/**
	 * Return the copy's generated name: {@code migrations_copy_} and twelve hex digits,
	 * the database's name on a server, the in-memory database's for H2, and the file's
	 * (without {@code .db}) for SQLite.
	 * @return the name
	 */
	public String name() {
		return this.name;
	}

	/**
	 * Return the copy's JDBC URL, which carries the parameters of the server's URL,
	 * credentials among them: do not print it.
	 * @return the URL
	 */
	public String url() {
		return this.template.server().url(this.name);
	}

	/**
	 * Return a data source that opens a new connection to the copy for every request.
	 * @return the data source
	 */
	public DataSource dataSource() {
		return this.dataSource;
	}

	/**
	 * Return a runner of the template's migrations on this copy, to roll back, apply up
	 * to a migration ({@link MigrationRunner#targeting}) or read the status in a test of
	 * the migrations themselves.
	 * @return the runner
	 */
	public MigrationRunner runner() {
		return this.template.definition().runner(this.dataSource);
	}

	/**
	 * Return the copy's schema as its catalog describes it, without the ledger.
	 * @return the schema
	 */
	public Catalog schema() {
		return runner().describeSchema();
	}

	/**
	 * Drop the copy and copy the template again under the same name, so that the
	 * {@link #dataSource()} and {@link #url()} stay valid. Connections open to the copy
	 * are closed by the drop where the database does so (PostgreSQL 13 and later, H2),
	 * and must be closed first elsewhere.
	 */
	public synchronized void refresh() {
		if (this.closed) {
			throw new IllegalStateException("The copy " + this.name + " is closed: ask the template for a new one");
		}
		this.template.dropCopy(this.name);
		this.template.copyTo(this.name);
	}

	/**
	 * Drop the copy in the background, so that the next test need not wait for it; does
	 * nothing when the copy is closed already. Close the connections to the copy first
	 * where the database does not close them itself (see {@link #refresh()}).
	 * {@link DatabaseTemplate#close()}, and the end of the JVM, wait for the drop.
	 */
	@Override
	public synchronized void close() {
		if (!this.closed) {
			this.closed = true;
			this.template.dropCopyLater(this.name);
		}
	}

	@Override
	public String toString() {
		return "DatabaseCopy " + this.name;
	}

}
