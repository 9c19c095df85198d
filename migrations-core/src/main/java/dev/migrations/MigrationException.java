package dev.migrations;

import org.jspecify.annotations.Nullable;

/**
 * Root of the unchecked exceptions thrown by the migration engine. Every message names
 * what failed and what to do next; a secondary failure (releasing a lock, rolling back)
 * is attached as suppressed and never replaces the first.
 */
public class MigrationException extends RuntimeException {

	public MigrationException(String message) {
		super(message);
	}

	public MigrationException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
