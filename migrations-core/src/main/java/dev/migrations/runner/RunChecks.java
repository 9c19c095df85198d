package dev.migrations.runner;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.migrations.Direction;
import dev.migrations.IrreversibleMigrationException;
import dev.migrations.MigrationDefinitionException;
import dev.migrations.MigrationDescriptor;
import dev.migrations.MigrationException;
import dev.migrations.MigrationId;
import dev.migrations.MigrationProblem;
import dev.migrations.MigrationState;
import dev.migrations.MigrationValidationException;
import dev.migrations.OutOfOrder;
import dev.migrations.Remedy;
import dev.migrations.TransactionMode;
import dev.migrations.dialect.Dialect;
import dev.migrations.internal.PlaceholderValueMissing;
import dev.migrations.ledger.LedgerEntry;
import dev.migrations.ledger.LedgerState;
import dev.migrations.ledger.MigrationLedger;
import org.jspecify.annotations.Nullable;

/**
 * What a run of a {@link MigrationRunner} selects from the ledger and the sources, and
 * what it refuses before it changes anything: a ledger that disagrees with the
 * migrations, a rollback past an irreversible migration, a transaction mode the database
 * or a migration cannot honour, a baseline at an unknown id or on a used ledger.
 */
final class RunChecks {

	private final List<MigrationDescriptor> descriptors;

	private final Dialect dialect;

	private final MigrationLedger ledger;

	private final TransactionMode transactionMode;

	private final OutOfOrder outOfOrder;

	private final boolean validateOnApply;

	private final SquashLoader squashes;

	private final @Nullable MigrationId target;

	RunChecks(RunnerSettings settings, SquashLoader squashes) {
		this.squashes = squashes;
		this.descriptors = settings.descriptors();
		this.dialect = settings.dialect();
		this.ledger = settings.ledger();
		this.transactionMode = settings.transactionMode();
		this.outOfOrder = settings.outOfOrder();
		this.validateOnApply = settings.validateOnApply();
		this.target = settings.target();
		if (this.target != null) {
			requireTarget(this.target);
		}
		MigrationId baselineVersion = settings.baselineOnMigrate().version();
		if (settings.baselineOnMigrate().enabled() && baselineVersion != null) {
			requireBaselineVersion(baselineVersion);
		}
	}

	/**
	 * Return the migrations an apply runs, at most {@code limit}, refusing when the
	 * ledger and the migrations disagree.
	 */
	List<MigrationDescriptor> selectPending(LedgerView view, int limit) {
		List<MigrationProblem> problems = view.problems(this.outOfOrder, this.validateOnApply);
		if (!problems.isEmpty()) {
			throw new MigrationValidationException(problems);
		}
		List<MigrationDescriptor> pending = pendingToTarget(view);
		return (pending.size() > limit) ? pending.subList(0, limit) : pending;
	}

	/**
	 * Whether an apply would find nothing to run and nothing to refuse in the ledger: no
	 * migration pending up to the target, no failed, unfinished or (when applies
	 * validate) edited one.
	 */
	boolean nothingToApply(LedgerView view) {
		return view.problems(this.outOfOrder, this.validateOnApply).isEmpty() && pendingToTarget(view).isEmpty();
	}

	private List<MigrationDescriptor> pendingToTarget(LedgerView view) {
		List<MigrationDescriptor> pending = view.pending();
		MigrationId last = this.target;
		if (last != null) {
			pending = pending.stream().filter((descriptor) -> descriptor.id().compareTo(last) <= 0).toList();
		}
		return pending;
	}

	/**
	 * Return the migrations a rollback of the selected rows runs, refusing before
	 * anything changes when one of them cannot be rolled back.
	 */
	List<MigrationDescriptor> selectRollback(LedgerView view, List<LedgerEntry> rows) {
		List<MigrationProblem> blocking = view.problems(this.outOfOrder, false)
			.stream()
			.filter((problem) -> problem.state() == MigrationState.FAILED || problem.state() == MigrationState.RUNNING)
			.toList();
		if (!blocking.isEmpty()) {
			throw new MigrationValidationException(blocking, Direction.DOWN);
		}
		List<MigrationDescriptor> selected = new ArrayList<>(rows.size());
		List<String> refusals = new ArrayList<>();
		List<LedgerEntry> squashed = rows.stream().filter((row) -> row.state() == LedgerState.SQUASHED).toList();
		if (!squashed.isEmpty()) {
			refusals.add(this.squashes.rollbackRefusal(view, squashed));
		}
		for (LedgerEntry row : rows) {
			MigrationDescriptor descriptor = view.descriptor(row.id());
			if (row.state() == LedgerState.SQUASHED) {
				continue;
			}
			if (descriptor == null) {
				refusals.add(row.id() + " is in the ledger but no source defines it, so its down plan is unknown");
			}
			else if (!descriptor.reversible()) {
				refusals.add(row.id() + " (" + descriptor.source() + ") is irreversible: "
						+ descriptor.irreversibleReason());
			}
			else {
				selected.add(descriptor);
			}
		}
		if (!refusals.isEmpty()) {
			boolean onlySquashed = refusals.size() == 1 && !squashed.isEmpty();
			throw new IrreversibleMigrationException(
					"Cannot roll back; nothing was changed:\n - " + String.join("\n - ", refusals),
					onlySquashed ? Remedy.NONE : Remedy.of(Remedy.Kind.ADD_DOWN_MIGRATION));
		}
		return selected;
	}

	/**
	 * Return the transaction mode of a run that applies migrations.
	 */
	TransactionMode transactionMode(Collection<MigrationDescriptor> pending) {
		return runsInOneTransaction(pending) ? TransactionMode.ALL : TransactionMode.PER_MIGRATION;
	}

	/**
	 * Return the problems an apply would refuse to start with, the plans of pending
	 * migrations that it could not record, and the down plans that a rollback could not
	 * read.
	 */
	List<MigrationProblem> problems(LedgerView view) {
		List<MigrationProblem> problems = new ArrayList<>(view.problems(this.outOfOrder, true));
		problems.addAll(planProblems(view));
		return problems;
	}

	/**
	 * The up plans of pending migrations that an apply could not record (a script that
	 * uses a placeholder without a value, say), and the down plans that a rollback could
	 * not read.
	 */
	private List<MigrationProblem> planProblems(LedgerView view) {
		List<MigrationProblem> problems = new ArrayList<>();
		Map<MigrationId, MigrationState> states = new LinkedHashMap<>();
		view.statuses().forEach((status) -> states.put(status.id(), status.state()));
		for (MigrationDescriptor descriptor : this.descriptors) {
			// The view has a status for every migration a source defines
			MigrationState state = Objects.requireNonNull(states.get(descriptor.id()));
			if (state == MigrationState.PENDING || state == MigrationState.OUT_OF_ORDER) {
				addPlanProblem(problems, descriptor, state, Direction.UP);
			}
			addPlanProblem(problems, descriptor, state, Direction.DOWN);
		}
		return problems;
	}

	/**
	 * Add the problem of a plan that cannot be recorded; a down script that only lacks a
	 * placeholder's value is none: a rollback reads it with the values of its own
	 * environment, which a validation elsewhere need not have.
	 */
	private static void addPlanProblem(List<MigrationProblem> problems, MigrationDescriptor descriptor,
			MigrationState state, Direction direction) {
		try {
			if (direction == Direction.UP) {
				descriptor.up();
			}
			else {
				descriptor.down();
			}
		}
		catch (MigrationDefinitionException ex) {
			if (direction == Direction.DOWN && ex.getCause() instanceof PlaceholderValueMissing) {
				return;
			}
			problems.add(new MigrationProblem(descriptor.id(), state, ex.getMessage(),
					Remedy.of(Remedy.Kind.CORRECT_MIGRATION, descriptor.id())
						.with(Remedy.Fact.SOURCE, descriptor.source(direction))
						.with(Remedy.Fact.DIRECTION, direction)));
		}
	}

	/**
	 * Refuse to baseline at an id that no source defines.
	 */
	/**
	 * Refuse a target that no migration has as its id: an apply would otherwise stop at
	 * the newest migration before it, or run past a target written with a typo.
	 */
	private void requireTarget(MigrationId target) {
		if (!isDefined(target)) {
			throw new MigrationDefinitionException(
					"The target migration " + target + " (migrations.target, --target) is not defined by any location: "
							+ known() + ". Nothing was changed.",
					Remedy.of(Remedy.Kind.CORRECT_CONFIGURATION)
						.with(Remedy.Fact.STEP, "Set the target to the id of a migration file, without its .up.sql or "
								+ ".sql suffix, or remove it; no migration needs to change."),
					null);
		}
	}

	/**
	 * Refuse a baseline version that no migration has on every database, not only on the
	 * one that already holds tables, where baseline-on-migrate reads it: a typo found on
	 * a developer's empty database rather than in production.
	 */
	private void requireBaselineVersion(MigrationId version) {
		if (!isDefined(version)) {
			throw new MigrationDefinitionException("The baseline version " + version
					+ " (migrations.baseline-version, baselineVersion on the builder) is not defined by any location: "
					+ known() + ". Nothing was changed.",
					Remedy.of(Remedy.Kind.CORRECT_CONFIGURATION)
						.with(Remedy.Fact.STEP, "Set the baseline version to the id of the newest migration the "
								+ "databases to baseline already have; no migration needs to change."),
					null);
		}
	}

	private boolean isDefined(MigrationId id) {
		return this.descriptors.stream().anyMatch((descriptor) -> descriptor.id().equals(id));
	}

	private String known() {
		return this.descriptors.isEmpty() ? "no migrations are defined" : "the migrations run from "
				+ this.descriptors.get(0).id() + " to " + this.descriptors.get(this.descriptors.size() - 1).id();
	}

	void requireDefined(MigrationId id) {
		MigrationDescriptor before = null;
		for (MigrationDescriptor descriptor : this.descriptors) {
			if (descriptor.id().equals(id)) {
				return;
			}
			if (descriptor.id().compareTo(id) < 0) {
				before = descriptor;
			}
		}
		Remedy baseline = Remedy.of(Remedy.Kind.BASELINE, id);
		throw new MigrationException("Cannot baseline at " + id
				+ ": no migration has this id, and a baseline marks every migration up to it, including ones the "
				+ "database may not have. Nothing was changed.",
				(before != null) ? baseline.with(Remedy.Fact.NEWEST_BEFORE, before.id()) : baseline);
	}

	/**
	 * Refuse to baseline a ledger that has rows.
	 */
	void requireEmptyLedger(MigrationId id, List<LedgerEntry> rows) {
		if (!rows.isEmpty()) {
			boolean onlyUnfinished = rows.stream()
				.allMatch((row) -> row.state() == LedgerState.FAILED || row.state() == LedgerState.RUNNING);
			throw new MigrationException(
					"Cannot baseline at " + id + ": the ledger " + this.ledger.describe() + " already has "
							+ rows.size() + ((rows.size() == 1) ? " row" : " rows")
							+ ". Baseline only applies to a database that has never been migrated by this library."
							+ (onlyUnfinished ? " Nothing was changed." : ""),
					onlyUnfinished ? Remedy.of(Remedy.Kind.BASELINE, id).with(Remedy.Fact.FAILED_ROW) : Remedy.NONE);
		}
	}

	private boolean runsInOneTransaction(Collection<MigrationDescriptor> pending) {
		if (this.transactionMode != TransactionMode.ALL) {
			return false;
		}
		if (!this.dialect.transactionalDdl()) {
			throw new MigrationException("Transaction mode ALL needs transactional DDL, which " + this.dialect.name()
					+ " does not have; nothing was applied. Use transaction mode PER_MIGRATION "
					+ "(migrations.transaction-mode=per-migration, the default).");
		}
		for (MigrationDescriptor migration : pending) {
			if (!migration.transactional()) {
				throw new MigrationException("Transaction mode ALL cannot apply " + migration.id() + " ("
						+ migration.source() + "), which must run outside a transaction; nothing was applied. "
						+ "Apply it on its own with transaction mode PER_MIGRATION "
						+ "(migrations.transaction-mode=per-migration, the default).");
			}
		}
		return true;
	}

}
