package dev.migrations;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when a statement of a migration fails. The description names the migration, its
 * source, the statement number and line, an excerpt of the SQL and the database's own
 * error; the remedy says what the failure left behind and what to do next.
 */
public class MigrationExecutionException extends MigrationException {

	private final MigrationId migrationId;

	private final int statementNumber;

	public MigrationExecutionException(String message, MigrationId migrationId, int statementNumber,
			@Nullable Throwable cause) {
		this(message, Remedy.NONE, migrationId, statementNumber, cause);
	}

	/**
	 * Create an exception.
	 * @param description what failed
	 * @param remedy what resolves it
	 * @param migrationId the migration that failed
	 * @param statementNumber the 1-based number of the statement that failed, or 0
	 * @param cause the database's error, or {@code null}
	 */
	public MigrationExecutionException(String description, Remedy remedy, MigrationId migrationId, int statementNumber,
			@Nullable Throwable cause) {
		super(description, remedy, cause);
		this.migrationId = migrationId;
		this.statementNumber = statementNumber;
	}

	/**
	 * Return the id of the migration that failed.
	 * @return the id
	 */
	public MigrationId getMigrationId() {
		return this.migrationId;
	}

	/**
	 * Return the 1-based number of the statement that failed, within its migration.
	 * @return the statement number
	 */
	public int getStatementNumber() {
		return this.statementNumber;
	}

	/**
	 * Return the same failure with another remedy, its suppressed failures kept.
	 * @param remedy the remedy
	 * @return the failure
	 */
	public MigrationExecutionException withRemedy(Remedy remedy) {
		MigrationExecutionException failure = new MigrationExecutionException(description(), remedy, this.migrationId,
				this.statementNumber, getCause());
		failure.setStackTrace(getStackTrace());
		for (Throwable suppressed : getSuppressed()) {
			failure.addSuppressed(suppressed);
		}
		return failure;
	}

}
