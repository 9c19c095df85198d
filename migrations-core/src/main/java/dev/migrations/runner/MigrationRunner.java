package dev.migrations.runner;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import javax.sql.DataSource;

import dev.migrations.Direction;
import dev.migrations.MigrationDescriptor;
import dev.migrations.MigrationException;
import dev.migrations.MigrationId;
import dev.migrations.MigrationProblem;
import dev.migrations.MigrationResult;
import dev.migrations.MigrationStatus;
import dev.migrations.OutOfOrder;
import dev.migrations.RepairOption;
import dev.migrations.TransactionMode;
import dev.migrations.Verification;
import dev.migrations.catalog.Catalog;
import dev.migrations.catalog.CatalogDiff;
import dev.migrations.dialect.Dialect;
import dev.migrations.internal.Jdbc;
import dev.migrations.ledger.MigrationLedger;
import dev.migrations.lock.HeldLock;
import dev.migrations.lock.LockHolder;
import dev.migrations.schema.SchemaOperation;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies, rolls back and reports migrations against one database. Every run takes the
 * migration lock, reads the ledger once, validates, and then runs each migration in order
 * under one batch number; an apply that finds every migration applied in a read of the
 * ledger before the lock ends there, and with a build-time index of nothing but SQL
 * migrations, before the runner loads them. Built with {@link #builder(DataSource)};
 * thread-safe once built.
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

	/** Whether migrations that destroy data apply without being marked, by default. */
	public static final boolean DEFAULT_ALLOW_DESTRUCTIVE = false;

	private final @Nullable IndexedUpToDate indexed;

	private final Supplier<RunnerSettings> settings;

	private volatile @Nullable Parts parts;

	MigrationRunner(RunnerSettings settings) {
		this.indexed = null;
		this.settings = () -> settings;
		this.parts = new Parts(settings);
	}

	/**
	 * Create a runner whose settings are built on its first use, unless that use is an
	 * apply that the index ends: one with nothing to do.
	 */
	MigrationRunner(Supplier<RunnerSettings> settings, IndexedUpToDate indexed) {
		this.indexed = indexed;
		this.settings = settings;
	}

	/**
	 * End an apply with nothing to do from the index and one read of the ledger, before
	 * the runner's parts are built.
	 */
	private Optional<MigrationResult> endedByIndex() {
		IndexedUpToDate indexed = this.indexed;
		return (indexed != null && this.parts == null) ? indexed.withoutLoading() : Optional.empty();
	}

	private Parts parts() {
		Parts parts = this.parts;
		if (parts == null) {
			synchronized (this) {
				parts = this.parts;
				if (parts == null) {
					parts = new Parts(this.settings.get());
					this.parts = parts;
				}
			}
		}
		return parts;
	}

	/**
	 * Refuse a count below one, such as a limit or a number of steps. Here rather than
	 * with the other checks of a run, which a start the index ends does not load.
	 */
	static void requirePositive(int value, String name) {
		if (value < 1) {
			throw new IllegalArgumentException(name + " must be at least 1, was " + value);
		}
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
	 * @throws DestructiveMigrationException if a migration would destroy data the
	 * database holds, without being marked destructive or the run allowing it; nothing is
	 * applied
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
	 * @throws DestructiveMigrationException if a migration would destroy data without
	 * leave; nothing is applied
	 * @throws MigrationExecutionException if a migration fails
	 */
	public MigrationResult applyAll(int limit) {
		requirePositive(limit, "limit");
		Optional<MigrationResult> endedByIndex = endedByIndex();
		if (endedByIndex.isPresent()) {
			return endedByIndex.get();
		}
		return parts().applyAll(limit);
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
		return parts().rollbackLastBatches(steps);
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
		return parts().rollbackAfter(target);
	}

	/**
	 * Return the status of every migration known to the sources or the ledger, by id.
	 * Takes no lock and creates nothing.
	 * @return the statuses
	 */
	public List<MigrationStatus> status() {
		return parts().status();
	}

	/**
	 * Read what the database holds in the ledger's schema (the connection's current one
	 * when the ledger names none) from its catalog: tables, views and the objects each
	 * database has of its own, without the ledger and its lock table. Takes no lock and
	 * creates nothing.
	 * @return the schema
	 * @throws UnsupportedOperationException where the dialect cannot read a catalog
	 */
	public Catalog describeSchema() {
		Parts parts = parts();
		return Jdbc.withConnection(parts.settings.connections(), parts.replay::live);
	}

	/**
	 * Build the schema the ledger's applied migrations make, in the order they were
	 * applied, on a shadow database dropped afterwards (see
	 * {@link MigrationRunnerBuilder#shadow(ShadowDatabase)}). Takes no lock and changes
	 * nothing in the database.
	 * @return the schema, read as {@link #describeSchema()} reads the live one
	 * @throws MigrationException if no shadow database can be had, or the migrations fail
	 * on it
	 */
	public Catalog expectedSchema() {
		Parts parts = parts();
		return Jdbc.withConnection(parts.settings.connections(), parts.replay::expected);
	}

	/**
	 * Compare what the database holds with the schema the ledger's applied migrations
	 * build (see {@link #expectedSchema()}). Takes no lock and changes nothing in the
	 * database.
	 * @return the changes that turn the schema the migrations build into the database's,
	 * empty when there is no drift
	 */
	public CatalogDiff drift() {
		Parts parts = parts();
		return Jdbc.withConnection(parts.settings.connections(), parts.replay::drift);
	}

	/**
	 * Return who holds the migration lock now, if anyone: another runner applying
	 * migrations.
	 * @return the holder, or empty when the lock is free
	 */
	public Optional<LockHolder> lockHolder() {
		return parts().settings.lock().holder();
	}

	/**
	 * Return the problems {@link #applyAll()} would refuse to start with, and the down
	 * plans a later rollback could not read (a {@code .down.sql} that cannot be split,
	 * say). Takes no lock and creates nothing.
	 * @return the problems, empty when migrations can be applied and rolled back
	 */
	public List<MigrationProblem> validate() {
		Parts parts = parts();
		return parts.checks.problems(Jdbc.withConnection(parts.settings.connections(), parts.reader::readUnlocked));
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
		return parts().repair(LedgerRepair.chosen(options));
	}

	/**
	 * Mark every migration up to and including {@code id} as already present, on a
	 * database that has them from before the ledger was adopted.
	 * @param id the newest migration the database already has; a source must define it
	 * @throws MigrationException if no source defines the id, or if the ledger is not
	 * empty
	 */
	public void baseline(MigrationId id) {
		parts().baseline(Objects.requireNonNull(id, "id must not be null"));
	}

	/**
	 * Return a view of this runner that plans instead of executing: it returns the exact
	 * SQL per migration for this database, takes no lock and changes nothing, not even
	 * creating the ledger table.
	 * @return the dry-run view
	 */
	public PretendRunner pretend() {
		Parts parts = parts();
		return new PretendRunner(parts.settings, parts.checks, parts.reader, parts.executor, parts.guard, parts.replay,
				parts.squashes, parts.adoption);
	}

	/**
	 * Return a runner like this one, on the same database, ledger and lock, whose runs
	 * apply pending migrations that destroy data without their being marked destructive:
	 * for one run that a user has allowed, as {@code migrate --allow-destructive} does.
	 * @return the runner
	 * @see MigrationRunnerBuilder#allowDestructive(boolean)
	 */
	public MigrationRunner allowingDestructive() {
		return new MigrationRunner(parts().settings.withAllowDestructive(true));
	}

	/**
	 * Return the writer of migrations from schemas for this database: the repair of its
	 * drift, the step to a development database or an application's entities, its schema
	 * as SQL. Nothing it returns changes the database.
	 * @return the writer
	 */
	public SchemaMigrations generate() {
		Parts parts = parts();
		return new SchemaMigrations(parts.settings.connections(), parts.replay, parts.settings.dialect());
	}

	/**
	 * Return the resets of this database for development: {@code reset}, {@code refresh}
	 * and {@code fresh}, which refuse to run until {@link DevelopmentResets#forced()}.
	 * @return the resets
	 */
	public DevelopmentResets resets() {
		Parts parts = parts();
		return new DevelopmentResets(this, parts.settings, parts.replay, parts.locked, false);
	}

	/**
	 * Return a runner like this one whose applies compare the database with the schema
	 * its migrations build afterwards, as {@code migrate --verify} does.
	 * @param verification what to do when they differ
	 * @return the runner
	 * @see MigrationRunnerBuilder#verify(Verification)
	 */
	public MigrationRunner verifying(Verification verification) {
		return new MigrationRunner(parts().settings.withVerification(verification));
	}

	/**
	 * Return a runner like this one whose applies stop at a migration, as
	 * {@code migrate --target} does.
	 * @param target the last migration to apply; a source must define it
	 * @return the runner
	 * @see MigrationRunnerBuilder#target(MigrationId)
	 */
	public MigrationRunner targeting(MigrationId target) {
		return new MigrationRunner(
				parts().settings.withTarget(Objects.requireNonNull(target, "target must not be null")));
	}

	/**
	 * Return the migrations this runner knows, sorted by id.
	 * @return the descriptors
	 */
	public List<MigrationDescriptor> descriptors() {
		return parts().settings.descriptors();
	}

	/**
	 * Return the data source this runner migrates.
	 * @return the data source
	 */
	public DataSource dataSource() {
		return parts().settings.dataSource();
	}

	/**
	 * Return the dialect of the database.
	 * @return the dialect
	 */
	public Dialect dialect() {
		return parts().settings.dialect();
	}

	/**
	 * Return the ledger.
	 * @return the ledger
	 */
	public MigrationLedger ledger() {
		return parts().settings.ledger();
	}

	RunnerSettings settings() {
		return parts().settings;
	}

	/**
	 * What a runner runs with, built from its settings, and the runs it does with them:
	 * here rather than in the runner, whose own methods a framework may list by
	 * reflection at start-up, loading every type they name.
	 */
	private static final class Parts {

		private static final Logger logger = LoggerFactory.getLogger(MigrationRunner.class);

		private final LedgerReader reader;

		private final RunChecks checks;

		private final DestructiveGuard guard;

		private final MigrationExecutor executor;

		private final LedgerRepair repair;

		private final RunnerAdvice advice;

		private final SchemaReplay replay;

		private final SquashLoader squashes;

		private final LedgerAdoption adoption;

		private final RunnerSettings settings;

		private final LockedConnection locked;

		private final UpToDate upToDate;

		Parts(RunnerSettings settings) {
			this.settings = settings;
			this.reader = new LedgerReader(settings.descriptors(), settings.ledger(), settings.lock(),
					settings.secrets());
			this.guard = new DestructiveGuard(settings.dialect(), settings.allowDestructive());
			this.executor = new MigrationExecutor(settings.dialect(), settings.ledger(), settings.lock(),
					settings.listener(), settings.secrets());
			this.squashes = new SquashLoader(settings, this.executor, this.reader);
			this.checks = new RunChecks(settings, this.squashes);
			this.repair = new LedgerRepair(settings.connections(), settings.ledger(), settings.lock(), this.reader);
			this.advice = new RunnerAdvice(settings.connections(), settings.dialect(), settings.table(), this.executor);
			this.replay = new SchemaReplay(settings, this.reader);
			this.adoption = new LedgerAdoption(settings, this.reader, this.checks, this.repair);
			this.locked = new LockedConnection(settings, this.advice);
			this.upToDate = new UpToDate(settings, this.checks);
		}

		MigrationResult applyAll(int limit) {
			return this.upToDate.withoutLock().orElseGet(() -> this.locked.run((connection, lock) -> {
				LedgerView view = this.adoption.readForApply(connection, lock);
				SquashLoader.Start start = this.squashes.start(view, this.checks.selectPending(view, Integer.MAX_VALUE),
						limit);
				Map<MigrationDescriptor, List<SchemaOperation>> plans = this.executor.render(start.pending(),
						Direction.UP);
				this.guard.check(connection, plans.keySet());
				MigrationResult result = this.squashes.loadThen(connection, lock, view, start,
						(after) -> applyPending(connection, lock, after, plans));
				this.replay.verify(connection);
				return result;
			}));
		}

		private MigrationResult applyPending(Connection connection, HeldLock lock, LedgerView view,
				Map<MigrationDescriptor, List<SchemaOperation>> plans) throws SQLException {
			if (plans.isEmpty()) {
				return this.upToDate.report(view);
			}
			RunPlan plan = RunPlan.apply(view.nextBatch(), this.checks.transactionMode(plans.keySet()), plans,
					view::isOutOfOrder);
			MigrationResult result = this.executor.run(connection, lock, plan,
					(failure, applied) -> this.advice.adviseApply(failure, view, plan, applied));
			logger.info("Applied {} migration(s) in batch {} to {}", result.migrations().size(), result.batch(),
					this.settings.ledger().describe());
			return result;
		}

		MigrationResult rollbackLastBatches(int steps) {
			return rollback((view) -> view.lastBatches(steps));
		}

		MigrationResult rollbackAfter(MigrationId target) {
			return rollback((view) -> view.appliedAfter(target));
		}

		private MigrationResult rollback(RollbackSelection selection) {
			return this.locked.run((connection, lock) -> {
				boolean ledgerExists = this.settings.ledger().exists(connection);
				LedgerView view = ledgerExists ? this.reader.read(connection) : this.reader.empty();
				List<MigrationDescriptor> selected = this.checks.selectRollback(view, selection.select(view));
				if (!ledgerExists) {
					return new MigrationResult(0, List.of());
				}
				this.settings.ledger().ensureInitialized(connection);
				RunPlan plan = RunPlan.rollback(this.executor.render(selected, Direction.DOWN));
				MigrationResult result = this.executor.run(connection, lock, plan,
						(failure, done) -> this.advice.adviseRemainder(failure, view, selection, selected, done));
				logger.info("Rolled back {} migration(s) in {}", result.migrations().size(),
						this.settings.ledger().describe());
				return result;
			});
		}

		List<MigrationStatus> status() {
			return Jdbc.withConnection(this.settings.connections(),
					(connection) -> this.reader.readUnlocked(connection).statuses());
		}

		List<String> repair(Set<RepairOption> chosen) {
			List<String> changes = new ArrayList<>(this.repair.takeFromLiveRun(chosen));
			changes.addAll(this.locked.run((connection, lock) -> this.repair.repairRows(connection, lock, chosen)));
			return changes;
		}

		void baseline(MigrationId id) {
			this.checks.requireDefined(id);
			this.locked.run((connection, lock) -> this.adoption.baseline(connection, lock, id));
		}

	}

	/**
	 * Builds a {@link MigrationRunner}; its options are those of
	 * {@link MigrationRunnerBuilder}, each returning this type. Not thread-safe.
	 */
	public static final class Builder extends MigrationRunnerBuilder<Builder> {

		private Builder(DataSource dataSource) {
			super(dataSource);
		}

		@Override
		Builder self() {
			return this;
		}

	}

}
