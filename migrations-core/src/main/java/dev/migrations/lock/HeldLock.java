package dev.migrations.lock;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

/**
 * The migration lock while a {@link MigrationLock.LockedAction} runs: who holds it, how
 * long taking it took, and the proof that it is still held. A runner proves it before
 * each migration and each ledger write, and stops at once when it cannot. Used by the
 * thread that runs the action.
 */
public interface HeldLock {

	/**
	 * Return how long acquiring the lock took.
	 * @return the time waited
	 */
	Duration waited();

	/**
	 * Return this holder as {@link MigrationLock#holder()} reports it to other sessions
	 * while the lock is held, so that a row written under the lock can be matched with a
	 * live holder.
	 * @return this holder
	 */
	LockHolder holder();

	/**
	 * Describe the lock, such as {@code PostgreSQL advisory lock 42}.
	 * @return the description
	 */
	String description();

	/**
	 * Prove that the lock is still held, before the connection that applies migrations
	 * writes. A lease lock renews its lease on that connection, in its transaction when
	 * it has one, so that the write and the proof commit together; a session lock checks
	 * its own connection.
	 * @param connection the connection about to write
	 * @throws MigrationLockLostException if the lock is no longer held
	 */
	void verify(Connection connection);

	/**
	 * Return the proof of the lock as a condition that a ledger write on the connection
	 * that applies migrations checks in the same statement, where the lock can be proven
	 * in SQL: then proving it costs no round trip of its own. Empty where it cannot, such
	 * as a lease, which {@link #verify(Connection)} renews.
	 * @return the condition, or empty
	 */
	default Optional<WriteCondition> writeCondition() {
		return Optional.empty();
	}

	/**
	 * Run work on the lock's own connection, in auto-commit mode, such as recording a
	 * failure when the connection that applies migrations is broken.
	 * @param work the work
	 * @throws SQLException on a database error
	 */
	void onLockConnection(ConnectionWork work) throws SQLException;

	/**
	 * Work on a connection.
	 */
	@FunctionalInterface
	interface ConnectionWork {

		/**
		 * Do the work.
		 * @param connection the connection
		 * @throws SQLException on a database error
		 */
		void run(Connection connection) throws SQLException;

	}

}
