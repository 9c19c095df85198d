package dev.migrations.lock;

import java.time.Duration;
import java.util.Optional;

import dev.migrations.Remedy;

/**
 * A database-wide lock held for a whole migration run, on a dedicated connection that is
 * not used for migrations. Release cannot be forgotten: the lock is only ever held around
 * an action. No crash can leave a lock that blocks the next start, and a holder that lost
 * the lock finds out the next time it proves it holds it ({@link HeldLock#verify}).
 * Implementations are thread-safe.
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
	 * Take the lock away from a holder that an operator has found stuck or gone: end its
	 * database session, or delete its lease. A holder that was alive after all finds out
	 * before its next write and stops. Does nothing when someone else holds the lock by
	 * then.
	 * @param holder the holder, as {@link #holder()} returned it
	 * @throws MigrationLockException if the database refuses, for lack of privileges say,
	 * or, by default, because the lock does not know how
	 */
	default void breakLock(LockHolder holder) {
		throw new MigrationLockException(
				"The migration lock " + getClass().getName() + " cannot be taken from " + holder
						+ ". Nothing was changed.",
				Remedy.of(Remedy.Kind.RELEASE_LOCK).with(Remedy.Fact.HOLDER, holder), null);
	}

	/**
	 * What runs while the lock is held.
	 *
	 * @param <T> the result type
	 */
	@FunctionalInterface
	interface LockedAction<T> {

		/**
		 * Run the action.
		 * @param lock the held lock
		 * @return the result
		 */
		T run(HeldLock lock);

	}

}
