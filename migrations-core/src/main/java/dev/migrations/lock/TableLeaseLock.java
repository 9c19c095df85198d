package dev.migrations.lock;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import dev.migrations.internal.Jdbc;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A lease row in a lock table, for databases without a session lock (H2, SQLite and
 * unknown ones). The holder renews the lease with a heartbeat on the lock's connection;
 * before a write, a lease that is no longer fresh is renewed on the writing connection,
 * in its transaction, which also keeps it live while a migration holds a database-wide
 * write lock (SQLite). A renewal that finds the lease in another's hands is loss, and the
 * run stops before its next write. A lease whose holder died expires and is taken over, a
 * live one never is. Thread-safe.
 */
public final class TableLeaseLock extends AbstractConnectionLock {

	private static final Logger logger = LoggerFactory.getLogger(TableLeaseLock.class);

	/**
	 * How long a waiting SQLite connection lets the database's own busy handler wait on
	 * another connection's write before the next attempt; short, so that the lock timeout
	 * is kept.
	 */
	private static final int SQLITE_BUSY_WAIT_MS = 200;

	/** SQLite's result codes for a database or table that another connection writes. */
	private static final int SQLITE_BUSY = 5;

	private static final int SQLITE_LOCKED = 6;

	/** H2's error codes for a lock wait that timed out and for a concurrent update. */
	private static final int H2_LOCK_TIMEOUT = 50200;

	private static final int H2_CONCURRENT_UPDATE = 90131;

	private final String table;

	private final String createTable;

	private final String probe;

	private final String renew;

	private final Duration lease;

	/** The heartbeats of the acquisitions this lock holds now, by token. */
	private final Map<String, Heartbeat> heartbeats = new ConcurrentHashMap<>();

	/**
	 * Create a lock.
	 * @param dataSource where to open the dedicated connection
	 * @param quotedTable the quoted name of the lock table
	 * @param createTable the statement that creates the lock table if it does not exist
	 * @param lease how long a lease lasts without a heartbeat
	 */
	public TableLeaseLock(DataSource dataSource, String quotedTable, String createTable, Duration lease) {
		super(dataSource);
		this.table = quotedTable;
		this.probe = "SELECT id FROM " + quotedTable + " WHERE 1 = 0";
		this.renew = "UPDATE " + quotedTable + " SET expires_at = ? WHERE id = 1 AND owner = ?";
		this.createTable = createTable;
		this.lease = lease;
	}

	@Override
	void prepare(Connection connection, Duration timeout) throws SQLException {
		if (isSqlite(connection)) {
			try (Statement statement = connection.createStatement()) {
				statement.execute("PRAGMA busy_timeout = " + Math.min(SQLITE_BUSY_WAIT_MS, timeout.toMillis()));
			}
		}
	}

	@Override
	boolean tryAcquire(Connection connection, String token) throws SQLException {
		// Reading is cheaper than a CREATE TABLE IF NOT EXISTS, and the table is there on
		// every start but the first
		if (!Jdbc.canQuery(connection, this.probe)) {
			ensureTable(connection);
		}
		long now = System.currentTimeMillis();
		boolean acquired = insertLease(connection, token, now) || takeOverExpired(connection, token, now);
		if (acquired) {
			this.heartbeats.put(token, new Heartbeat(connection, token));
		}
		return acquired;
	}

	@Override
	boolean isContention(Connection connection, SQLException ex) {
		int code = ex.getErrorCode();
		if (isSqlite(connection)) {
			return code == SQLITE_BUSY || code == SQLITE_LOCKED;
		}
		return code == H2_LOCK_TIMEOUT || code == H2_CONCURRENT_UPDATE || "40001".equals(ex.getSQLState());
	}

	private static boolean isSqlite(Connection connection) {
		try {
			return "SQLite".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName());
		}
		catch (SQLException ex) {
			return false;
		}
	}

	private void ensureTable(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute(this.createTable);
		}
		catch (SQLException ex) {
			// Another process may have created it at the same moment
			if (!Jdbc.canQuery(connection, this.probe)) {
				throw ex;
			}
		}
	}

	private boolean insertLease(Connection connection, String token, long now) throws SQLException {
		String sql = "INSERT INTO " + this.table + " (id, owner, acquired_at, expires_at) VALUES (1, ?, ?, ?)";
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setString(1, token);
			statement.setLong(2, now);
			statement.setLong(3, now + this.lease.toMillis());
			return statement.executeUpdate() == 1;
		}
		catch (SQLException ex) {
			if (isContention(connection, ex)) {
				throw ex;
			}
			// The row exists: someone holds, or held, the lease
			return false;
		}
	}

	private boolean takeOverExpired(Connection connection, String token, long now) throws SQLException {
		String sql = "UPDATE " + this.table
				+ " SET owner = ?, acquired_at = ?, expires_at = ? WHERE id = 1 AND expires_at < ?";
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setString(1, token);
			statement.setLong(2, now);
			statement.setLong(3, now + this.lease.toMillis());
			statement.setLong(4, now);
			boolean taken = statement.executeUpdate() == 1;
			if (taken) {
				logger.warn("Took over an expired migration lock lease in {}; its holder stopped renewing it",
						this.table);
			}
			return taken;
		}
	}

	@Override
	LockHolder self(Connection connection, String token) {
		return findHolder(connection).filter((holder) -> holder.owner().equals(token))
			.orElseGet(() -> new LockHolder(token, null));
	}

	/**
	 * Prove the lease before {@code writer} writes. A lease renewed less than a third of
	 * its length ago, by the heartbeat or by a writer, is proof enough: nobody can take a
	 * lease over before it expires, and the margin covers the clocks of two hosts that
	 * disagree by up to two thirds of the lease; measured on this process's monotonic
	 * clock, a pause of this process counts against it. An older one is renewed on the
	 * writer, in its transaction when it has one, so that on SQLite, whose whole database
	 * a writing transaction locks, the lease is live when the migration commits; a
	 * renewal that changes no row is loss. Renewing before every write instead cost H2 a
	 * quarter of the time of applying 1000 small migrations.
	 */
	@Override
	boolean isHeld(Held held, Connection writer) throws SQLException {
		Heartbeat heartbeat = this.heartbeats.get(held.token);
		if (heartbeat == null || heartbeat.lost) {
			return false;
		}
		if (heartbeat.isFresh()) {
			return true;
		}
		boolean renewed = renew(held.prepare(writer, this.renew), held.token);
		heartbeat.renewed(renewed);
		return renewed;
	}

	private boolean renew(PreparedStatement statement, String token) throws SQLException {
		statement.setLong(1, System.currentTimeMillis() + this.lease.toMillis());
		statement.setString(2, token);
		return statement.executeUpdate() == 1;
	}

	@Override
	void unlock(Connection connection, String token) throws SQLException {
		Heartbeat heartbeat = this.heartbeats.remove(token);
		if (heartbeat != null) {
			heartbeat.stop();
		}
		try (PreparedStatement statement = connection
			.prepareStatement("DELETE FROM " + this.table + " WHERE id = 1 AND owner = ?")) {
			statement.setString(1, token);
			statement.executeUpdate();
		}
	}

	@Override
	Optional<LockHolder> findHolder(Connection connection) {
		try (Statement statement = connection.createStatement();
				ResultSet result = statement
					.executeQuery("SELECT owner, acquired_at, expires_at FROM " + this.table + " WHERE id = 1")) {
			if (result.next()) {
				return Optional.of(new LockHolder(result.getString(1), Instant.ofEpochMilli(result.getLong(2)),
						Instant.ofEpochMilli(result.getLong(3))));
			}
		}
		catch (SQLException ex) {
			// The lock table may not exist yet, or another connection is writing it
		}
		return Optional.empty();
	}

	@Override
	void end(Connection connection, LockHolder holder) throws SQLException {
		try (PreparedStatement statement = connection
			.prepareStatement("DELETE FROM " + this.table + " WHERE id = 1 AND owner = ?")) {
			statement.setString(1, holder.owner());
			statement.executeUpdate();
		}
	}

	@Override
	String requirements() {
		return " (the lease needs a database user that may create " + this.table
				+ ", unless it was created beforehand, and that may write it)";
	}

	@Override
	String describe() {
		return "lease in " + this.table;
	}

	/**
	 * Renews one acquisition's lease on the lock's connection. A renewal that fails is
	 * tried again at the next beat: while a migration holds a database-wide write lock
	 * (SQLite) the lease cannot be renewed here, but neither can it be taken over, and
	 * the migration's connection renews it before its transaction commits. A renewal that
	 * finds the lease in another's hands is loss, and the next proof fails.
	 */
	private final class Heartbeat {

		private final ScheduledExecutorService executor;

		private final long freshNanos = TableLeaseLock.this.lease.toNanos() / 3;

		private volatile boolean lost;

		private volatile boolean failing;

		/** When the lease was last taken or renewed, on the monotonic clock. */
		private volatile long confirmedAt = System.nanoTime();

		Heartbeat(Connection connection, String token) {
			this.executor = Executors.newSingleThreadScheduledExecutor((runnable) -> {
				Thread thread = new Thread(runnable, "migrations-lock-heartbeat");
				thread.setDaemon(true);
				return thread;
			});
			long period = Math.max(1, TableLeaseLock.this.lease.toMillis() / 3);
			this.executor.scheduleWithFixedDelay(() -> beat(connection, token), period, period, TimeUnit.MILLISECONDS);
		}

		private void beat(Connection connection, String token) {
			try {
				boolean renewed;
				synchronized (connection) {
					try (PreparedStatement statement = connection.prepareStatement(TableLeaseLock.this.renew)) {
						renewed = renew(statement, token);
					}
				}
				renewed(renewed);
				if (!renewed) {
					logger.error("The migration lock lease in {} was taken over by another process; this run stops "
							+ "before its next write", TableLeaseLock.this.table);
					this.executor.shutdown();
				}
				else if (this.failing) {
					this.failing = false;
					logger.info("Renewed the migration lock lease in {} again", TableLeaseLock.this.table);
				}
			}
			catch (SQLException ex) {
				if (!this.failing) {
					this.failing = true;
					logger.debug(
							"Could not renew the migration lock lease in {} on the lock's connection; the "
									+ "connection that applies migrations renews it before it writes: {}",
							TableLeaseLock.this.table, ex.getMessage());
				}
			}
		}

		boolean isFresh() {
			return System.nanoTime() - this.confirmedAt < this.freshNanos;
		}

		void renewed(boolean renewed) {
			if (renewed) {
				this.confirmedAt = System.nanoTime();
			}
			else {
				this.lost = true;
			}
		}

		void stop() {
			this.executor.shutdownNow();
			try {
				this.executor.awaitTermination(5, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

	}

}
