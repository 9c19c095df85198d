package dev.migrations.lock;

import dev.migrations.MigrationException;
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

}
