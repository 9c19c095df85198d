package dev.migrations.lock;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

import javax.sql.DataSource;

/**
 * Base for locks held on a dedicated connection: opens it, acquires, runs the action,
 * releases and closes, attaching any secondary failure as suppressed.
 */
abstract class AbstractConnectionLock implements MigrationLock {

	private static final long MAX_BACKOFF_MS = 1000;

	private final DataSource dataSource;

	AbstractConnectionLock(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	@Override
	public <T> T withLock(Duration timeout, LockedAction<T> action) {
		long start = System.nanoTime();
		Connection connection = open();
		try (connection) {
			acquire(connection, timeout, start);
			Duration waited = Duration.ofNanos(System.nanoTime() - start);
			Throwable failure = null;
			try {
				return action.run(waited);
			}
			catch (RuntimeException | Error ex) {
				failure = ex;
				throw ex;
			}
			finally {
				release(connection, failure);
			}
		}
		catch (SQLException ex) {
			// Only closing the connection is left to fail here; the lock is released
			throw new MigrationLockException("Could not close the migration lock's connection: " + ex.getMessage(), ex);
		}
	}

	private Connection open() {
		try {
			Connection connection = this.dataSource.getConnection();
			try {
				connection.setAutoCommit(true);
				return connection;
			}
			catch (SQLException ex) {
				try {
					connection.close();
				}
				catch (SQLException closeFailure) {
					ex.addSuppressed(closeFailure);
				}
				throw ex;
			}
		}
		catch (SQLException ex) {
			throw new MigrationLockException("Could not open a connection for the migration lock: " + ex.getMessage()
					+ ". Nothing was changed.\nNext step: check that the database is running and reachable and that "
					+ "the URL, user and password are right; then run again.", ex);
		}
	}

	private void acquire(Connection connection, Duration timeout, long start) {
		try {
			poll(connection, timeout, start);
		}
		catch (SQLException ex) {
			throw new MigrationLockException("Could not take the migration lock (" + describe() + "): "
					+ ex.getMessage() + ". Nothing was changed.\nNext step: correct the cause of this database error"
					+ requirements() + "; then run again.", ex);
		}
	}

	private void poll(Connection connection, Duration timeout, long start) throws SQLException {
		long backoff = 25;
		prepare(connection);
		while (!tryAcquire(connection)) {
			long elapsedMs = (System.nanoTime() - start) / 1_000_000;
			if (elapsedMs >= timeout.toMillis()) {
				throw new MigrationLockTimeoutException("Timed out after " + timeout.toMillis()
						+ " ms waiting for the migration lock (" + describe() + "), held by "
						+ findHolder(connection).map(LockHolder::toString).orElse("another session")
						+ ". Another process is applying migrations; wait for it to finish or raise the lock timeout.");
			}
			sleep(Math.min(backoff, timeout.toMillis() - elapsedMs));
			backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
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

	private void release(Connection connection, Throwable failure) {
		try {
			unlock(connection);
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

	private static void sleep(long millis) {
		try {
			Thread.sleep(Math.max(1, millis));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new MigrationLockException("Interrupted while waiting for the migration lock", ex);
		}
	}

	/**
	 * Get ready to acquire the lock, once per run before the first attempt; does nothing
	 * by default.
	 * @param connection the dedicated connection
	 * @throws SQLException on a database error
	 */
	void prepare(Connection connection) throws SQLException {
	}

	/**
	 * Try once to acquire the lock.
	 * @param connection the dedicated connection
	 * @return whether the lock was acquired
	 * @throws SQLException on a database error
	 */
	abstract boolean tryAcquire(Connection connection) throws SQLException;

	/**
	 * Release the lock.
	 * @param connection the dedicated connection
	 * @throws SQLException on a database error
	 */
	abstract void unlock(Connection connection) throws SQLException;

	/**
	 * Look up who holds the lock. Failing to see the holder (for lack of privileges, say)
	 * is not an error: the holder is a courtesy in messages and status.
	 * @param connection a connection to query
	 * @return the holder, or empty
	 */
	abstract Optional<LockHolder> findHolder(Connection connection);

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

}
