package dev.migrations.test;

import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.migrations.MigrationException;
import org.jspecify.annotations.Nullable;

/**
 * One template database: created and migrated once, then copied for every request; the
 * copies still open when it is dropped are dropped first. A migration that fails is
 * remembered, so that every later request fails at once with the same cause instead of
 * migrating again. Thread-safe.
 */
final class Template {

	private final DatabaseTemplate definition;

	private final DatabaseServer server;

	private final String name = DatabaseServer.newName(DatabaseServer.TEMPLATE_PREFIX);

	private final Set<String> copies = ConcurrentHashMap.newKeySet();

	private boolean migrated;

	private @Nullable RuntimeException failure;

	Template(DatabaseTemplate definition) {
		this.definition = definition;
		this.server = definition.server();
	}

	/**
	 * Create and migrate the template, unless done already.
	 */
	synchronized void migrate() {
		if (this.failure != null) {
			throw this.failure;
		}
		if (this.migrated) {
			return;
		}
		try {
			this.server.create(this.name);
			try {
				this.definition.runner(this.server.dataSource(this.name)).applyAll();
				this.server.migrated(this.name);
			}
			catch (RuntimeException | SQLException ex) {
				this.server.drop(this.name);
				throw ex;
			}
			this.migrated = true;
		}
		catch (MigrationException ex) {
			this.failure = new IllegalStateException(
					"The migrations of the template database failed, so no test gets a copy: " + ex.getMessage(), ex);
			throw this.failure;
		}
		catch (RuntimeException | SQLException ex) {
			this.failure = this.definition.failure("create the template database " + this.name, ex);
			throw this.failure;
		}
	}

	/**
	 * Return a new copy of the template.
	 * @return the copy
	 */
	DatabaseCopy copy() {
		return new DatabaseCopy(this, DatabaseServer.newName(DatabaseServer.COPY_PREFIX));
	}

	/**
	 * Fill a database, which must not exist, with the template's content.
	 * @param copy the database's name
	 */
	void copyTo(String copy) {
		try {
			this.server.copy(this.name, copy);
			this.copies.add(copy);
		}
		catch (SQLException | RuntimeException ex) {
			dropQuietly(copy, ex);
			throw this.definition.failure("copy the template database " + this.name + " to " + copy, ex);
		}
	}

	/**
	 * Drop a copy.
	 * @param copy the copy's name
	 */
	void dropCopy(String copy) {
		try {
			this.server.drop(copy);
			this.copies.remove(copy);
		}
		catch (SQLException ex) {
			throw this.definition.failure("drop the copy " + copy, ex);
		}
	}

	/**
	 * Drop the copies still open, then the template.
	 */
	synchronized void drop() {
		for (String copy : List.copyOf(this.copies)) {
			dropCopy(copy);
		}
		if (this.migrated) {
			this.migrated = false;
			dropCopy(this.name);
		}
	}

	String name() {
		return this.name;
	}

	DatabaseTemplate definition() {
		return this.definition;
	}

	DatabaseServer server() {
		return this.server;
	}

	private void dropQuietly(String copy, Exception failure) {
		try {
			this.server.drop(copy);
		}
		catch (SQLException | RuntimeException ex) {
			failure.addSuppressed(ex);
		}
	}

}
