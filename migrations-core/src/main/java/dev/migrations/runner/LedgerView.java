package dev.migrations.runner;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

import dev.migrations.MigrationDefinitionException;
import dev.migrations.MigrationDescriptor;
import dev.migrations.MigrationException;
import dev.migrations.MigrationId;
import dev.migrations.MigrationProblem;
import dev.migrations.MigrationState;
import dev.migrations.MigrationStatus;
import dev.migrations.OutOfOrder;
import dev.migrations.Remedy;
import dev.migrations.ledger.LedgerEntry;
import dev.migrations.ledger.LedgerState;
import dev.migrations.lock.LockHolder;
import org.jspecify.annotations.Nullable;

/**
 * The migrations joined with one read of the ledger: every question a run asks of the
 * ledger is answered from memory.
 */
final class LedgerView {

	private final List<MigrationDescriptor> descriptors;

	private final Map<MigrationId, LedgerEntry> rows;

	private final Map<MigrationId, MigrationDescriptor> descriptorsById;

	private final @Nullable MigrationId newestApplied;

	private final @Nullable MigrationId baseline;

	private final int lastBatch;

	/** The run that holds the lock now, when the reader does not. */
	private final @Nullable LockHolder liveHolder;

	private LedgerView(List<MigrationDescriptor> descriptors, Map<MigrationId, LedgerEntry> rows,
			@Nullable LockHolder liveHolder) {
		this.descriptors = descriptors;
		this.rows = rows;
		this.liveHolder = liveHolder;
		this.descriptorsById = new HashMap<>();
		for (MigrationDescriptor descriptor : descriptors) {
			this.descriptorsById.put(descriptor.id(), descriptor);
		}
		MigrationId newest = null;
		MigrationId newestBaseline = null;
		int batch = 0;
		for (Map.Entry<MigrationId, LedgerEntry> row : rows.entrySet()) {
			MigrationId id = row.getKey();
			newest = (newest == null || id.compareTo(newest) > 0) ? id : newest;
			if (row.getValue().state() == LedgerState.BASELINE) {
				newestBaseline = (newestBaseline == null || id.compareTo(newestBaseline) > 0) ? id : newestBaseline;
			}
			batch = Math.max(batch, row.getValue().batch());
		}
		this.newestApplied = newest;
		this.baseline = newestBaseline;
		this.lastBatch = batch;
	}

	/**
	 * Join descriptors with ledger rows.
	 * @param descriptors the descriptors, sorted by id
	 * @param entries the ledger rows
	 * @return the view
	 * @throws MigrationException if a ledger row has a malformed id
	 */
	public static LedgerView of(List<MigrationDescriptor> descriptors, List<LedgerEntry> entries) {
		return of(descriptors, entries, null);
	}

	/**
	 * Join descriptors with ledger rows read without holding the lock.
	 * @param descriptors the descriptors, sorted by id
	 * @param entries the ledger rows
	 * @param liveHolder who holds the migration lock now, or {@code null}: a
	 * {@code RUNNING} row that this holder wrote is {@link MigrationState#IN_PROGRESS}
	 * @return the view
	 * @throws MigrationException if a ledger row has a malformed id
	 */
	public static LedgerView of(List<MigrationDescriptor> descriptors, List<LedgerEntry> entries,
			@Nullable LockHolder liveHolder) {
		Map<MigrationId, LedgerEntry> rows = new LinkedHashMap<>();
		for (LedgerEntry entry : entries) {
			try {
				rows.put(MigrationId.parse(entry.id()), entry);
			}
			catch (MigrationException ex) {
				throw new MigrationException("The ledger holds a row with a malformed id '" + entry.id()
						+ "'; it was not written by this library. Remove or correct that row.", ex);
			}
		}
		return new LedgerView(descriptors, rows, liveHolder);
	}

	/**
	 * Whether the ledger has no rows: no migration was ever applied or baselined.
	 * @return whether the ledger is empty
	 */
	public boolean isEmpty() {
		return this.rows.isEmpty();
	}

	/**
	 * Return the newest migration, by id, that the ledger has a row for: where the
	 * database stands.
	 * @return the id, or empty when the ledger is empty
	 */
	public Optional<MigrationId> newestApplied() {
		return Optional.ofNullable(this.newestApplied);
	}

	/**
	 * Return the status of every known migration, from sources and ledger, sorted by id.
	 * @return the statuses
	 */
	public List<MigrationStatus> statuses() {
		List<MigrationStatus> statuses = new ArrayList<>(this.descriptors.size());
		for (MigrationDescriptor descriptor : this.descriptors) {
			LedgerEntry row = this.rows.get(descriptor.id());
			statuses.add((row != null)
					? new MigrationStatus(descriptor.id(), state(descriptor, row), row.batch(), row.appliedAt(),
							row.executionMs(), descriptor.checksum(), row.checksum(), descriptor.source(), row.error())
					: new MigrationStatus(descriptor.id(), state(descriptor), null, null, null, descriptor.checksum(),
							null, descriptor.source(), null));
		}
		for (Map.Entry<MigrationId, LedgerEntry> row : this.rows.entrySet()) {
			if (!this.descriptorsById.containsKey(row.getKey())) {
				LedgerEntry entry = row.getValue();
				statuses.add(new MigrationStatus(row.getKey(), state(null, entry), entry.batch(), entry.appliedAt(),
						entry.executionMs(), null, entry.checksum(), null, entry.error()));
			}
		}
		statuses.sort(Comparator.comparing(MigrationStatus::id));
		return statuses;
	}

	/**
	 * The state of a migration that has no ledger row.
	 */
	private MigrationState state(MigrationDescriptor descriptor) {
		if (this.baseline != null && descriptor.id().compareTo(this.baseline) <= 0) {
			return MigrationState.BASELINE;
		}
		return isOutOfOrder(descriptor) ? MigrationState.OUT_OF_ORDER : MigrationState.PENDING;
	}

	/**
	 * The state of a migration that has a ledger row, whether or not a source still
	 * defines it. The recorded state wins over a missing source: a {@code FAILED} or
	 * {@code RUNNING} row blocks every run until repaired, also after the migration's
	 * file was renamed or deleted; only an applied row becomes {@code MISSING}.
	 */
	private MigrationState state(@Nullable MigrationDescriptor descriptor, LedgerEntry row) {
		return switch (row.state()) {
			case FAILED -> MigrationState.FAILED;
			case RUNNING -> isLive(row) ? MigrationState.IN_PROGRESS : MigrationState.RUNNING;
			case BASELINE -> MigrationState.BASELINE;
			case APPLIED -> (descriptor == null) ? MigrationState.MISSING
					: edited(descriptor, row) ? MigrationState.CHECKSUM_MISMATCH : MigrationState.APPLIED;
			case SQUASHED -> (descriptor != null && edited(descriptor, row)) ? MigrationState.CHECKSUM_MISMATCH
					: MigrationState.SQUASHED;
		};
	}

	private static boolean edited(MigrationDescriptor descriptor, LedgerEntry row) {
		return row.checksum() != null && !row.checksum().equals(descriptor.checksum());
	}

	/**
	 * Return who held the migration lock when the ledger was read without it, if a
	 * {@code RUNNING} row made that worth asking.
	 * @return the holder, or {@code null}
	 */
	public @Nullable LockHolder liveHolder() {
		return this.liveHolder;
	}

	private boolean isLive(LedgerEntry row) {
		return this.liveHolder != null && this.liveHolder.identity().equals(row.lockOwner());
	}

	/**
	 * Whether a pending migration is older than the newest one in the ledger.
	 * @param descriptor the migration
	 * @return whether it is out of order
	 */
	public boolean isOutOfOrder(MigrationDescriptor descriptor) {
		return this.newestApplied != null && descriptor.id().compareTo(this.newestApplied) < 0;
	}

	/**
	 * Return the migrations not applied yet, in id order.
	 * @return the pending migrations
	 */
	public List<MigrationDescriptor> pending() {
		List<MigrationDescriptor> pending = new ArrayList<>();
		for (MigrationDescriptor descriptor : this.descriptors) {
			if (!this.rows.containsKey(descriptor.id())
					&& (this.baseline == null || descriptor.id().compareTo(this.baseline) > 0)) {
				pending.add(descriptor);
			}
		}
		return pending;
	}

	/**
	 * Return the reasons a run must not start.
	 * @param outOfOrder what to do with out-of-order migrations
	 * @param checkChecksums whether edited applied migrations are a problem
	 * @return the problems, empty when the run may start
	 */
	public List<MigrationProblem> problems(OutOfOrder outOfOrder, boolean checkChecksums) {
		List<MigrationProblem> problems = new ArrayList<>();
		for (MigrationStatus status : statuses()) {
			switch (status.state()) {
				case FAILED -> problems.add(new MigrationProblem(status.id(), status.state(),
						"Migration " + name(status) + " failed in batch " + status.batch() + " at " + status.appliedAt()
								+ ": " + status.error(),
						Remedy.of(Remedy.Kind.REPAIR_THEN_RETRY, status.id())
							.with(Remedy.Fact.ROW_STATE, MigrationState.FAILED)));
				case RUNNING -> problems.add(new MigrationProblem(status.id(), status.state(),
						"Migration " + name(status) + " was started in batch " + status.batch() + " at "
								+ status.appliedAt() + startedBy(status)
								+ " and never finished: that run no longer holds the migration lock, so it died or "
								+ "lost the lock part-way.",
						Remedy.of(Remedy.Kind.REPAIR_THEN_RETRY, status.id())
							.with(Remedy.Fact.ROW_STATE, MigrationState.RUNNING)));
				case IN_PROGRESS -> problems.add(new MigrationProblem(status.id(), status.state(),
						"Migration " + name(status) + " is in progress in " + this.liveHolder
								+ ", which holds the migration lock and started it in batch " + status.batch() + " at "
								+ status.appliedAt() + ".",
						Remedy.of(Remedy.Kind.WAIT_FOR_LOCK, status.id())
							.with(Remedy.Fact.HOLDER, Objects.requireNonNull(this.liveHolder))));
				case CHECKSUM_MISMATCH -> {
					if (checkChecksums) {
						problems.add(new MigrationProblem(status.id(), status.state(),
								"Migration " + name(status) + " was changed after it was applied (ledger checksum "
										+ status.appliedChecksum() + ", source checksum " + status.checksum() + ").",
								Remedy.of(Remedy.Kind.ACCEPT_CHECKSUMS, status.id())));
					}
				}
				case OUT_OF_ORDER -> {
					if (outOfOrder == OutOfOrder.FAIL) {
						problems.add(new MigrationProblem(status.id(), status.state(),
								"Migration " + name(status) + " is pending but older than the newest applied migration "
										+ this.newestApplied + ".",
								Remedy.of(Remedy.Kind.ALLOW_OUT_OF_ORDER, status.id())));
					}
				}
				default -> {
				}
			}
		}
		return problems;
	}

	private String startedBy(MigrationStatus status) {
		LedgerEntry row = this.rows.get(status.id());
		return (row != null && row.lockOwner() != null) ? " by " + row.lockOwner() : "";
	}

	private static String name(MigrationStatus status) {
		return status.id() + " (" + ((status.source() != null) ? status.source() : "no source defines it any more")
				+ ")";
	}

	/**
	 * Return the number of the next batch.
	 * @return the highest batch in the ledger plus one
	 */
	public int nextBatch() {
		return this.lastBatch + 1;
	}

	/**
	 * Return the applied rows of the last {@code steps} batches, newest first, rows
	 * loaded from a squash among them (which a rollback refuses).
	 * @param steps how many batches
	 * @return the rows, by batch then id, descending
	 */
	public List<LedgerEntry> lastBatches(int steps) {
		TreeSet<Integer> batches = new TreeSet<>(Comparator.reverseOrder());
		for (LedgerEntry row : this.rows.values()) {
			if (isApplied(row)) {
				batches.add(row.batch());
			}
		}
		List<Integer> selected = batches.stream().limit(steps).toList();
		return appliedRows((id, row) -> selected.contains(row.batch()));
	}

	/**
	 * Return the applied rows newer than an id, newest first, rows loaded from a squash
	 * among them (which a rollback refuses). The id must be in the ledger or defined by a
	 * source: a mistyped id would otherwise select whatever happens to be newer.
	 * @param target the id to roll back to
	 * @return the rows, by batch then id, descending
	 * @throws MigrationDefinitionException if the id is neither in the ledger nor defined
	 * by a source
	 */
	public List<LedgerEntry> appliedAfter(MigrationId target) {
		if (!this.rows.containsKey(target) && !this.descriptorsById.containsKey(target)) {
			throw new MigrationDefinitionException("Cannot roll back to " + target
					+ ": it is neither applied nor defined by any source, so nothing was changed. Check the id: "
					+ "status lists every applied and defined migration.");
		}
		return appliedRows((id, row) -> id.compareTo(target) > 0);
	}

	private List<LedgerEntry> appliedRows(java.util.function.BiPredicate<MigrationId, LedgerEntry> filter) {
		List<Map.Entry<MigrationId, LedgerEntry>> selected = new ArrayList<>();
		for (Map.Entry<MigrationId, LedgerEntry> row : this.rows.entrySet()) {
			if (isApplied(row.getValue()) && filter.test(row.getKey(), row.getValue())) {
				selected.add(row);
			}
		}
		selected.sort(Comparator
			.comparing((Map.Entry<MigrationId, LedgerEntry> row) -> row.getValue().batch(), Comparator.reverseOrder())
			.thenComparing(Map.Entry::getKey, Comparator.reverseOrder()));
		return selected.stream().map(Map.Entry::getValue).toList();
	}

	private static boolean isApplied(LedgerEntry row) {
		return row.state() == LedgerState.APPLIED || row.state() == LedgerState.SQUASHED;
	}

	/**
	 * Return this view as it would be without some rows, as after a rollback removed
	 * them.
	 * @param ids the migrations whose rows to leave out
	 * @return the view without those rows
	 */
	public LedgerView without(Collection<MigrationId> ids) {
		List<LedgerEntry> kept = new ArrayList<>(this.rows.size());
		this.rows.forEach((id, row) -> {
			if (!ids.contains(id)) {
				kept.add(row);
			}
		});
		return of(this.descriptors, kept, this.liveHolder);
	}

	/**
	 * Return the descriptor of a migration.
	 * @param id the id
	 * @return the descriptor, or {@code null} when no source defines it
	 */
	public @Nullable MigrationDescriptor descriptor(String id) {
		return this.descriptorsById.get(MigrationId.parse(id));
	}

	/**
	 * Return the ledger rows, by id.
	 * @return the rows
	 */
	public Map<MigrationId, LedgerEntry> rows() {
		return this.rows;
	}

}
