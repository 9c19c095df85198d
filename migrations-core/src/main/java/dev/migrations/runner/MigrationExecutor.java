package dev.migrations.runner;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.migrations.Direction;
import dev.migrations.ExecutedMigration;
import dev.migrations.MigrationDefinitionException;
import dev.migrations.MigrationDescriptor;
import dev.migrations.MigrationException;
import dev.migrations.MigrationExecutionException;
import dev.migrations.MigrationListener;
import dev.migrations.MigrationResult;
import dev.migrations.dialect.Dialect;
import dev.migrations.internal.Jdbc;
import dev.migrations.ledger.LedgerEntry;
import dev.migrations.ledger.LedgerState;
import dev.migrations.ledger.MigrationLedger;
import dev.migrations.lock.HeldLock;
import dev.migrations.lock.MigrationLock;
import dev.migrations.lock.MigrationLockLostException;
import dev.migrations.schema.SchemaOperation;
import dev.migrations.source.SquashFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a whole plan on the connection of a locked run, as one run for its listener, and
 * records each migration in the ledger: in one transaction with its ledger row where the
 * database has transactional DDL, otherwise as a {@code RUNNING} row that becomes
 * {@code APPLIED} or {@code FAILED}; or the whole run in one transaction when the plan
 * asks for it.
 */
final class MigrationExecutor {

	/**
	 * The runner's logger, so that each migration's line and the run's summary read as
	 * one.
	 */
	private static final Logger logger = LoggerFactory.getLogger(MigrationRunner.class);

	private final Dialect dialect;

	private final MigrationLedger ledger;

	private final MigrationLock lock;

	private final MigrationListener listener;

	private final ExecutionFailures failures;

	private final PlanStatements statements;

	/**
	 * Create an executor.
	 * @param dialect the dialect
	 * @param ledger the ledger
	 * @param lock the migration lock, asked who holds it when a run fails
	 * @param listener the listener
	 * @param secrets values, such as the password, that no failure it throws or records
	 * may carry
	 */
	public MigrationExecutor(Dialect dialect, MigrationLedger ledger, MigrationLock lock, MigrationListener listener,
			List<String> secrets) {
		this.dialect = dialect;
		this.ledger = ledger;
		this.lock = lock;
		this.listener = listener;
		this.failures = new ExecutionFailures(dialect, secrets);
		this.statements = new PlanStatements(dialect, listener, this.failures);
	}

	/**
	 * Render a plan for this database. Called for every migration of a run before any of
	 * them executes, so an operation the database cannot do fails before anything
	 * changes.
	 * @param migration the migration
	 * @param direction which plan to render
	 * @return the primitive operations to execute
	 */
	public List<SchemaOperation> render(MigrationDescriptor migration, Direction direction) {
		// A rollback selects reversible migrations only, so a down plan is there
		List<SchemaOperation> plan = (direction == Direction.UP) ? migration.up()
				: Objects.requireNonNull(migration.down(), migration.id() + " is irreversible");
		List<SchemaOperation> rendered = new ArrayList<>(plan.size());
		for (SchemaOperation operation : plan) {
			try {
				rendered.addAll(this.dialect.render(operation));
			}
			catch (UnsupportedOperationException ex) {
				throw new MigrationDefinitionException(
						"Migration " + migration.id() + " (" + migration.source(direction) + ") cannot run on "
								+ this.dialect.name() + ": " + ex.getMessage() + ". Nothing was changed.",
						ex);
			}
		}
		return rendered;
	}

	/**
	 * Render the plans of migrations for this database, all of them before any executes.
	 * @param migrations the migrations, in the order they would run
	 * @param direction which plans to render
	 * @return the rendered plans, in the same order
	 * @throws MigrationDefinitionException if the database cannot run an operation
	 */
	public Map<MigrationDescriptor, List<SchemaOperation>> render(List<MigrationDescriptor> migrations,
			Direction direction) {
		Map<MigrationDescriptor, List<SchemaOperation>> plans = new LinkedHashMap<>();
		for (MigrationDescriptor migration : migrations) {
			plans.put(migration, render(migration, direction));
		}
		return plans;
	}

	/**
	 * Run a whole plan: tell the listener the run begins, execute and record each
	 * migration in order (in one transaction when the plan says so), and tell the
	 * listener how the run ended. A failure is thrown as the lost lock it was, when the
	 * run no longer holds the lock, and otherwise as {@code advice} words it.
	 * @param connection the connection that applies migrations, in auto-commit mode
	 * @param lock the held lock
	 * @param plan what to run
	 * @param advice what to add to a failure, knowing how many migrations completed
	 * @return what ran
	 * @throws SQLException on a database error outside any migration
	 * @throws MigrationLockLostException if the lock is lost
	 */
	public MigrationResult run(Connection connection, HeldLock lock, RunPlan plan, FailureAdvice advice)
			throws SQLException {
		Run run = Run.of(connection, lock, plan, Run.appliedBy(connection),
				SessionChanges.capture(this.dialect, connection, plan.migrations().values()));
		List<ExecutedMigration> executed = new ArrayList<>(plan.size());
		this.listener.beforeRun(plan.direction(), plan.size(), plan.inOneTransaction());
		try {
			if (plan.inOneTransaction()) {
				Jdbc.inTransaction(connection, () -> runEach(run, plan, executed));
			}
			else {
				runEach(run, plan, executed);
			}
		}
		catch (MigrationException ex) {
			List<ExecutedMigration> committed = plan.inOneTransaction() ? List.of() : executed;
			this.listener.afterRun(plan.direction(), new MigrationResult(plan.batch(), committed), ex);
			explainLockLoss(ex, lock, committed);
			throw advice.advise(ex, executed.size());
		}
		MigrationResult result = new MigrationResult(plan.batch(), executed);
		this.listener.afterRun(plan.direction(), result, null);
		return result;
	}

	private void runEach(Run run, RunPlan plan, List<ExecutedMigration> executed) {
		for (Map.Entry<MigrationDescriptor, List<SchemaOperation>> step : plan.migrations().entrySet()) {
			MigrationDescriptor migration = step.getKey();
			executed.add((plan.direction() == Direction.UP)
					? apply(run, migration, step.getValue(), plan.outOfOrder().test(migration))
					: rollback(run, migration, step.getValue()));
		}
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

	/**
	 * Apply a migration. The lock is proven before the migration and before each ledger
	 * write, inside the write's transaction where it has one; a lost lock stops the
	 * migration with nothing more written.
	 * @param run the run
	 * @param migration the migration
	 * @param plan its rendered up plan
	 * @param outOfOrder whether it is applied after a newer migration
	 * @return what ran
	 * @throws dev.migrations.lock.MigrationLockLostException if the lock is lost
	 */
	private ExecutedMigration apply(Run run, MigrationDescriptor migration, List<SchemaOperation> plan,
			boolean outOfOrder) {
		this.listener.beforeMigration(migration, Direction.UP);
		long start = System.nanoTime();
		Connection connection = run.connection();
		String id = migration.id().toString();
		// The time the ledger records, which the log and the result then give too
		long[] recorded = { -1 };
		if (run.inOneTransaction()) {
			run.verifyBeforeMigration();
			executeIsolated(run, migration, Direction.UP, plan, Atomicity.RUN);
			recorded[0] = recordApplied(run, migration, start);
		}
		else if (isAtomic(migration)) {
			committing(migration, Direction.UP, () -> Jdbc.inTransaction(connection, () -> {
				run.verifyBeforeMigration();
				executeIsolated(run, migration, Direction.UP, plan, Atomicity.MIGRATION);
				recorded[0] = recordApplied(run, migration, start);
			}));
		}
		else {
			run.record(this.ledger, row(run, migration, LedgerState.RUNNING, 0));
			executeMarkingFailure(run, migration, Direction.UP, plan, () -> {
				run.verify();
				if (run.squash() != null) {
					this.ledger.remove(connection, id);
					recorded[0] = recordApplied(run, migration, start);
				}
				else {
					recorded[0] = elapsedMs(start);
					this.ledger.markApplied(connection, id, recorded[0]);
				}
			});
		}
		return finished(migration, Direction.UP, start, recorded[0], outOfOrder, run.inOneTransaction());
	}

	/**
	 * Record an applied migration: its own row, or when it is a squash, a
	 * {@code SQUASHED} row for each migration the squash replaces, with the checksum the
	 * squash names.
	 */
	private long recordApplied(Run run, MigrationDescriptor migration, long start) {
		long executionMs = elapsedMs(start);
		SquashFile squash = run.squash();
		if (squash == null) {
			run.record(this.ledger, row(run, migration, LedgerState.APPLIED, executionMs));
			return executionMs;
		}
		Instant now = Instant.now();
		List<LedgerEntry> rows = new ArrayList<>();
		squash.replaced()
			.forEach((id, checksum) -> rows
				.add(new LedgerEntry(id.toString(), checksum, run.batch(), LedgerState.SQUASHED, now,
						id.equals(squash.target()) ? executionMs : 0, run.appliedBy(), null, run.owner())));
		run.recordAll(this.ledger, rows);
		return executionMs;
	}

	/**
	 * Roll back a migration and remove its ledger row, proving the lock as {@link #apply}
	 * does.
	 * @param run the run
	 * @param migration the migration
	 * @param plan its rendered down plan
	 * @return what ran
	 * @throws dev.migrations.lock.MigrationLockLostException if the lock is lost
	 */
	private ExecutedMigration rollback(Run run, MigrationDescriptor migration, List<SchemaOperation> plan) {
		this.listener.beforeMigration(migration, Direction.DOWN);
		long start = System.nanoTime();
		Connection connection = run.connection();
		String id = migration.id().toString();
		if (isAtomic(migration)) {
			committing(migration, Direction.DOWN, () -> Jdbc.inTransaction(connection, () -> {
				run.verifyBeforeMigration();
				executeIsolated(run, migration, Direction.DOWN, plan, Atomicity.MIGRATION);
				run.verify();
				this.ledger.remove(connection, id);
			}));
		}
		else {
			run.verify();
			this.ledger.markRunning(connection, id, run.owner());
			executeMarkingFailure(run, migration, Direction.DOWN, plan, () -> {
				run.verify();
				this.ledger.remove(connection, id);
			});
		}
		return finished(migration, Direction.DOWN, start, -1, false, run.inOneTransaction());
	}

	/**
	 * Whether a migration and its ledger row commit together.
	 * @param migration the migration
	 * @return whether it runs atomically
	 */
	public boolean isAtomic(MigrationDescriptor migration) {
		return this.dialect.transactionalDdl() && migration.transactional();
	}

	/**
	 * End a migration: tell the listener, log it and return what ran, with the time the
	 * ledger recorded for it where it recorded one (its statements, before the commit),
	 * so that the log, the result and the ledger give the same figure. A migration of a
	 * run in one transaction is logged as run, not applied: it commits with the run, or
	 * not at all.
	 */
	private ExecutedMigration finished(MigrationDescriptor migration, Direction direction, long start, long recordedMs,
			boolean outOfOrder, boolean oneTransaction) {
		Duration duration = (recordedMs >= 0) ? Duration.ofMillis(recordedMs)
				: Duration.ofNanos(System.nanoTime() - start);
		this.listener.afterMigration(migration, direction, duration);
		String source = migration.source(direction);
		String verb = oneTransaction ? "Ran" : (direction == Direction.UP) ? "Applied" : "Rolled back";
		logger.info("{} {} ({} ms) from {}{}{}", verb, migration.id(), duration.toMillis(), source,
				outOfOrder ? ", out of order: older than a migration applied before it" : "",
				oneTransaction ? "; it commits with the rest of the run" : "");
		return new ExecutedMigration(migration.id(), source, direction, duration.toMillis(), outOfOrder);
	}

	/**
	 * Execute a plan whose ledger row says {@code RUNNING}, then record the outcome with
	 * {@code done}: in the migration's transaction when it has one, so that its last
	 * statements and the ledger commit together, and one commit fewer per migration. A
	 * failure is recorded as {@code FAILED}, from the lock's connection when the
	 * migration's connection is broken; a lost lock is not, since this run may write
	 * nothing more.
	 */
	private void executeMarkingFailure(Run run, MigrationDescriptor migration, Direction direction,
			List<SchemaOperation> plan, Jdbc.TransactionWork done) {
		Connection connection = run.connection();
		try {
			if (migration.transactional()) {
				committing(migration, direction, () -> Jdbc.inTransaction(connection, () -> {
					executeIsolated(run, migration, direction, plan, Atomicity.NONE);
					done.run();
				}));
			}
			else {
				executeIsolated(run, migration, direction, plan, Atomicity.NONE);
				committing(migration, direction, () -> Jdbc.inTransaction(connection, done));
			}
		}
		catch (MigrationLockLostException ex) {
			throw ex;
		}
		catch (MigrationException ex) {
			recordFailure(run, migration, plan, ex);
			throw ex;
		}
	}

	private void recordFailure(Run run, MigrationDescriptor migration, List<SchemaOperation> plan,
			MigrationException failure) {
		String id = migration.id().toString();
		try {
			if (isUsable(run.connection())) {
				if (!migration.transactional()) {
					endOpenTransaction(run.connection());
				}
				try {
					// So that the row and the connection's next user find the session
					// as the run did
					SessionChanges.restoreAfter(run, plan);
				}
				catch (SQLException ex) {
					failure.addSuppressed(ex);
				}
				run.verify();
				this.ledger.markFailed(run.connection(), id, failure.description());
			}
			else {
				run.lock().onLockConnection((lockConnection) -> {
					run.lock().verify(lockConnection);
					this.ledger.markFailed(lockConnection, id, failure.description());
				});
			}
		}
		catch (SQLException | RuntimeException markFailure) {
			failure.addSuppressed(markFailure);
		}
	}

	/**
	 * End a transaction that a migration run outside one opened itself and left open when
	 * it failed, as the database does when a client's session ends: until then PostgreSQL
	 * refuses every statement of the session, the failure's ledger row too.
	 */
	private static void endOpenTransaction(Connection connection) {
		try (Statement statement = connection.createStatement()) {
			statement.execute("ROLLBACK");
		}
		catch (SQLException ex) {
			// No transaction was open
		}
	}

	private static boolean isUsable(Connection connection) {
		try {
			return connection.isValid(5);
		}
		catch (SQLException ex) {
			return false;
		}
	}

	/**
	 * Begin, commit or end a transaction, and say which migration it belonged to when
	 * that fails: a connection that breaks between statements fails here, not in a
	 * statement.
	 */
	private void committing(MigrationDescriptor migration, Direction direction, Jdbc.TransactionWork work) {
		try {
			work.run();
		}
		catch (SQLException ex) {
			MigrationExecutionException failure = this.failures.transactionFailure(migration, direction,
					isAtomic(migration) ? Atomicity.MIGRATION : Atomicity.NONE, ex);
			this.listener.onFailure(migration, direction, failure);
			throw failure;
		}
	}

	/**
	 * Execute a plan, then put the session back as the run found it if the plan may have
	 * changed it, before anything else (a ledger write, the next migration) runs on the
	 * connection.
	 */
	private void executeIsolated(Run run, MigrationDescriptor migration, Direction direction,
			List<SchemaOperation> plan, Atomicity atomicity) {
		this.statements.execute(run.connection(), migration, direction, plan, atomicity);
		try {
			SessionChanges.restoreAfter(run, plan);
		}
		catch (SQLException ex) {
			throw new MigrationException("Could not put the session back as the run found it after "
					+ migration.source(direction) + ": " + ex.getMessage(), ex);
		}
	}

	private static LedgerEntry row(Run run, MigrationDescriptor migration, LedgerState state, long executionMs) {
		return new LedgerEntry(migration.id().toString(), migration.checksum(), run.batch(), state, Instant.now(),
				executionMs, run.appliedBy(), null, run.owner());
	}

	private static long elapsedMs(long start) {
		return (System.nanoTime() - start) / 1_000_000;
	}

	/**
	 * What a run adds to the failure that stopped it, such as a hint about what is left
	 * to do, once the failure is known not to be a lost lock.
	 */
	@FunctionalInterface
	public interface FailureAdvice {

		/**
		 * Return the failure to throw.
		 * @param failure the failure that stopped the run
		 * @param completed how many migrations of the plan completed before it
		 * @return the failure, or one that says more
		 */
		MigrationException advise(MigrationException failure, int completed);

	}

}
