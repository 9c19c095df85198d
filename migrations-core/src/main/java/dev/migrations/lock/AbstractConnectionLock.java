package dev.migrations.lock;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import dev.migrations.Credentials;
import dev.migrations.MigrationException;
import dev.migrations.Remedy;
import dev.migrations.internal.LocalHost;
import dev.migrations.internal.SessionChangeFailure;
import dev.migrations.internal.SessionDataSource;
import dev.migrations.internal.SessionDataSource.Restore;
import dev.migrations.internal.ShutdownInterrupt;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Base for locks held on a dedicated connection: opens it, acquires, runs the action,
 * releases and closes, attaching any secondary failure as suppressed. Each acquisition
 * has a token of its own, so that two runs of one process, or a run and its successor on
 * a pooled connection, are never taken for each other.
 */
abstract class AbstractConnectionLock implements MigrationLock {

	/**
	 * One logger for every lock's waits, so that an operator finds them under one name.
	 */
	private static final Logger logger = LoggerFactory.getLogger(MigrationLock.class);

	private static final long MAX_BACKOFF_MS = 1000;

	private static final long WAIT_REPORT_INTERVAL_MS = 10_000;

	private final DataSource dataSource;

	/** The dedicated connections, in auto-commit mode. */
	private final DataSource lockConnections;

	/** How often a wait for the lock is logged again while it lasts. */
	private volatile long waitReportIntervalMs = WAIT_REPORT_INTERVAL_MS;

	AbstractConnectionLock(DataSource dataSource) {
		this.dataSource = dataSource;
		this.lockConnections = new SessionDataSource(dataSource, (connection) -> {
			connection.setAutoCommit(true);
			return Restore.NOTHING;
		});
	}

	/**
	 * Log a wait for the lock again at this interval while it lasts, instead of every 10
	 * s, so that a short wait shows the repeated line.
	 * @param interval the interval
	 */
	void reportWaitsEvery(Duration interval) {
		this.waitReportIntervalMs = interval.toMillis();
	}

	@Override
	public <T> T withLock(Duration timeout, LockedAction<T> action) {
		long start = System.nanoTime();
		Connection connection = open();
		// A random number tells two acquisitions apart. Not a UUID: the first
		// UUID.randomUUID() of a JVM seeds a SecureRandom, about 12 ms of every start.
		String token = LocalHost.process() + "/" + Long.toHexString(ThreadLocalRandom.current().nextLong());
		try (connection) {
			acquire(connection, token, timeout, start);
			Throwable failure = null;
			try {
				Duration waited = Duration.ofNanos(System.nanoTime() - start);
				return action.run(new Held(connection, token, waited));
			}
			catch (RuntimeException | Error ex) {
				failure = ex;
				throw ex;
			}
			finally {
				release(connection, token, failure);
			}
		}
		catch (SQLException ex) {
			// Only closing the connection is left to fail here; the lock is released
			throw new MigrationLockException("Could not close the migration lock's connection: " + ex.getMessage(), ex);
		}
	}

	private Connection open() {
		try {
			return this.lockConnections.getConnection();
		}
		catch (SQLException ex) {
			throw new MigrationLockException(
					"Could not open a connection for the migration lock: " + ex.getMessage() + ". Nothing was changed.",
					Remedy.of((ex instanceof SessionChangeFailure) ? Remedy.Kind.CORRECT_DATABASE_ERROR
							: Remedy.Kind.CHECK_CONNECTION),
					ex);
		}
	}

	private void acquire(Connection connection, String token, Duration timeout, long start) {
		try {
			poll(connection, token, timeout, start);
		}
		catch (SQLException ex) {
			throw new MigrationLockException(
					"Could not take the migration lock (" + describe() + "): " + ex.getMessage()
							+ ". Nothing was changed.",
					Remedy.of(Remedy.Kind.CORRECT_DATABASE_ERROR).with(Remedy.Fact.REQUIREMENTS, requirements()), ex);
		}
	}

	private void poll(Connection connection, String token, Duration timeout, long start) throws SQLException {
		prepare(connection, timeout);
		if (attempt(connection, token)) {
			return;
		}
		try (ShutdownInterrupt onShutdown = ShutdownInterrupt.register(Thread.currentThread())) {
			waitFor(connection, token, timeout, start, onShutdown);
		}
	}

	/**
	 * Try again and again until the lock is taken or the timeout runs out, saying who
	 * holds it while the wait lasts. A JVM that shuts down ends the wait.
	 */
	private void waitFor(Connection connection, String token, Duration timeout, long start,
			ShutdownInterrupt onShutdown) throws SQLException {
		long backoff = 25;
		long nextReportMs = -1;
		do {
			long elapsedMs = (System.nanoTime() - start) / 1_000_000;
			if (elapsedMs >= timeout.toMillis()) {
				throw new MigrationLockTimeoutException(
						"Timed out after " + timeout.toMillis() + " ms waiting for the migration lock (" + describe()
								+ "), held by "
								+ findHolder(connection).map(LockHolder::toString).orElse("another session")
								+ ". Another run, in this process or another, is applying migrations.",
						Remedy.of(Remedy.Kind.WAIT_FOR_LOCK).with(Remedy.Fact.TIMED_OUT));
			}
			if (elapsedMs >= nextReportMs) {
				reportWait(connection, (nextReportMs < 0) ? -1 : elapsedMs, timeout);
				nextReportMs = elapsedMs + this.waitReportIntervalMs;
			}
			sleep(Math.min(backoff, timeout.toMillis() - elapsedMs), onShutdown);
			backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
		}
		while (!attempt(connection, token));
		if (nextReportMs >= 0) {
			logger.info("Took the migration lock ({}) after waiting {}", describe(),
					seconds((System.nanoTime() - start) / 1_000_000));
		}
	}

	/**
	 * Say who the run waits for, when the wait starts and while it lasts: with the
	 * default timeout of minutes, a silent wait behind a stuck holder looks like a hang.
	 * The holder is looked up each time, since it may have changed hands.
	 * @param elapsedMs how long the run has waited, or {@code -1} when the wait starts
	 */
	private void reportWait(Connection connection, long elapsedMs, Duration timeout) {
		if (!logger.isInfoEnabled()) {
			return;
		}
		String holder = findHolder(connection).map((found) -> String.valueOf(Credentials.mask(found.toString())))
			.orElse("another session");
		if (elapsedMs < 0) {
			logger.info("Waiting for the migration lock held by {}; giving up after {} ({})", holder,
					seconds(timeout.toMillis()), describe());
		}
		else {
			logger.info("Waiting for the migration lock held by {}, {} so far; giving up after {} ({})", holder,
					seconds(elapsedMs), seconds(timeout.toMillis()), describe());
		}
	}

	private static String seconds(long millis) {
		return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
	}

	/**
	 * One attempt; a database that is busy with another session's write is another try
	 * later, not a failure.
	 */
	private boolean attempt(Connection connection, String token) throws SQLException {
		try {
			return tryAcquire(connection, token);
		}
		catch (SQLException ex) {
			if (isContention(connection, ex)) {
				return false;
			}
			throw ex;
		}
	}

	@Override
	public Optional<LockHolder> holder() {
		try (Connection connection = this.dataSource.getConnection()) {
			return findHolder(connection);
		}
		catch (SQLException ex) {
			throw new MigrationLockException(
					"Could not open a connection to look up the migration lock holder: " + ex.getMessage(), ex);
		}
	}

	@Override
	public void breakLock(LockHolder holder) {
		try (Connection connection = this.dataSource.getConnection()) {
			end(connection, holder);
		}
		catch (SQLException ex) {
			throw new MigrationLockException(
					"Could not take the migration lock from " + holder + ": " + ex.getMessage()
							+ ". Nothing was changed.",
					Remedy.of(Remedy.Kind.RELEASE_LOCK).with(Remedy.Fact.HOLDER, holder), ex);
		}
	}

	private void release(Connection connection, String token, @Nullable Throwable failure) {
		try {
			unlock(connection, token);
		}
		catch (SQLException | RuntimeException ex) {
			if (failure != null) {
				failure.addSuppressed(ex);
			}
			else {
				throw new MigrationLockException("Could not release the migration lock (" + describe() + "): "
						+ ex.getMessage() + ". It is released when the connection closes.", ex);
			}
		}
	}

	private void sleep(long millis, ShutdownInterrupt onShutdown) {
		try {
			Thread.sleep(Math.max(1, millis));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new MigrationLockException(onShutdown.fired()
					? "Stopped waiting for the migration lock (" + describe()
							+ ") because the process is shutting down. Nothing was changed."
					: "Interrupted while waiting for the migration lock", ex);
		}
	}

	/**
	 * Get ready to acquire the lock, once per run before the first attempt; does nothing
	 * by default.
	 * @param connection the dedicated connection
	 * @param timeout how long the run waits for the lock
	 * @throws SQLException on a database error
	 */
	void prepare(Connection connection, Duration timeout) throws SQLException {
	}

	/**
	 * Try once to acquire the lock.
	 * @param connection the dedicated connection
	 * @param token this acquisition's token
	 * @return whether the lock was acquired
	 * @throws SQLException on a database error
	 */
	abstract boolean tryAcquire(Connection connection, String token) throws SQLException;

	/**
	 * Whether a failed attempt only met another session's write, so that a later attempt
	 * may succeed; {@code false} by default.
	 * @param connection the dedicated connection
	 * @param ex the failure
	 * @return whether to try again
	 */
	boolean isContention(Connection connection, SQLException ex) {
		return false;
	}

	/**
	 * Return this holder as other sessions see it, right after acquiring.
	 * @param connection the dedicated connection
	 * @param token this acquisition's token
	 * @return the holder
	 */
	abstract LockHolder self(Connection connection, String token);

	/**
	 * Check that the lock is still held, before {@code writer} writes.
	 * @param held the acquisition
	 * @param writer the connection about to write
	 * @return whether the lock is held
	 * @throws SQLException on a database error, which means the lock cannot be proven
	 */
	abstract boolean isHeld(Held held, Connection writer) throws SQLException;

	/**
	 * Return the proof of {@link #isHeld} as a condition for a ledger write, where the
	 * lock can be proven in SQL.
	 * @param held the acquisition
	 * @return the condition, or empty
	 * @throws SQLException on a database error
	 */
	Optional<WriteCondition> writeCondition(Held held) throws SQLException {
		return Optional.empty();
	}

	/**
	 * Release the lock.
	 * @param connection the dedicated connection
	 * @param token this acquisition's token
	 * @throws SQLException on a database error
	 */
	abstract void unlock(Connection connection, String token) throws SQLException;

	/**
	 * Look up who holds the lock. Failing to see the holder (for lack of privileges, say)
	 * is not an error: the holder is a courtesy in messages and status.
	 * @param connection a connection to query
	 * @return the holder, or empty
	 */
	abstract Optional<LockHolder> findHolder(Connection connection);

	/**
	 * End a holder's hold on the lock, if it still holds it.
	 * @param connection a connection to use
	 * @param holder the holder
	 * @throws SQLException on a database error
	 */
	abstract void end(Connection connection, LockHolder holder) throws SQLException;

	/**
	 * Say what the lock needs of the database user, for the next step of a failure to
	 * take it.
	 * @return the text, from {@code " ("} to {@code ")"}, or empty when it needs nothing
	 * in particular
	 */
	String requirements() {
		return "";
	}

	/**
	 * Describe the lock, such as {@code "PostgreSQL advisory lock 42"}.
	 * @return the description
	 */
	abstract String describe();

	/**
	 * The lock while an action runs: one acquisition, with the statements its proofs
	 * prepared, kept for the whole run (a run proves the lock a few times per migration).
	 */
	final class Held implements HeldLock {

		final Connection connection;

		final String token;

		private final Duration waited;

		private final Map<Connection, Map<String, PreparedStatement>> prepared = new IdentityHashMap<>();

		private volatile @Nullable LockHolder self;

		private volatile @Nullable Optional<WriteCondition> condition;

		/**
		 * The id on the server of the lock's session, for a lock bound to one, looked up
		 * on first use; {@code -1} until then.
		 */
		volatile long session = -1;

		Held(Connection connection, String token, Duration waited) {
			this.connection = connection;
			this.token = token;
			this.waited = waited;
		}

		@Override
		public Duration waited() {
			return this.waited;
		}

		/**
		 * Looked up the first time it is needed (a {@code RUNNING} row names it), so that
		 * a run with nothing to apply pays nothing for it.
		 */
		@Override
		public LockHolder holder() {
			LockHolder holder = this.self;
			if (holder == null) {
				synchronized (this.connection) {
					holder = self(this.connection, this.token);
				}
				this.self = holder;
			}
			return holder;
		}

		/**
		 * Whether the lock's own connection proves the lock when the writing connection
		 * could not: then the writer broke, not the lock.
		 */
		private boolean isHeldOnOwnConnection(SQLException writerFailure) {
			try {
				synchronized (this.connection) {
					return isHeld(this, this.connection);
				}
			}
			catch (SQLException ex) {
				writerFailure.addSuppressed(ex);
				return false;
			}
		}

		@Override
		public String description() {
			return describe();
		}

		@Override
		public void verify(Connection writer) {
			boolean held;
			try {
				held = isHeld(this, writer);
			}
			catch (SQLException ex) {
				if (writer != this.connection && isHeldOnOwnConnection(ex)) {
					throw new MigrationException(
							"Could not prove the migration lock (" + describe()
									+ ") on the connection that applies migrations, which failed: " + ex.getMessage(),
							ex);
				}
				throw new MigrationLockLostException(describe(), "it could not be proven: " + ex.getMessage(), null,
						ex);
			}
			if (!held) {
				throw new MigrationLockLostException(describe(), "another session holds it now, or nobody does", null,
						null);
			}
		}

		@Override
		public Optional<WriteCondition> writeCondition() {
			Optional<WriteCondition> condition = this.condition;
			if (condition == null) {
				try {
					condition = AbstractConnectionLock.this.writeCondition(this);
				}
				catch (SQLException ex) {
					throw new MigrationLockLostException(describe(), "it could not be proven: " + ex.getMessage(), null,
							ex);
				}
				this.condition = condition;
			}
			return condition;
		}

		@Override
		public void onLockConnection(ConnectionWork work) throws SQLException {
			synchronized (this.connection) {
				work.run(this.connection);
			}
		}

		/**
		 * Return a statement prepared on a connection, preparing it the first time. The
		 * statements close with their connections.
		 * @param connection the connection
		 * @param sql the statement
		 * @return the prepared statement
		 * @throws SQLException on a database error
		 */
		PreparedStatement prepare(Connection connection, String sql) throws SQLException {
			synchronized (this.prepared) {
				Map<String, PreparedStatement> statements = this.prepared.computeIfAbsent(connection,
						(key) -> new HashMap<>());
				PreparedStatement statement = statements.get(sql);
				if (statement == null || statement.isClosed()) {
					statement = connection.prepareStatement(sql);
					statements.put(sql, statement);
				}
				return statement;
			}
		}

	}

}
