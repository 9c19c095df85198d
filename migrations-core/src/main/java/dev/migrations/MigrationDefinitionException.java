package dev.migrations;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when the migrations themselves are wrong before anything runs: a malformed id or
 * file name, two migrations with the same id or the same timestamp, a location naming
 * {@code {vendor}} for a database without a dialect, a {@code .down.sql} without its
 * {@code .up.sql}, an invalid ledger table name or an unreadable location; or when an id
 * given to a runner, such as the target of
 * {@link MigrationRunner#rollbackTo(MigrationId)}, is neither applied nor defined.
 */
public class MigrationDefinitionException extends MigrationException {

	public MigrationDefinitionException(String message) {
		super(message);
	}

	public MigrationDefinitionException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

	/**
	 * Create an exception with a remedy.
	 * @param description what is wrong
	 * @param remedy what resolves it
	 * @param cause the cause, or {@code null}
	 */
	public MigrationDefinitionException(String description, Remedy remedy, @Nullable Throwable cause) {
		super(description, remedy, cause);
	}

}
