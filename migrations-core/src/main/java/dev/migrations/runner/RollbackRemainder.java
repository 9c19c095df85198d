package dev.migrations.runner;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.migrations.MigrationDescriptor;
import dev.migrations.MigrationId;
import dev.migrations.MigrationStatus;
import dev.migrations.Remedy;
import dev.migrations.ledger.LedgerEntry;
import org.jspecify.annotations.Nullable;

/**
 * What a rollback that failed part-way did not roll back, and how to roll that back once
 * the failure is resolved: by the same rollback again where it would select exactly what
 * is left, else by rolling back to the migration before it, where that selects exactly
 * what is left. A rollback of several batches that stopped in its newest one would
 * otherwise, run again, reach a batch further back than was asked for.
 */
final class RollbackRemainder {

	private RollbackRemainder() {
	}

	/**
	 * Add to the remedy of a rollback that failed what is left of the rollback and how to
	 * roll it back.
	 * @param remedy the failure's remedy
	 * @param view the ledger as the rollback read it
	 * @param selection how the rollback selected its rows from the ledger
	 * @param selected the migrations it was to roll back, in order
	 * @param rolledBack how many of them it rolled back before the failure
	 * @param failedStaysApplied whether the migration that failed is still applied (its
	 * rollback was undone with its transaction); otherwise repair removes its row
	 * @return the remedy with the migrations still applied, and the same rollback or the
	 * migration to roll back to where either rolls back just those; the remedy as it was
	 * when nothing is left
	 */
	public static Remedy describe(Remedy remedy, LedgerView view, Function<LedgerView, List<LedgerEntry>> selection,
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
			return remedy;
		}
		LedgerView after = view.without(gone);
		Remedy stillApplied = remedy.with(Remedy.Fact.STILL_APPLIED,
				left.stream().map(MigrationId::toString).collect(Collectors.joining(", ")));
		if (selects(selection, after, left)) {
			return stillApplied.with(Remedy.Fact.SAME_ROLLBACK);
		}
		MigrationId target = newestBefore(after, left);
		if (target != null && selects((ledger) -> ledger.appliedAfter(target), after, left)) {
			return stillApplied.with(Remedy.Fact.ROLLBACK_TO, target);
		}
		return stillApplied;
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

}
