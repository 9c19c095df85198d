package dev.migrations;

/**
 * Thrown by {@link Migration#down} when a migration cannot be undone, and by a rollback
 * that would have to undo such a migration. A rollback throws it before it changes
 * anything.
 */
public class IrreversibleMigrationException extends MigrationException {

	public IrreversibleMigrationException(String message) {
		super(message);
	}

	/**
	 * Create an exception with a remedy.
	 * @param description what cannot be rolled back
	 * @param remedy what resolves it
	 */
	public IrreversibleMigrationException(String description, Remedy remedy) {
		super(description, remedy);
	}

}
