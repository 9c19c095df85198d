package dev.migrations.runner;

import java.sql.Connection;
import java.sql.SQLException;

import dev.migrations.MigrationException;
import dev.migrations.Remedy;
import dev.migrations.internal.Jdbc;
import dev.migrations.lock.HeldLock;

/**
 * Runs work on the migration connection while the migration lock is held: the lock is
 * taken first, the connection opened inside it, and both are given back whatever happens.
 * A failure that comes from a schema that does not exist says so.
 */
final class LockedConnection {

	private final RunnerSettings settings;

	private final RunnerAdvice advice;

	LockedConnection(RunnerSettings settings, RunnerAdvice advice) {
		this.settings = settings;
		this.advice = advice;
	}

	/**
	 * Take the lock, open the connection and run the work.
	 * @param <T> the work's result type
	 * @param work the work
	 * @return its result
	 */
	<T> T run(Work<T> work) {
		try {
			return this.settings.lock().withLock(this.settings.lockTimeout(), (held) -> {
				this.settings.listener().lockAcquired(held.waited());
				return Jdbc.withConnection(this.settings.connections(), Remedy.of(Remedy.Kind.SECOND_CONNECTION),
						(connection) -> work.run(connection, held));
			});
		}
		catch (MigrationException ex) {
			throw this.advice.explainMissingSchema(ex);
		}
	}

	/**
	 * Work on the migration connection while the lock is held.
	 *
	 * @param <T> the result type
	 */
	@FunctionalInterface
	interface Work<T> {

		T run(Connection connection, HeldLock lock) throws SQLException;

	}

}
