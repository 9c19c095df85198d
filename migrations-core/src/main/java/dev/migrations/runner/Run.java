package dev.migrations.runner;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import dev.migrations.MigrationException;
import dev.migrations.dialect.SessionState;
import dev.migrations.internal.LocalHost;
import dev.migrations.ledger.LedgerEntry;
import dev.migrations.ledger.MigrationLedger;
import dev.migrations.lock.HeldLock;
import dev.migrations.lock.WriteCondition;
import dev.migrations.source.SquashFile;
import org.jspecify.annotations.Nullable;

/**
 * One locked run: the connection that applies migrations, the lock it holds, and what its
 * ledger rows record. Used by the one thread that runs it.
 */
final class Run {

	/**
	 * How recent a proof of the lock stands for the proof before a migration: the proof
	 * before the previous migration's ledger row, a moment ago. A migration's own writes
	 * are always proven.
	 */
	private static final long RECENT_NANOS = 100_000_000;

	private final Connection connection;

	private final HeldLock lock;

	private final String owner;

	private final RunPlan plan;

	private final String appliedBy;

	private final SessionState session;

	private long provenAt;

	private Run(Connection connection, HeldLock lock, String owner, RunPlan plan, String appliedBy,
			SessionState session) {
		this.connection = connection;
		this.session = session;
		this.lock = lock;
		this.owner = owner;
		this.plan = plan;
		this.appliedBy = appliedBy;
		this.provenAt = System.nanoTime() - 2 * RECENT_NANOS;
	}

	/**
	 * Start a run.
	 * @param connection the connection that applies migrations, in auto-commit mode
	 * @param lock the held lock
	 * @param plan what the run executes
	 * @param appliedBy the database user and host of the runner
	 * @param session the session of the connection as the run found it
	 * @return the run
	 */
	static Run of(Connection connection, HeldLock lock, RunPlan plan, String appliedBy, SessionState session) {
		return new Run(connection, lock, lock.holder().identity(), plan, appliedBy, session);
	}

	/**
	 * Return who applies migrations on a connection, as ledger rows record it: the
	 * database user and the host of the runner.
	 * @param connection the connection
	 * @return the user and host
	 * @throws SQLException on a database error
	 */
	public static String appliedBy(Connection connection) throws SQLException {
		String user = connection.getMetaData().getUserName();
		return ((user != null) ? user : "unknown") + "@" + LocalHost.NAME;
	}

	/**
	 * Put the connection's session back as the run found it, after a migration that may
	 * have changed it, so that the next migration starts as it would alone.
	 * @throws SQLException on a database error
	 */
	public void restoreSession() throws SQLException {
		this.session.restore(this.connection);
	}

	/**
	 * Prove that the run still holds the lock, before the migration connection writes.
	 * @throws dev.migrations.lock.MigrationLockLostException if it does not
	 */
	public void verify() {
		this.lock.verify(this.connection);
		this.provenAt = System.nanoTime();
	}

	/**
	 * Prove the lock before a migration's first statement, unless the run proved it a
	 * moment ago (before the previous migration's ledger row): on PostgreSQL a proof is a
	 * round trip, and two per migration cost more than the few percent fencing may cost
	 * (DESIGN, section 8). A run paused for longer proves it again.
	 * @throws dev.migrations.lock.MigrationLockLostException if the lock is lost
	 */
	public void verifyBeforeMigration() {
		if (System.nanoTime() - this.provenAt >= RECENT_NANOS) {
			verify();
		}
	}

	/**
	 * Write a ledger row under the proof of the lock: checked by the insert itself where
	 * the lock can be proven in SQL (one round trip for both), else proven just before.
	 * @param ledger the ledger
	 * @param row the row
	 * @throws dev.migrations.lock.MigrationLockLostException if the lock is lost, with
	 * nothing written
	 */
	public void record(MigrationLedger ledger, LedgerEntry row) {
		Optional<WriteCondition> condition = this.lock.writeCondition();
		if (condition.isEmpty()) {
			verify();
			ledger.logApplied(this.connection, row);
		}
		else if (ledger.logAppliedIf(this.connection, row, condition.get())) {
			this.provenAt = System.nanoTime();
		}
		else {
			verify();
			throw new MigrationException("Could not record " + row.id() + " in the migration ledger "
					+ ledger.describe() + ": the proof of the migration lock (" + this.lock.description()
					+ ") failed in the write and held right after it");
		}
	}

	/**
	 * Write rows into the ledger: the first under the proof of the lock, as
	 * {@link #record} writes a row, the rest right after it in one batch.
	 * @param ledger the ledger
	 * @param rows the rows, at least one
	 */
	public void recordAll(MigrationLedger ledger, List<LedgerEntry> rows) {
		record(ledger, rows.get(0));
		ledger.logAppliedAll(this.connection, rows.subList(1, rows.size()));
	}

	public Connection connection() {
		return this.connection;
	}

	public HeldLock lock() {
		return this.lock;
	}

	/**
	 * Return the lock holder's identity, which the run's ledger rows record.
	 * @return the identity
	 */
	public String owner() {
		return this.owner;
	}

	public int batch() {
		return this.plan.batch();
	}

	public String appliedBy() {
		return this.appliedBy;
	}

	public boolean inOneTransaction() {
		return this.plan.inOneTransaction();
	}

	/**
	 * Return the squash the run loads, if it loads one.
	 * @return the squash, or {@code null}
	 */
	public @Nullable SquashFile squash() {
		return this.plan.squash();
	}

}
