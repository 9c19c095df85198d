package dev.migrations.runner;

import java.util.List;

import dev.migrations.ledger.LedgerEntry;

/**
 * Which applied migrations a rollback undoes, chosen from the ledger: the last batches,
 * or everything after a migration.
 */
@FunctionalInterface
interface RollbackSelection {

	/**
	 * Select the rows of the migrations to roll back.
	 * @param view the ledger joined with the migrations
	 * @return the rows
	 */
	List<LedgerEntry> select(LedgerView view);

}
