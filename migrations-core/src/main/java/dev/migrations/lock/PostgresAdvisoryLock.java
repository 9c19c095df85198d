package dev.migrations.lock;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;

import javax.sql.DataSource;

/**
 * A PostgreSQL session-level advisory lock, polled with {@code pg_try_advisory_lock}.
 * Being session-level, it never deadlocks with {@code CREATE INDEX CONCURRENTLY} run on
 * another connection, and it dies with the process. Thread-safe.
 */
public final class PostgresAdvisoryLock extends AbstractConnectionLock {

	private final long key;

	/**
	 * Create a lock.
	 * @param dataSource where to open the dedicated connection
	 * @param key the advisory lock key
	 */
	public PostgresAdvisoryLock(DataSource dataSource, long key) {
		super(dataSource);
		this.key = key;
	}

	@Override
	boolean tryAcquire(Connection connection) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
			statement.setLong(1, this.key);
			try (ResultSet result = statement.executeQuery()) {
				return result.next() && result.getBoolean(1);
			}
		}
	}

	@Override
	void unlock(Connection connection) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
			statement.setLong(1, this.key);
			statement.execute();
		}
	}

	@Override
	Optional<LockHolder> findHolder(Connection connection) {
		String sql = "SELECT a.pid, a.usename, a.client_addr, a.backend_start FROM pg_locks l "
				+ "JOIN pg_stat_activity a ON a.pid = l.pid WHERE l.locktype = 'advisory' AND l.granted "
				+ "AND l.classid = ? AND l.objid = ? AND l.objsubid = 1";
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setLong(1, this.key >>> 32);
			statement.setLong(2, this.key & 0xFFFFFFFFL);
			try (ResultSet result = statement.executeQuery()) {
				if (result.next()) {
					Timestamp since = result.getTimestamp(4);
					return Optional.of(
							new LockHolder(
									"PostgreSQL backend " + result.getInt(1) + " (user " + result.getString(2)
											+ ", client " + result.getString(3) + ")",
									(since != null) ? since.toInstant() : null));
				}
			}
		}
		catch (SQLException ex) {
			// Not being allowed to see other sessions is fine
		}
		return Optional.empty();
	}

	@Override
	String describe() {
		return "PostgreSQL advisory lock " + this.key;
	}

}
