package dev.migrations.lock;

/**
 * Thrown when the migration lock is still held by someone else when the lock timeout runs
 * out: another process is applying migrations, or its session still holds the lock. Any
 * other failure to acquire or release the lock is a plain {@link MigrationLockException}.
 */
public class MigrationLockTimeoutException extends MigrationLockException {

	public MigrationLockTimeoutException(String message) {
		super(message);
	}

}
