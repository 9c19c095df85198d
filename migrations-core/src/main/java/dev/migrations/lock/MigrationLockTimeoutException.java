package dev.migrations.lock;

import dev.migrations.Remedy;

/**
 * Thrown when the migration lock is still held by someone else when the lock timeout runs
 * out: another run, in another process or this one, is applying migrations, or its
 * session still holds the lock. Any other failure to acquire or release the lock is a
 * plain {@link MigrationLockException}.
 */
public class MigrationLockTimeoutException extends MigrationLockException {

	public MigrationLockTimeoutException(String message) {
		super(message);
	}

	/**
	 * Create an exception with a remedy.
	 * @param description what the run waited for, and who holds the lock
	 * @param remedy what resolves it
	 */
	public MigrationLockTimeoutException(String description, Remedy remedy) {
		super(description, remedy, null);
	}

}
