package dev.migrations.lock;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import dev.migrations.internal.Jdbc;
import dev.migrations.internal.LocalHost;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A lease row in a lock table, for databases without a session lock (H2, SQLite and
 * unknown ones). The holder renews the lease with a heartbeat while it runs; a lease
 * whose holder died expires and is taken over, a live one never is. Thread-safe.
 */
public final class TableLeaseLock extends AbstractConnectionLock {

	private static final Logger logger = LoggerFactory.getLogger(TableLeaseLock.class);

	private final String table;

	private final String createTable;

	private final String probe;

	private final Duration lease;

	private final String owner;

	private volatile ScheduledExecutorService heartbeat;

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
		this.createTable = createTable;
		this.lease = lease;
		// A random number tells two locks of one process apart. Not a UUID: the first
		// UUID.randomUUID() of a JVM seeds a SecureRandom, about 12 ms of every start.
		this.owner = LocalHost.process() + "/" + Long.toHexString(ThreadLocalRandom.current().nextLong());
	}

	@Override
	void prepare(Connection connection) throws SQLException {
		// Reading is cheaper than a CREATE TABLE IF NOT EXISTS, and the table is there on
		// every start but the first
		if (!Jdbc.canQuery(connection, this.probe)) {
			ensureTable(connection);
		}
	}

	@Override
	boolean tryAcquire(Connection connection) throws SQLException {
		long now = System.currentTimeMillis();
		boolean acquired = insertLease(connection, now) || takeOverExpired(connection, now);
		if (acquired) {
			startHeartbeat(connection);
		}
		return acquired;
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

	private boolean insertLease(Connection connection, long now) {
		String sql = "INSERT INTO " + this.table + " (id, owner, acquired_at, expires_at) VALUES (1, ?, ?, ?)";
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setString(1, this.owner);
			statement.setLong(2, now);
			statement.setLong(3, now + this.lease.toMillis());
			return statement.executeUpdate() == 1;
		}
		catch (SQLException ex) {
			// The row exists: someone holds, or held, the lease
			return false;
		}
	}

	private boolean takeOverExpired(Connection connection, long now) throws SQLException {
		String sql = "UPDATE " + this.table
				+ " SET owner = ?, acquired_at = ?, expires_at = ? WHERE id = 1 AND expires_at < ?";
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setString(1, this.owner);
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

	private void startHeartbeat(Connection connection) {
		ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor((runnable) -> {
			Thread thread = new Thread(runnable, "migrations-lock-heartbeat");
			thread.setDaemon(true);
			return thread;
		});
		long period = Math.max(1, this.lease.toMillis() / 3);
		executor.scheduleAtFixedRate(() -> renew(connection), period, period, TimeUnit.MILLISECONDS);
		this.heartbeat = executor;
	}

	private void renew(Connection connection) {
		String sql = "UPDATE " + this.table + " SET expires_at = ? WHERE id = 1 AND owner = ?";
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setLong(1, System.currentTimeMillis() + this.lease.toMillis());
			statement.setString(2, this.owner);
			if (statement.executeUpdate() != 1) {
				logger.error("The migration lock lease in {} was lost; another process may be migrating", this.table);
			}
		}
		catch (SQLException ex) {
			logger.warn("Could not renew the migration lock lease in {}: {}", this.table, ex.getMessage());
		}
	}

	@Override
	void unlock(Connection connection) throws SQLException {
		ScheduledExecutorService executor = this.heartbeat;
		if (executor != null) {
			executor.shutdownNow();
			try {
				executor.awaitTermination(5, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			this.heartbeat = null;
		}
		try (PreparedStatement statement = connection
			.prepareStatement("DELETE FROM " + this.table + " WHERE id = 1 AND owner = ?")) {
			statement.setString(1, this.owner);
			statement.executeUpdate();
		}
	}

	@Override
	Optional<LockHolder> findHolder(Connection connection) {
		try (Statement statement = connection.createStatement();
				ResultSet result = statement
					.executeQuery("SELECT owner, acquired_at, expires_at FROM " + this.table + " WHERE id = 1")) {
			if (result.next()) {
				return Optional.of(new LockHolder(
						result.getString(1) + " (lease until " + Instant.ofEpochMilli(result.getLong(3)) + ")",
						Instant.ofEpochMilli(result.getLong(2))));
			}
		}
		catch (SQLException ex) {
			// The lock table may not exist yet: nobody holds the lock
		}
		return Optional.empty();
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

}
