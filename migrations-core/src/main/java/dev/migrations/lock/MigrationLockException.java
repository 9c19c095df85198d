package dev.migrations.lock;

import dev.migrations.MigrationException;
import dev.migrations.Remedy;
import org.jspecify.annotations.Nullable;

/**
 * Thrown when the migration lock cannot be acquired in time, or when acquiring or
 * releasing it fails.
 */
public class MigrationLockException extends MigrationException {

	public MigrationLockException(String message) {
		super(message);
	}

	public MigrationLockException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

	/**
	 * Create an exception with a remedy.
	 * @param description what failed
	 * @param remedy what resolves it
	 * @param cause the cause, or {@code null}
	 */
	public MigrationLockException(String description, Remedy remedy, @Nullable Throwable cause) {
		super(description, remedy, cause);
	}

}
