package dev.migrations.runner;

import java.sql.Connection;
import java.sql.SQLException;

import dev.migrations.lock.HeldLock;

/**
 * Work on the migration connection while the lock is held.
 *
 * @param <T> the result type
 */
@FunctionalInterface
interface LockedWork<T> {

	/**
	 * Do the work.
	 * @param connection the migration connection
	 * @param lock the held lock
	 * @return the result
	 * @throws SQLException on a database error
	 */
	T run(Connection connection, HeldLock lock) throws SQLException;

}
