package dev.migrations.runner;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import dev.migrations.Direction;
import dev.migrations.MigrationDescriptor;
import dev.migrations.TransactionMode;
import dev.migrations.schema.SchemaOperation;

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
 */
record RunPlan(Direction direction, int batch, TransactionMode transactionMode,
		Map<MigrationDescriptor, List<SchemaOperation>> migrations, Predicate<MigrationDescriptor> outOfOrder) {

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
		return new RunPlan(Direction.UP, batch, transactionMode, migrations, outOfOrder);
	}

	/**
	 * Plan rolling back migrations, each in a transaction of its own where it can be.
	 * @param migrations the rendered down plans, newest first
	 * @return the plan
	 */
	public static RunPlan rollback(Map<MigrationDescriptor, List<SchemaOperation>> migrations) {
		return new RunPlan(Direction.DOWN, 0, TransactionMode.PER_MIGRATION, migrations, (migration) -> false);
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
