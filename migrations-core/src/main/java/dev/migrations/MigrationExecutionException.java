package dev.migrations;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when a statement of a migration fails. The message names the migration, its
 * source, the statement number and line, an excerpt of the SQL, the database's own error
 * and the next step.
 */
public class MigrationExecutionException extends MigrationException {

	private final MigrationId migrationId;

	private final int statementNumber;

	public MigrationExecutionException(String message, MigrationId migrationId, int statementNumber,
			@Nullable Throwable cause) {
		super(message, cause);
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

}
