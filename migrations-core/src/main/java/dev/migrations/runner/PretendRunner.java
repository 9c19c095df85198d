package dev.migrations.runner;

import java.util.List;
import java.util.Objects;

import dev.migrations.MigrationDescriptor;
import dev.migrations.MigrationId;
import dev.migrations.PlannedMigration;

/**
 * A dry-run view of a {@link MigrationRunner}: each method returns the exact SQL, per
 * migration, that the runner's method of the same name would execute on the connected
 * database. It takes no lock and changes nothing, not even creating the ledger table.
 * Thread-safe.
 */
public final class PretendRunner {

	private final MigrationRunner runner;

	PretendRunner(MigrationRunner runner) {
		this.runner = runner;
	}

	/**
	 * Plan applying every pending migration.
	 * @return the plans, in the order they would run
	 */
	public List<PlannedMigration> applyAll() {
		return applyAll(Integer.MAX_VALUE);
	}

	/**
	 * Plan applying at most {@code limit} pending migrations.
	 * @param limit how many at most
	 * @return the plans, in the order they would run
	 */
	public List<PlannedMigration> applyAll(int limit) {
		return this.runner.planApply(limit);
	}

	/**
	 * Render the up plan of one migration, whatever its state: the SQL it ran with, or
	 * would run with, on the connected database. Reads neither the ledger nor the
	 * database.
	 * @param migration one of the runner's {@link MigrationRunner#descriptors()}
	 * @return its up plan
	 * @throws MigrationDefinitionException if the database cannot run an operation of it
	 */
	public PlannedMigration up(MigrationDescriptor migration) {
		Objects.requireNonNull(migration, "migration must not be null");
		return this.runner.planUp(migration);
	}

	/**
	 * Plan rolling back the last batch.
	 * @return the plans, in the order they would run
	 */
	public List<PlannedMigration> rollback() {
		return rollback(1);
	}

	/**
	 * Plan rolling back the last {@code steps} batches.
	 * @param steps how many batches
	 * @return the plans, in the order they would run
	 */
	public List<PlannedMigration> rollback(int steps) {
		if (steps < 1) {
			throw new IllegalArgumentException("steps must be at least 1, was " + steps);
		}
		return this.runner.planRollback((view) -> view.lastBatches(steps));
	}

	/**
	 * Plan rolling back every migration applied after {@code target}.
	 * @param target the migration to keep
	 * @return the plans, in the order they would run
	 * @throws MigrationDefinitionException if the target is neither applied nor defined
	 * by a source
	 */
	public List<PlannedMigration> rollbackTo(MigrationId target) {
		Objects.requireNonNull(target, "target must not be null");
		return this.runner.planRollback((view) -> view.appliedAfter(target));
	}

}
