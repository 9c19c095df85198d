package dev.migrations.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import dev.migrations.MigrationDescriptor;
import dev.migrations.MigrationId;
import dev.migrations.MigrationStatus;
import dev.migrations.ledger.LedgerEntry;
import org.jspecify.annotations.Nullable;

/**
 * What a rollback that failed part-way did not roll back, and how to roll that back once
 * the failure is resolved: by the same rollback again where it would select exactly what
 * is left, else by rolling back to the migration before it, where that selects exactly
 * what is left. A rollback of several batches that stopped in its newest one would
 * otherwise, run again, reach a batch further back than was asked for.
 */
public final class RollbackRemainder {

	private RollbackRemainder() {
	}

	/**
	 * Describe what is left of a rollback that failed.
	 * @param view the ledger as the rollback read it
	 * @param selection how the rollback selected its rows from the ledger
	 * @param selected the migrations it was to roll back, in order
	 * @param rolledBack how many of them it rolled back before the failure
	 * @param failedStaysApplied whether the migration that failed is still applied (its
	 * rollback was undone with its transaction); otherwise repair removes its row
	 * @return a sentence to add to the failure's next step, empty when nothing is left
	 */
	public static String describe(LedgerView view, Function<LedgerView, List<LedgerEntry>> selection,
			List<MigrationDescriptor> selected, int rolledBack, boolean failedStaysApplied) {
		List<MigrationId> gone = new ArrayList<>();
		for (MigrationDescriptor migration : selected.subList(0, failedStaysApplied ? rolledBack : rolledBack + 1)) {
			gone.add(migration.id());
		}
		List<MigrationId> left = new ArrayList<>();
		for (MigrationDescriptor migration : selected.subList(gone.size(), selected.size())) {
			left.add(migration.id());
		}
		if (left.isEmpty()) {
			return "";
		}
		LedgerView after = view.without(gone);
		String stillApplied = " Of what this rollback was to undo, " + names(left)
				+ ((left.size() == 1) ? " is" : " are") + " still applied";
		String them = (left.size() == 1) ? "it" : "them";
		if (selects(selection, after, left)) {
			return stillApplied + ": the same rollback again undoes " + them + ".";
		}
		MigrationId target = newestBefore(after, left);
		if (target != null && selects((ledger) -> ledger.appliedAfter(target), after, left)) {
			return stillApplied + ": roll back to " + target + " to undo just " + them + ".";
		}
		return stillApplied + ".";
	}

	private static boolean selects(Function<LedgerView, List<LedgerEntry>> selection, LedgerView view,
			List<MigrationId> expected) {
		Set<String> ids = new HashSet<>();
		try {
			selection.apply(view).forEach((row) -> ids.add(row.id()));
		}
		catch (RuntimeException ex) {
			return false;
		}
		return ids.size() == expected.size() && expected.stream().map(MigrationId::toString).allMatch(ids::contains);
	}

	/**
	 * The newest migration, applied or defined, older than every one left.
	 */
	private static @Nullable MigrationId newestBefore(LedgerView view, List<MigrationId> left) {
		MigrationId oldestLeft = left.stream().min(MigrationId::compareTo).orElseThrow();
		MigrationId newest = null;
		for (MigrationStatus status : view.statuses()) {
			if (status.id().compareTo(oldestLeft) < 0 && (newest == null || status.id().compareTo(newest) > 0)) {
				newest = status.id();
			}
		}
		return newest;
	}

	private static String names(List<MigrationId> ids) {
		List<String> names = ids.stream().map(MigrationId::toString).toList();
		return (names.size() == 1) ? names.get(0)
				: String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
	}

}
