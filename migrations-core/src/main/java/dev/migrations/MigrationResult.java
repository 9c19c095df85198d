package dev.migrations;

import java.util.List;

/**
 * What one run of {@link MigrationRunner#applyAll()} or
 * {@link MigrationRunner#rollback(int)} did.
 *
 * @param batch the batch applied, or 0 when nothing ran; for a rollback, 0
 * @param migrations the migrations run, in the order they ran
 */
public record MigrationResult(int batch, List<ExecutedMigration> migrations) {

	public MigrationResult {
		migrations = List.copyOf(migrations);
	}

	/**
	 * Whether nothing ran.
	 * @return {@code true} if no migration ran
	 */
	public boolean isEmpty() {
		return this.migrations.isEmpty();
	}

}
