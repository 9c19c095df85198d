package dev.migrations;

import dev.migrations.schema.Schema;
import org.jspecify.annotations.Nullable;

/**
 * A change to the database, written in Java. {@link #up} records operations on the
 * {@link Schema}; nothing runs while it is called, so the same plan can be shown by a dry
 * run, hashed into a checksum and executed.
 * <p>
 * A migration that does not override {@link #down} gets its down plan derived from its up
 * plan when every recorded operation is reversible; otherwise it is irreversible and a
 * rollback that reaches it refuses before changing anything.
 * <p>
 * Implementations should be stateless; the engine may call {@code up} and {@code down}
 * more than once.
 */
@FunctionalInterface
public interface Migration {

	/**
	 * Record the operations that apply this migration.
	 * @param schema the schema to record operations on
	 */
	void up(Schema schema);

	/**
	 * Record the operations that undo this migration.
	 * @param schema the schema to record operations on
	 * @throws IrreversibleMigrationException if the migration cannot be undone
	 */
	default void down(Schema schema) {
		throw new IrreversibleMigrationException(getClass().getName() + " does not define down()");
	}

	/**
	 * Whether this migration runs inside a transaction (where the database supports
	 * transactional DDL). Return {@code false} for statements that refuse to run in one,
	 * such as PostgreSQL's {@code CREATE INDEX CONCURRENTLY}.
	 * @return whether to run in a transaction
	 */
	default boolean transactional() {
		return true;
	}

	/**
	 * Whether this migration is meant to destroy data: to drop a table or a column that
	 * holds rows, or to narrow a column's type. A run refuses, before it applies
	 * anything, pending migrations whose plan would do so to the data the database holds,
	 * unless they return {@code true} here or the run allows destructive changes. The
	 * plan recorded with the schema builder is judged ({@code drop}, {@code dropColumn},
	 * {@code change()} to a narrower type, and the statements of {@code sql(...)});
	 * {@code jdbc(...)} work cannot be.
	 * @return whether the migration may destroy data
	 */
	default boolean destructive() {
		return false;
	}

	/**
	 * Whether this migration repairs drift: written by {@code make:repair-migration} to
	 * bring a database that was changed by hand back to the schema the other migrations
	 * build. It is applied and recorded like any other, but the replay of the ledger on a
	 * shadow database (drift detection, verification) leaves it out, since on a database
	 * built from the other migrations there is nothing for it to repair. A SQL migration
	 * says so with a {@code -- migrations: repair} header line.
	 * @return whether the migration is a repair
	 */
	default boolean repair() {
		return false;
	}

	/**
	 * Return the version this migration had under Flyway before it was renamed, such as
	 * {@code 1.1}, or {@code null} (the default) for a migration that never ran under
	 * Flyway. With baseline-on-migrate, a database that Flyway migrated is baselined at
	 * the migration whose version is the last one Flyway's history table records. A SQL
	 * migration says so with a {@code -- flyway: V1.1} header line, which the rename
	 * script of the Flyway guide writes.
	 * @return the Flyway version, digits separated by dots, or {@code null}
	 */
	default @Nullable String flywayVersion() {
		return null;
	}

}
