package dev.migrations.lock;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

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
	String holder(Connection connection) {
		try (PreparedStatement statement = connection.prepareStatement("SELECT IS_USED_LOCK(?)")) {
			statement.setString(1, this.name);
			try (ResultSet result = statement.executeQuery()) {
				if (result.next() && result.getObject(1) != null) {
					return "connection id " + result.getLong(1);
				}
			}
		}
		catch (SQLException ex) {
			// The holder is a courtesy in the message; not being allowed to see it is
			// fine
		}
		return "another session";
	}

	@Override
	String describe() {
		return "named lock '" + this.name + "'";
	}

}
