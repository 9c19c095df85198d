package dev.migrations.lock;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.Optional;

import javax.sql.DataSource;

import dev.migrations.LedgerTable;
import org.jspecify.annotations.Nullable;

/**
 * A MySQL or MariaDB named lock taken with {@code GET_LOCK} and released with
 * {@code RELEASE_LOCK}. It is bound to the session, so it dies with the process. Named
 * locks are server-wide, so a ledger's lock name includes the ledger's database: runs
 * against two databases of one server never wait for each other. Thread-safe.
 */
final class MySqlNamedLock extends SessionLock {

	private static final int MAX_NAME_LENGTH = 64;

	private final @Nullable LedgerTable table;

	private volatile @Nullable String name;

	/**
	 * Create a lock with a fixed name.
	 * @param dataSource where to open the dedicated connection
	 * @param name the lock name, at most 64 characters
	 */
	public MySqlNamedLock(DataSource dataSource, String name) {
		super(dataSource);
		this.table = null;
		this.name = name;
	}

	/**
	 * Create the lock of a ledger, named after the ledger's database and table.
	 * @param dataSource where to open the dedicated connection
	 * @param table the ledger table
	 */
	public MySqlNamedLock(DataSource dataSource, LedgerTable table) {
		super(dataSource);
		this.table = table;
	}

	/**
	 * Return the lock name of a ledger: {@code migrations:<database>.
	 *
	<table>
	 * }, or a hash of it where that is longer than MySQL allows.
	 * @param database the database of the ledger
	 * @param table the ledger table's name
	 * @return the name
	 */
	public static String name(String database, String table) {
		String name = "migrations:" + database + "." + table;
		return (name.length() <= MAX_NAME_LENGTH) ? name
				: "migrations:" + Long.toHexString(PostgresAdvisoryLock.key(database, "", table));
	}

	private String name(Connection connection) throws SQLException {
		String known = this.name;
		if (known != null) {
			return known;
		}
		// A lock made without a name is made with its ledger table
		LedgerTable table = Objects.requireNonNull(this.table);
		String database = table.schema();
		if (database == null) {
			try (Statement statement = connection.createStatement();
					ResultSet result = statement.executeQuery("SELECT DATABASE()")) {
				result.next();
				database = (result.getString(1) != null) ? result.getString(1) : "";
			}
		}
		String resolved = name(database, table.name());
		this.name = resolved;
		return resolved;
	}

	@Override
	void prepare(Connection connection, java.time.Duration timeout) throws SQLException {
		name(connection);
	}

	@Override
	boolean tryAcquire(Connection connection, String token) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("SELECT GET_LOCK(?, 0)")) {
			statement.setString(1, name(connection));
			try (ResultSet result = statement.executeQuery()) {
				return result.next() && result.getInt(1) == 1;
			}
		}
	}

	@Override
	String sessionIdQuery() {
		return "SELECT CONNECTION_ID()";
	}

	@Override
	String heldCondition() {
		return "IS_USED_LOCK(?) = ?";
	}

	@Override
	void bindHeld(PreparedStatement statement, int firstIndex, Connection connection, long sessionId)
			throws SQLException {
		statement.setString(firstIndex, name(connection));
		statement.setLong(firstIndex + 1, sessionId);
	}

	@Override
	void unlock(Connection connection, String token) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("SELECT RELEASE_LOCK(?)")) {
			statement.setString(1, name(connection));
			statement.execute();
		}
	}

	@Override
	void terminate(Connection connection, long id) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("KILL CONNECTION " + id);
		}
	}

	@Override
	Optional<Session> findSession(Connection connection) {
		String sql = "SELECT p.ID, p.USER, p.HOST FROM information_schema.PROCESSLIST p WHERE p.ID = IS_USED_LOCK(?)";
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setString(1, name(connection));
			try (ResultSet result = statement.executeQuery()) {
				if (result.next()) {
					// The server does not say since when a named lock is held
					long id = result.getLong(1);
					return Optional.of(new Session(id, new LockHolder(
							"connection " + id + " (user " + result.getString(2) + " from " + result.getString(3) + ")",
							null)));
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
		String known = this.name;
		return "named lock '" + ((known != null) ? known : "migrations:<database>." + this.table) + "'";
	}

}
