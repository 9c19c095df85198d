package dev.migrations.lock;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

import javax.sql.DataSource;

/**
 * A MySQL or MariaDB named lock taken with {@code GET_LOCK} and released with
 * {@code RELEASE_LOCK}. It is bound to the session, so it dies with the process.
 * Thread-safe.
 */
public final class MySqlNamedLock extends AbstractConnectionLock {

	private final String name;

	/**
	 * Create a lock.
	 * @param dataSource where to open the dedicated connection
	 * @param name the lock name, at most 64 characters
	 */
	public MySqlNamedLock(DataSource dataSource, String name) {
		super(dataSource);
		this.name = name;
	}

	@Override
	boolean tryAcquire(Connection connection) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("SELECT GET_LOCK(?, 0)")) {
			statement.setString(1, this.name);
			try (ResultSet result = statement.executeQuery()) {
				return result.next() && result.getInt(1) == 1;
			}
		}
	}

	@Override
	void unlock(Connection connection) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("SELECT RELEASE_LOCK(?)")) {
			statement.setString(1, this.name);
			statement.execute();
		}
	}

	@Override
	Optional<LockHolder> findHolder(Connection connection) {
		String sql = "SELECT p.ID, p.USER, p.HOST, p.TIME FROM information_schema.PROCESSLIST p WHERE p.ID = IS_USED_LOCK(?)";
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setString(1, this.name);
			try (ResultSet result = statement.executeQuery()) {
				if (result.next()) {
					// An idle holder's TIME counts the seconds since its last command,
					// GET_LOCK
					return Optional.of(
							new LockHolder(
									"connection " + result.getLong(1) + " (user " + result.getString(2) + " from "
											+ result.getString(3) + ")",
									Instant.now().minusSeconds(result.getLong(4))));
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
		return "named lock '" + this.name + "'";
	}

}
