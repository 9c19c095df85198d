package dev.migrations;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import dev.migrations.dialect.Dialect;
import dev.migrations.dialect.SessionState;
import dev.migrations.dialect.Dialects;
import dev.migrations.internal.Credentials;
import dev.migrations.internal.Jdbc;
import dev.migrations.internal.LedgerView;
import dev.migrations.internal.LocalHost;
import dev.migrations.internal.MaskingDataSource;
import dev.migrations.internal.MigrationExecutor;
import dev.migrations.internal.RollbackRemainder;
import dev.migrations.internal.Run;
import dev.migrations.internal.RunFailures;
import dev.migrations.ledger.LedgerEntry;
import dev.migrations.ledger.LedgerState;
import dev.migrations.ledger.LedgerTable;
import dev.migrations.ledger.MigrationLedger;
import dev.migrations.ledger.SqlMigrationLedger;
import dev.migrations.lock.HeldLock;
import dev.migrations.lock.LockHolder;
import dev.migrations.lock.MigrationLock;
import dev.migrations.lock.MigrationLockLostException;
import dev.migrations.schema.SchemaOperation;
import dev.migrations.source.SqlMigrationSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies, rolls back and reports migrations against one database. Every run takes the
 * migration lock, reads the ledger once, validates, and then runs each migration in order
 * under one batch number. Built with {@link #builder(DataSource)}; thread-safe once
 * built.
 */
public final class MigrationRunner {

	/** The default time to wait for another runner's lock. */
	public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofMinutes(5);

	/** The default transaction mode. */
	public static final TransactionMode DEFAULT_TRANSACTION_MODE = TransactionMode.PER_MIGRATION;

	/** The default handling of out-of-order migrations. */
	public static final OutOfOrder DEFAULT_OUT_OF_ORDER = OutOfOrder.APPLY;

	/** The default encoding of SQL migration files. */
	public static final Charset DEFAULT_ENCODING = StandardCharsets.UTF_8;

	/** Whether edited applied migrations stop {@link #applyAll()} by default. */
	public static final boolean DEFAULT_VALIDATE_ON_APPLY = true;

	private static final Logger logger = LoggerFactory.getLogger(MigrationRunner.class);

	private final DataSource dataSource;

	/**
	 * The data source through which the runner opens its connections, whose failures
	 * carry no credential.
	 */
	private final DataSource connections;

	private final List<String> secrets;

	private final Dialect dialect;

	private final LedgerTable table;

	private final MigrationLedger ledger;

	private final MigrationLock lock;

	private final List<MigrationDescriptor> descriptors;

	private final MigrationListener listener;

	private final MigrationExecutor executor;

	private final Duration lockTimeout;

	private final TransactionMode transactionMode;

	private final OutOfOrder outOfOrder;

	private final boolean validateOnApply;

	private MigrationRunner(Builder builder, DataSource connections, Dialect dialect,
			List<MigrationDescriptor> descriptors) {
		this.dataSource = builder.dataSource;
		this.connections = connections;
		this.secrets = List.copyOf(builder.secrets);
		this.dialect = dialect;
		this.descriptors = descriptors;
		this.table = builder.table;
		this.ledger = (builder.ledger != null) ? builder.ledger : new SqlMigrationLedger(dialect, builder.table);
		this.lock = (builder.lock != null) ? builder.lock : dialect.lock(connections, builder.table);
		this.listener = new CompositeListener(builder.listeners);
		this.executor = new MigrationExecutor(dialect, this.ledger, this.listener, this.secrets);
		this.lockTimeout = builder.lockTimeout;
		this.transactionMode = builder.transactionMode;
		this.outOfOrder = builder.outOfOrder;
		this.validateOnApply = builder.validateOnApply;
	}

	/**
	 * Start building a runner for a data source.
	 * @param dataSource the database to migrate
	 * @return a builder
	 */
	public static Builder builder(DataSource dataSource) {
		return new Builder(dataSource);
	}

	/**
	 * Apply every pending migration.
	 * @return what was applied
	 * @throws MigrationValidationException if the ledger and the migrations disagree
	 * @throws MigrationExecutionException if a migration fails
	 */
	public MigrationResult applyAll() {
		return applyAll(Integer.MAX_VALUE);
	}

	/**
	 * Apply at most {@code limit} pending migrations, oldest first.
	 * @param limit how many to apply at most
	 * @return what was applied
	 * @throws MigrationValidationException if the ledger and the migrations disagree
	 * @throws MigrationExecutionException if a migration fails
	 */
	public MigrationResult applyAll(int limit) {
		requirePositive(limit, "limit");
		return locked((connection, lock) -> {
			this.ledger.ensureInitialized(connection);
			LedgerView view = readLedger(connection);
			List<MigrationDescriptor> pending = selectPending(view, limit);
			Map<MigrationDescriptor, List<SchemaOperation>> plans = render(pending, Direction.UP);
			return applyPending(connection, lock, view, plans);
		});
	}

	/**
	 * Roll back the last batch.
	 * @return what was rolled back
	 */
	public MigrationResult rollback() {
		return rollback(1);
	}

	/**
	 * Roll back the last {@code steps} batches, newest migration first.
	 * @param steps how many batches
	 * @return what was rolled back
	 * @throws IrreversibleMigrationException if a migration in range cannot be rolled
	 * back; nothing is changed
	 */
	public MigrationResult rollback(int steps) {
		requirePositive(steps, "steps");
		return rollbackSelected((view) -> view.lastBatches(steps));
	}

	/**
	 * Roll back every migration applied after the given one, newest first. The target
	 * need not be applied itself, but it must be applied or defined by a source.
	 * @param target the migration to keep, and everything before it
	 * @return what was rolled back
	 * @throws IrreversibleMigrationException if a migration in range cannot be rolled
	 * back; nothing is changed
	 * @throws MigrationDefinitionException if the target is neither applied nor defined
	 * by a source; nothing is changed
	 */
	public MigrationResult rollbackTo(MigrationId target) {
		Objects.requireNonNull(target, "target must not be null");
		return rollbackSelected((view) -> view.appliedAfter(target));
	}

	/**
	 * Return the status of every migration known to the sources or the ledger, by id.
	 * Takes no lock and creates nothing.
	 * @return the statuses
	 */
	public List<MigrationStatus> status() {
		return Jdbc.withConnection(this.connections, (connection) -> readLedgerUnlocked(connection).statuses());
	}

	/**
	 * Return who holds the migration lock now, if anyone: another runner applying
	 * migrations.
	 * @return the holder, or empty when the lock is free
	 */
	public Optional<LockHolder> lockHolder() {
		return this.lock.holder();
	}

	/**
	 * Return the problems {@link #applyAll()} would refuse to start with, and the down
	 * plans a later rollback could not read (a {@code .down.sql} that cannot be split,
	 * say). Takes no lock and creates nothing.
	 * @return the problems, empty when migrations can be applied and rolled back
	 */
	public List<MigrationProblem> validate() {
		LedgerView view = Jdbc.withConnection(this.connections, this::readLedgerUnlocked);
		List<MigrationProblem> problems = new ArrayList<>(view.problems(this.outOfOrder, true));
		Map<MigrationId, MigrationState> states = new LinkedHashMap<>();
		view.statuses().forEach((status) -> states.put(status.id(), status.state()));
		for (MigrationDescriptor descriptor : this.descriptors) {
			try {
				descriptor.down();
			}
			catch (MigrationDefinitionException ex) {
				problems.add(new MigrationProblem(descriptor.id(), states.get(descriptor.id()), ex.getMessage(),
						Remedy.of(Remedy.Kind.CORRECT_MIGRATION, descriptor.id())
							.with(Remedy.Fact.SOURCE, descriptor.source(Direction.DOWN))));
			}
		}
		return problems;
	}

	/**
	 * Remove {@code FAILED} and {@code RUNNING} rows from the ledger, once the database
	 * has been fixed by hand, whether or not a source still defines their migrations;
	 * and, only when asked, record the current checksums of edited applied migrations.
	 * Refuses a {@code RUNNING} row whose run still holds the lock (see
	 * {@link RepairOption#FORCE}).
	 * @param acceptChecksums whether to accept edited applied migrations
	 * @return a description of each change made
	 * @throws MigrationInProgressException if a run that holds the lock is applying a
	 * migration now
	 */
	public List<String> repair(boolean acceptChecksums) {
		return acceptChecksums ? repair(RepairOption.ACCEPT_CHECKSUMS) : repair(new RepairOption[0]);
	}

	/**
	 * Remove {@code FAILED} and {@code RUNNING} rows from the ledger, once the database
	 * has been fixed by hand, and with {@link RepairOption#ACCEPT_CHECKSUMS} record the
	 * current checksums of edited applied migrations. A {@code RUNNING} row whose run
	 * still holds the lock is in progress, and is refused unless
	 * {@link RepairOption#FORCE} takes the lock from that run first.
	 * @param options the options
	 * @return a description of each change made
	 * @throws MigrationInProgressException if a run that holds the lock is applying a
	 * migration now, and {@code FORCE} was not given
	 */
	public List<String> repair(RepairOption... options) {
		Set<RepairOption> chosen = options.length == 0 ? EnumSet.noneOf(RepairOption.class)
				: EnumSet.copyOf(Arrays.asList(options));
		List<String> changes = new ArrayList<>(takeFromLiveRun(chosen.contains(RepairOption.FORCE)));
		changes.addAll(locked((connection, lock) -> {
			if (!this.ledger.exists(connection)) {
				return List.<String>of();
			}
			List<String> done = new ArrayList<>();
			for (MigrationStatus status : readLedger(connection).statuses()) {
				String id = status.id().toString();
				if (status.state() == MigrationState.FAILED || status.state() == MigrationState.RUNNING) {
					lock.verify(connection);
					this.ledger.remove(connection, id);
					done.add("Removed " + status.state() + " row of " + id);
				}
				else if (chosen.contains(RepairOption.ACCEPT_CHECKSUMS)
						&& status.state() == MigrationState.CHECKSUM_MISMATCH) {
					lock.verify(connection);
					this.ledger.updateChecksum(connection, id, status.checksum());
					done.add("Accepted checksum " + status.checksum() + " of " + id + " (was "
							+ status.appliedChecksum() + ")");
				}
			}
			done.forEach((change) -> logger.info("Repair: {}", change));
			return done;
		}));
		return changes;
	}

	/**
	 * Refuse to repair a migration that a live run is applying; or, when forced, take the
	 * lock from that run, so that the repair can take it.
	 * @return a description of the lock taken, if any
	 */
	private List<String> takeFromLiveRun(boolean force) {
		LedgerView view = Jdbc.withConnection(this.connections, this::readLedgerUnlocked);
		LockHolder holder = view.liveHolder();
		List<MigrationId> ids = view.statuses()
			.stream()
			.filter((status) -> status.state() == MigrationState.IN_PROGRESS)
			.map(MigrationStatus::id)
			.toList();
		if (holder == null || ids.isEmpty()) {
			return List.of();
		}
		if (!force) {
			throw new MigrationInProgressException(ids, holder);
		}
		this.lock.breakLock(holder);
		String change = "Took the migration lock from " + holder + ", which was applying "
				+ ids.stream().map(MigrationId::toString).collect(Collectors.joining(", "));
		logger.warn("Repair: {}", change);
		return List.of(change);
	}

	/**
	 * Mark every migration up to and including {@code id} as already present, on a
	 * database that has them from before the ledger was adopted.
	 * @param id the newest migration the database already has; a source must define it
	 * @throws MigrationException if no source defines the id, or if the ledger is not
	 * empty
	 */
	public void baseline(MigrationId id) {
		Objects.requireNonNull(id, "id must not be null");
		requireDefined(id);
		locked((connection, lock) -> {
			this.ledger.ensureInitialized(connection);
			List<LedgerEntry> rows = this.ledger.readApplied(connection);
			if (!rows.isEmpty()) {
				boolean onlyUnfinished = rows.stream()
					.allMatch((row) -> row.state() == LedgerState.FAILED || row.state() == LedgerState.RUNNING);
				throw new MigrationException(
						"Cannot baseline at " + id + ": the ledger " + this.ledger.describe() + " already has "
								+ rows.size() + ((rows.size() == 1) ? " row" : " rows")
								+ ". Baseline only applies to a database that has never been migrated by this library."
								+ (onlyUnfinished ? " Nothing was changed." : ""),
						onlyUnfinished ? Remedy.of(Remedy.Kind.BASELINE, id).with(Remedy.Fact.FAILED_ROW)
								: Remedy.NONE);
			}
			lock.verify(connection);
			this.ledger.logApplied(connection, new LedgerEntry(id.toString(), null, 1, LedgerState.BASELINE,
					Instant.now(), 0, appliedBy(connection), null, lock.holder().identity()));
			logger.info("Baselined {} at {}", this.ledger.describe(), id);
			return null;
		});
	}

	private void requireDefined(MigrationId id) {
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
	 * Return a view of this runner that plans instead of executing: it returns the exact
	 * SQL per migration for this database, takes no lock and changes nothing, not even
	 * creating the ledger table.
	 * @return the dry-run view
	 */
	public PretendRunner pretend() {
		return new PretendRunner(this);
	}

	/**
	 * Return the migrations this runner knows, sorted by id.
	 * @return the descriptors
	 */
	public List<MigrationDescriptor> descriptors() {
		return this.descriptors;
	}

	/**
	 * Return the data source this runner migrates.
	 * @return the data source
	 */
	public DataSource dataSource() {
		return this.dataSource;
	}

	/**
	 * Return the dialect of the database.
	 * @return the dialect
	 */
	public Dialect dialect() {
		return this.dialect;
	}

	/**
	 * Return the ledger.
	 * @return the ledger
	 */
	public MigrationLedger ledger() {
		return this.ledger;
	}

	List<PlannedMigration> planApply(int limit) {
		requirePositive(limit, "limit");
		return Jdbc.withConnection(this.connections, (connection) -> {
			List<MigrationDescriptor> pending = selectPending(readLedgerUnlocked(connection), limit);
			return planned(connection, render(pending, Direction.UP), Direction.UP);
		});
	}

	PlannedMigration planUp(MigrationDescriptor migration) {
		return planned(migration, this.executor.render(migration, Direction.UP), Direction.UP, SessionState.UNCHANGED);
	}

	List<PlannedMigration> planRollback(RollbackSelection selection) {
		return Jdbc.withConnection(this.connections, (connection) -> {
			LedgerView view = readLedgerUnlocked(connection);
			return planned(connection, render(selectRollback(view, selection.select(view)), Direction.DOWN),
					Direction.DOWN);
		});
	}

	private MigrationResult applyPending(Connection connection, HeldLock lock, LedgerView view,
			Map<MigrationDescriptor, List<SchemaOperation>> plans) throws SQLException {
		if (plans.isEmpty()) {
			logger.info("Database is up to date: no pending migrations in {}", this.ledger.describe());
			return new MigrationResult(0, List.of());
		}
		int batch = view.nextBatch();
		boolean oneTransaction = runsInOneTransaction(plans.keySet());
		Run run = Run.of(connection, lock, batch, appliedBy(connection), oneTransaction,
				this.executor.sessionState(connection, plans.values()));
		List<ExecutedMigration> executed = new ArrayList<>(plans.size());
		this.listener.beforeRun(Direction.UP, plans.size());
		try {
			if (oneTransaction) {
				Jdbc.inTransaction(connection, () -> applyEach(run, view, plans, executed));
			}
			else {
				applyEach(run, view, plans, executed);
			}
		}
		catch (MigrationException ex) {
			List<ExecutedMigration> committed = oneTransaction ? List.of() : executed;
			this.listener.afterRun(Direction.UP, new MigrationResult(batch, committed), ex);
			explainLockLoss(ex, lock, committed);
			if (view.isEmpty() && executed.isEmpty() && ex instanceof MigrationExecutionException failure
					&& RunFailures.createsWhatExists(failure)) {
				MigrationDescriptor first = plans.keySet().iterator().next();
				throw RunFailures.withBaselineHint(failure, !oneTransaction && !this.executor.isAtomic(first));
			}
			throw ex;
		}
		MigrationResult result = new MigrationResult(batch, executed);
		this.listener.afterRun(Direction.UP, result, null);
		logger.info("Applied {} migration(s) in batch {} to {}", executed.size(), batch, this.ledger.describe());
		return result;
	}

	/**
	 * Throw a run's failure as the lost lock it was, naming the last migration the run
	 * completed: a loss the run proved, or one the database shows now that the run failed
	 * (an operator who took the lock away with {@code repair --force} may have changed
	 * the ledger under a run that had no reason yet to prove its lock again). Returns
	 * when the run still holds the lock.
	 */
	private void explainLockLoss(MigrationException failure, HeldLock lock, List<ExecutedMigration> completed) {
		String lastCompleted = completed.isEmpty() ? null : completed.get(completed.size() - 1).id().toString();
		if (failure instanceof MigrationLockLostException lost) {
			throw lost.after(lastCompleted);
		}
		if (!holdsLock(lock)) {
			throw new MigrationLockLostException(lock.description(),
					"another session holds it now, or nobody does, which the run found when it failed (the failure is "
							+ "this exception's cause)",
					lastCompleted, failure);
		}
	}

	private boolean holdsLock(HeldLock lock) {
		try {
			return this.lock.holder().map((holder) -> holder.identity().equals(lock.holder().identity())).orElse(false);
		}
		catch (RuntimeException ex) {
			return true;
		}
	}

	private void applyEach(Run run, LedgerView view, Map<MigrationDescriptor, List<SchemaOperation>> plans,
			List<ExecutedMigration> executed) {
		for (Map.Entry<MigrationDescriptor, List<SchemaOperation>> plan : plans.entrySet()) {
			executed.add(this.executor.apply(run, plan.getKey(), plan.getValue(), view.isOutOfOrder(plan.getKey())));
		}
	}

	private boolean runsInOneTransaction(java.util.Collection<MigrationDescriptor> pending) {
		if (this.transactionMode != TransactionMode.ALL) {
			return false;
		}
		if (!this.dialect.transactionalDdl()) {
			throw new MigrationException("Transaction mode ALL needs transactional DDL, which " + this.dialect.name()
					+ " does not have; nothing was applied. Use transaction mode PER_MIGRATION.");
		}
		for (MigrationDescriptor migration : pending) {
			if (!migration.transactional()) {
				throw new MigrationException("Transaction mode ALL cannot apply " + migration.id() + " ("
						+ migration.source() + "), which must run outside a transaction; nothing was applied. "
						+ "Apply it on its own with transaction mode PER_MIGRATION.");
			}
		}
		return true;
	}

	private MigrationResult rollbackSelected(RollbackSelection selection) {
		return locked((connection, lock) -> {
			boolean ledgerExists = this.ledger.exists(connection);
			LedgerView view = ledgerExists ? readLedger(connection) : LedgerView.of(this.descriptors, List.of());
			List<MigrationDescriptor> selected = selectRollback(view, selection.select(view));
			if (!ledgerExists) {
				return new MigrationResult(0, List.of());
			}
			this.ledger.ensureInitialized(connection);
			Map<MigrationDescriptor, List<SchemaOperation>> plans = render(selected, Direction.DOWN);
			Run run = Run.of(connection, lock, 0, appliedBy(connection), false,
					this.executor.sessionState(connection, plans.values()));
			List<ExecutedMigration> executed = new ArrayList<>(plans.size());
			this.listener.beforeRun(Direction.DOWN, plans.size());
			try {
				for (Map.Entry<MigrationDescriptor, List<SchemaOperation>> plan : plans.entrySet()) {
					executed.add(this.executor.rollback(run, plan.getKey(), plan.getValue()));
				}
			}
			catch (MigrationException ex) {
				this.listener.afterRun(Direction.DOWN, new MigrationResult(0, executed), ex);
				explainLockLoss(ex, lock, executed);
				if (ex instanceof MigrationExecutionException failure && executed.size() < selected.size()) {
					boolean failedStaysApplied = this.executor.isAtomic(selected.get(executed.size()));
					throw failure.withRemedy(RollbackRemainder.describe(failure.remedy(), view, selection::select,
							selected, executed.size(), failedStaysApplied));
				}
				throw ex;
			}
			MigrationResult result = new MigrationResult(0, executed);
			this.listener.afterRun(Direction.DOWN, result, null);
			logger.info("Rolled back {} migration(s) in {}", executed.size(), this.ledger.describe());
			return result;
		});
	}

	private List<MigrationDescriptor> selectPending(LedgerView view, int limit) {
		List<MigrationProblem> problems = view.problems(this.outOfOrder, this.validateOnApply);
		if (!problems.isEmpty()) {
			throw new MigrationValidationException(problems);
		}
		List<MigrationDescriptor> pending = view.pending();
		return (pending.size() > limit) ? pending.subList(0, limit) : pending;
	}

	private List<MigrationDescriptor> selectRollback(LedgerView view, List<LedgerEntry> rows) {
		List<MigrationProblem> blocking = view.problems(this.outOfOrder, false)
			.stream()
			.filter((problem) -> problem.state() == MigrationState.FAILED || problem.state() == MigrationState.RUNNING)
			.toList();
		if (!blocking.isEmpty()) {
			throw new MigrationValidationException(blocking);
		}
		List<MigrationDescriptor> selected = new ArrayList<>(rows.size());
		List<String> refusals = new ArrayList<>();
		for (LedgerEntry row : rows) {
			MigrationDescriptor descriptor = view.descriptor(row.id());
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
			throw new IrreversibleMigrationException(
					"Cannot roll back; nothing was changed:\n - " + String.join("\n - ", refusals),
					Remedy.of(Remedy.Kind.ADD_DOWN_MIGRATION));
		}
		return selected;
	}

	private Map<MigrationDescriptor, List<SchemaOperation>> render(List<MigrationDescriptor> migrations,
			Direction direction) {
		Map<MigrationDescriptor, List<SchemaOperation>> plans = new LinkedHashMap<>();
		for (MigrationDescriptor migration : migrations) {
			plans.put(migration, this.executor.render(migration, direction));
		}
		return plans;
	}

	/**
	 * Return plans as a dry run shows them; their script puts the session of the
	 * connection they were made on back after each migration that may change it.
	 */
	private List<PlannedMigration> planned(Connection connection, Map<MigrationDescriptor, List<SchemaOperation>> plans,
			Direction direction) throws SQLException {
		SessionState session = this.executor.sessionState(connection, plans.values());
		List<PlannedMigration> planned = new ArrayList<>(plans.size());
		plans.forEach((migration, plan) -> planned.add(planned(migration, plan, direction, session)));
		return planned;
	}

	private PlannedMigration planned(MigrationDescriptor migration, List<SchemaOperation> plan, Direction direction,
			SessionState session) {
		return new PlannedMigration(migration.id(), migration.source(direction), direction, MigrationExecutor.sql(plan),
				this.executor.script(plan, session));
	}

	private LedgerView readLedger(Connection connection) {
		return LedgerView.of(this.descriptors, readRows(connection));
	}

	/**
	 * Read the ledger without holding the lock: a {@code RUNNING} row is in progress when
	 * the run that wrote it holds the lock now, which is looked up only when there is
	 * such a row.
	 */
	private LedgerView readLedgerUnlocked(Connection connection) {
		if (!this.ledger.exists(connection)) {
			return LedgerView.of(this.descriptors, List.of());
		}
		List<LedgerEntry> rows = readRows(connection);
		boolean running = rows.stream().anyMatch((row) -> row.state() == LedgerState.RUNNING);
		Optional<LockHolder> holder = running ? this.lock.holder() : Optional.empty();
		return LedgerView.of(this.descriptors, rows, holder.orElse(null));
	}

	/**
	 * Read the ledger's rows with the errors of {@code FAILED} rows masked, since an
	 * older version or another runner may have recorded them unmasked.
	 */
	private List<LedgerEntry> readRows(Connection connection) {
		List<LedgerEntry> rows = new ArrayList<>();
		for (LedgerEntry row : this.ledger.readApplied(connection)) {
			rows.add((row.error() != null) ? new LedgerEntry(row.id(), row.checksum(), row.batch(), row.state(),
					row.appliedAt(), row.executionMs(), row.appliedBy(), Credentials.mask(row.error(), this.secrets),
					row.lockOwner()) : row);
		}
		return rows;
	}

	private <T> T locked(LockedWork<T> work) {
		try {
			return this.lock.withLock(this.lockTimeout, (held) -> {
				this.listener.lockAcquired(held.waited());
				return Jdbc.withConnection(this.connections, Remedy.of(Remedy.Kind.SECOND_CONNECTION),
						(connection) -> work.run(connection, held));
			});
		}
		catch (MigrationException ex) {
			throw RunFailures.explainMissingSchema(ex, this.table, this.connections, this.dialect);
		}
	}

	private static String appliedBy(Connection connection) throws SQLException {
		String user = connection.getMetaData().getUserName();
		return ((user != null) ? user : "unknown") + "@" + LocalHost.NAME;
	}

	private static void requirePositive(int value, String name) {
		if (value < 1) {
			throw new IllegalArgumentException(name + " must be at least 1, was " + value);
		}
	}

	/**
	 * Work on the migration connection while the lock is held.
	 */
	@FunctionalInterface
	private interface LockedWork<T> {

		T run(Connection connection, HeldLock lock) throws SQLException;

	}

	@FunctionalInterface
	interface RollbackSelection {

		List<LedgerEntry> select(LedgerView view);

	}

	/**
	 * Calls several listeners in order.
	 */
	private record CompositeListener(List<MigrationListener> listeners) implements MigrationListener {

		@Override
		public void lockAcquired(Duration waited) {
			this.listeners.forEach((listener) -> listener.lockAcquired(waited));
		}

		@Override
		public void beforeRun(Direction direction, int count) {
			this.listeners.forEach((listener) -> listener.beforeRun(direction, count));
		}

		@Override
		public void afterRun(Direction direction, MigrationResult result, @Nullable MigrationException failure) {
			this.listeners.forEach((listener) -> listener.afterRun(direction, result, failure));
		}

		@Override
		public void beforeMigration(MigrationDescriptor migration, Direction direction) {
			this.listeners.forEach((listener) -> listener.beforeMigration(migration, direction));
		}

		@Override
		public void afterMigration(MigrationDescriptor migration, Direction direction, Duration duration) {
			this.listeners.forEach((listener) -> listener.afterMigration(migration, direction, duration));
		}

		@Override
		public void onFailure(MigrationDescriptor migration, Direction direction, MigrationException failure) {
			this.listeners.forEach((listener) -> listener.onFailure(migration, direction, failure));
		}

	}

	/**
	 * Builds a {@link MigrationRunner}. Not thread-safe.
	 */
	public static final class Builder {

		private final DataSource dataSource;

		private @Nullable Dialect dialect;

		private List<String> locations = List.of(SqlMigrationSource.DEFAULT_LOCATION);

		private final List<MigrationEntry> entries = new ArrayList<>();

		private LedgerTable table = new LedgerTable(null, LedgerTable.DEFAULT_NAME);

		private @Nullable MigrationLedger ledger;

		private @Nullable MigrationLock lock;

		private Duration lockTimeout = DEFAULT_LOCK_TIMEOUT;

		private TransactionMode transactionMode = DEFAULT_TRANSACTION_MODE;

		private OutOfOrder outOfOrder = DEFAULT_OUT_OF_ORDER;

		private boolean validateOnApply = DEFAULT_VALIDATE_ON_APPLY;

		private final List<MigrationListener> listeners = new ArrayList<>();

		private ClassLoader classLoader = Thread.currentThread().getContextClassLoader();

		private Charset encoding = DEFAULT_ENCODING;

		private final List<String> secrets = new ArrayList<>();

		private Builder(DataSource dataSource) {
			this.dataSource = Objects.requireNonNull(dataSource, "dataSource must not be null");
		}

		/**
		 * Set the locations of SQL migrations; default {@code classpath:db/migrations}.
		 * @param locations {@code classpath:} or {@code filesystem:} locations
		 * @return this builder
		 */
		public Builder locations(String... locations) {
			this.locations = List.of(locations);
			return this;
		}

		/**
		 * Set the locations of SQL migrations; default {@code classpath:db/migrations}.
		 * @param locations {@code classpath:} or {@code filesystem:} locations
		 * @return this builder
		 */
		public Builder locations(List<String> locations) {
			this.locations = List.copyOf(locations);
			return this;
		}

		/**
		 * Add migrations defined in Java.
		 * @param entries the entries
		 * @return this builder
		 */
		public Builder entries(MigrationEntry... entries) {
			return entries(Arrays.asList(entries));
		}

		/**
		 * Add migrations defined in Java.
		 * @param entries the entries
		 * @return this builder
		 */
		public Builder entries(java.util.Collection<MigrationEntry> entries) {
			this.entries.addAll(entries);
			return this;
		}

		/**
		 * Set the ledger table; default {@code migrations_ledger}.
		 * @param table the table, {@code name} or {@code schema.name}
		 * @return this builder
		 * @throws MigrationDefinitionException if the name is not a plain identifier
		 */
		public Builder table(String table) {
			this.table = LedgerTable.parse(table);
			return this;
		}

		/**
		 * Set the ledger table and the schema it lives in.
		 * @param schema the schema, or {@code null} for the connection's current schema
		 * @param table the table name
		 * @return this builder
		 * @throws MigrationDefinitionException if a name is not a plain identifier
		 */
		public Builder table(@Nullable String schema, String table) {
			this.table = new LedgerTable(schema, table);
			return this;
		}

		/**
		 * Use a dialect instead of detecting it.
		 * @param dialect the dialect
		 * @return this builder
		 */
		public Builder dialect(Dialect dialect) {
			this.dialect = dialect;
			return this;
		}

		/**
		 * Use a ledger other than the default {@link SqlMigrationLedger}.
		 * @param ledger the ledger
		 * @return this builder
		 */
		public Builder ledger(MigrationLedger ledger) {
			this.ledger = ledger;
			return this;
		}

		/**
		 * Use a lock other than the dialect's.
		 * @param lock the lock
		 * @return this builder
		 */
		public Builder lock(MigrationLock lock) {
			this.lock = lock;
			return this;
		}

		/**
		 * Set how long to wait for another runner's lock; default 5 minutes.
		 * @param lockTimeout the timeout
		 * @return this builder
		 */
		public Builder lockTimeout(Duration lockTimeout) {
			this.lockTimeout = Objects.requireNonNull(lockTimeout, "lockTimeout must not be null");
			return this;
		}

		/**
		 * Set how migrations are grouped into transactions; default
		 * {@link TransactionMode#PER_MIGRATION}.
		 * @param transactionMode the mode
		 * @return this builder
		 */
		public Builder transactionMode(TransactionMode transactionMode) {
			this.transactionMode = Objects.requireNonNull(transactionMode, "transactionMode must not be null");
			return this;
		}

		/**
		 * Set what to do with out-of-order migrations; default {@link OutOfOrder#APPLY}.
		 * @param outOfOrder the handling
		 * @return this builder
		 */
		public Builder outOfOrder(OutOfOrder outOfOrder) {
			this.outOfOrder = Objects.requireNonNull(outOfOrder, "outOfOrder must not be null");
			return this;
		}

		/**
		 * Set whether edited applied migrations stop {@link #applyAll()}; default
		 * {@code true}. Failed and interrupted migrations always stop it.
		 * @param validateOnApply whether to validate checksums
		 * @return this builder
		 */
		public Builder validateOnApply(boolean validateOnApply) {
			this.validateOnApply = validateOnApply;
			return this;
		}

		/**
		 * Add a listener.
		 * @param listener the listener
		 * @return this builder
		 */
		public Builder listener(MigrationListener listener) {
			this.listeners.add(Objects.requireNonNull(listener, "listener must not be null"));
			return this;
		}

		/**
		 * Set the encoding of SQL migration files; default UTF-8. A file that is not
		 * valid in it is an error naming the file and the byte offset.
		 * @param encoding the encoding
		 * @return this builder
		 */
		public Builder encoding(Charset encoding) {
			this.encoding = Objects.requireNonNull(encoding, "encoding must not be null");
			return this;
		}

		/**
		 * Set the class loader for classpath locations; default the thread context class
		 * loader.
		 * @param classLoader the class loader
		 * @return this builder
		 */
		public Builder classLoader(ClassLoader classLoader) {
			this.classLoader = Objects.requireNonNull(classLoader, "classLoader must not be null");
			return this;
		}

		/**
		 * Add values that no message of the runner may carry, such as the database
		 * password: they are masked, where each stands as a whole token, in the errors
		 * the runner throws (the database's own errors among them, with their causes),
		 * and in the error it records for a {@code FAILED} migration and reads back. The
		 * passwords that a JDBC URL carries ({@code password=...},
		 * {@code //user:password@host}) are masked there whether or not they are added.
		 * @param secrets the values; {@code null} and empty ones are left out
		 * @return this builder
		 */
		public Builder secrets(java.util.Collection<String> secrets) {
			secrets.stream().filter((secret) -> secret != null && !secret.isEmpty()).forEach(this.secrets::add);
			return this;
		}

		/**
		 * Build the runner: detect the dialect (unless set), load SQL migrations and
		 * check every migration.
		 * @return the runner
		 * @throws MigrationDefinitionException if a migration is malformed or duplicated
		 */
		public MigrationRunner build() {
			DataSource connections = new MaskingDataSource(this.dataSource, this.secrets);
			Dialect dialect = (this.dialect != null) ? this.dialect
					: Jdbc.withConnection(connections, Dialects::detect);
			List<MigrationEntry> all = new ArrayList<>(this.entries);
			all.addAll(
					new SqlMigrationSource(this.locations, this.classLoader, dialect.splitter(), this.encoding).load());
			return new MigrationRunner(this, connections, dialect, MigrationEntry.buildDescriptors(all));
		}

	}

}
