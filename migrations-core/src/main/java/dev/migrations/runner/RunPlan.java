package dev.migrations.runner;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import dev.migrations.Direction;
import dev.migrations.MigrationDescriptor;
import dev.migrations.TransactionMode;
import dev.migrations.schema.SchemaOperation;
import dev.migrations.source.SquashFile;
import org.jspecify.annotations.Nullable;

/**
 * What one locked run executes: the rendered plans of its migrations in order, which way,
 * under which batch number and in which transactions.
 *
 * @param direction whether the run applies or rolls back
 * @param batch the batch number of the ledger rows the run writes, {@code 0} for a
 * rollback
 * @param transactionMode whether each migration commits on its own or the whole run is
 * one transaction; checked against the database and the migrations before
 * @param migrations the rendered plans, in the order they run
 * @param outOfOrder which migrations are applied after a newer one
 * @param squash the squash whose one migration the plan loads, recording the migrations
 * it replaces as {@link dev.migrations.ledger.LedgerState#SQUASHED}, or {@code null}
 */
record RunPlan(Direction direction, int batch, TransactionMode transactionMode,
		Map<MigrationDescriptor, List<SchemaOperation>> migrations, Predicate<MigrationDescriptor> outOfOrder,
		@Nullable SquashFile squash) {

	/**
	 * Plan applying migrations.
	 * @param batch the batch number of the run
	 * @param transactionMode the run's transactions, which the database and every
	 * migration allow
	 * @param migrations the rendered up plans, in order
	 * @param outOfOrder which migrations are applied after a newer one
	 * @return the plan
	 */
	public static RunPlan apply(int batch, TransactionMode transactionMode,
			Map<MigrationDescriptor, List<SchemaOperation>> migrations, Predicate<MigrationDescriptor> outOfOrder) {
		return new RunPlan(Direction.UP, batch, transactionMode, migrations, outOfOrder, null);
	}

	/**
	 * Plan loading a squash, in a batch of its own.
	 * @param batch the batch number of the run
	 * @param squash the squash
	 * @param migration the squash as a migration
	 * @param rendered its rendered up plan
	 * @return the plan
	 */
	public static RunPlan squash(int batch, SquashFile squash, MigrationDescriptor migration,
			List<SchemaOperation> rendered) {
		return new RunPlan(Direction.UP, batch, TransactionMode.PER_MIGRATION, Map.of(migration, rendered),
				(any) -> false, squash);
	}

	/**
	 * Plan rolling back migrations, each in a transaction of its own where it can be.
	 * @param migrations the rendered down plans, newest first
	 * @return the plan
	 */
	public static RunPlan rollback(Map<MigrationDescriptor, List<SchemaOperation>> migrations) {
		return new RunPlan(Direction.DOWN, 0, TransactionMode.PER_MIGRATION, migrations, (migration) -> false, null);
	}

	/**
	 * Whether the whole run is one transaction.
	 * @return whether it is
	 */
	public boolean inOneTransaction() {
		return this.transactionMode == TransactionMode.ALL;
	}

	/**
	 * Return how many migrations the run executes.
	 * @return the count
	 */
	public int size() {
		return this.migrations.size();
	}

}
