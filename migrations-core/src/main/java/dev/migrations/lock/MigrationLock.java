package dev.migrations.lock;

import java.time.Duration;
import java.util.Optional;

/**
 * A database-wide lock held for a whole migration run, on a dedicated connection that is
 * not used for migrations. Release cannot be forgotten: the lock is only ever held around
 * an action. No crash can leave a lock that blocks the next start. Implementations are
 * thread-safe.
 */
public interface MigrationLock {

	/**
	 * Acquire the lock, waiting at most {@code timeout}, run the action and release the
	 * lock.
	 * @param <T> the action's result type
	 * @param timeout how long to wait for another holder
	 * @param action what to do while holding the lock
	 * @return the action's result
	 * @throws MigrationLockTimeoutException if someone else still holds the lock when the
	 * timeout runs out
	 * @throws MigrationLockException if acquiring or releasing the lock fails otherwise
	 */
	<T> T withLock(Duration timeout, LockedAction<T> action);

	/**
	 * Return who holds the lock now, if anyone.
	 * @return the holder, or empty when the lock is free or the holder cannot be seen
	 */
	Optional<LockHolder> holder();

	/**
	 * What runs while the lock is held.
	 *
	 * @param <T> the result type
	 */
	@FunctionalInterface
	interface LockedAction<T> {

		/**
		 * Run the action.
		 * @param waited how long acquiring the lock took
		 * @return the result
		 */
		T run(Duration waited);

	}

}
