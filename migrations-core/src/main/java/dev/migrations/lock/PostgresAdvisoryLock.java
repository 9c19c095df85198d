package dev.migrations.lock;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.Objects;
import java.util.Optional;

import javax.sql.DataSource;

import dev.migrations.LedgerTable;
import org.jspecify.annotations.Nullable;

/**
 * A PostgreSQL session-level advisory lock, polled with {@code pg_try_advisory_lock}.
 * Being session-level, it never deadlocks with {@code CREATE INDEX CONCURRENTLY} run on
 * another connection, and it dies with the process. Its key derives from the database,
 * schema and name of the ledger, so that runs against two databases or schemas never wait
 * for each other. Thread-safe.
 */
final class PostgresAdvisoryLock extends SessionLock {

	private static final String HOLDER = "SELECT a.pid, a.usename, a.client_addr, a.backend_start FROM pg_locks l "
			+ "JOIN pg_stat_activity a ON a.pid = l.pid WHERE l.locktype = 'advisory' AND l.granted "
			+ "AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database()) "
			+ "AND l.classid = ? AND l.objid = ? AND l.objsubid = 1";

	private static final String HELD = "EXISTS (SELECT 1 FROM pg_catalog.pg_locks WHERE locktype = 'advisory' "
			+ "AND granted AND pid = ? AND classid = ? AND objid = ? AND objsubid = 1)";

	private final @Nullable LedgerTable table;

	private volatile @Nullable Long key;

	/**
	 * Create a lock with a fixed key.
	 * @param dataSource where to open the dedicated connection
	 * @param key the advisory lock key
	 */
	public PostgresAdvisoryLock(DataSource dataSource, long key) {
		super(dataSource);
		this.table = null;
		this.key = key;
	}

	/**
	 * Create the lock of a ledger, keyed by the ledger's database, schema and name.
	 * @param dataSource where to open the dedicated connection
	 * @param table the ledger table
	 */
	public PostgresAdvisoryLock(DataSource dataSource, LedgerTable table) {
		super(dataSource);
		this.table = table;
	}

	/**
	 * Return the key of a ledger's lock.
	 * @param database the database of the ledger
	 * @param schema the schema of the ledger
	 * @param table the ledger table
	 * @return the key
	 */
	public static long key(String database, String schema, String table) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(("migrations:" + database + "." + schema + "." + table).getBytes(StandardCharsets.UTF_8));
			return ByteBuffer.wrap(digest).getLong();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

	private long key(Connection connection) throws SQLException {
		Long known = this.key;
		if (known != null) {
			return known;
		}
		// A lock made without a key is made with its ledger table
		LedgerTable table = Objects.requireNonNull(this.table);
		try (Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT current_database(), current_schema()")) {
			result.next();
			String schema = (table.schema() != null) ? table.schema()
					: (result.getString(2) != null) ? result.getString(2) : "";
			long resolved = key(result.getString(1), schema, table.name());
			this.key = resolved;
			return resolved;
		}
	}

	@Override
	void prepare(Connection connection, java.time.Duration timeout) throws SQLException {
		key(connection);
	}

	@Override
	boolean tryAcquire(Connection connection, String token) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
			statement.setLong(1, key(connection));
			try (ResultSet result = statement.executeQuery()) {
				return result.next() && result.getBoolean(1);
			}
		}
	}

	@Override
	String sessionIdQuery() {
		return "SELECT pg_backend_pid()";
	}

	@Override
	String heldCondition() {
		return HELD;
	}

	@Override
	void bindHeld(PreparedStatement statement, int firstIndex, Connection connection, long sessionId)
			throws SQLException {
		long key = key(connection);
		statement.setInt(firstIndex, Math.toIntExact(sessionId));
		statement.setLong(firstIndex + 1, key >>> 32);
		statement.setLong(firstIndex + 2, key & 0xFFFFFFFFL);
	}

	@Override
	void unlock(Connection connection, String token) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
			statement.setLong(1, key(connection));
			statement.execute();
		}
	}

	@Override
	void terminate(Connection connection, long id) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("SELECT pg_terminate_backend(?)")) {
			statement.setInt(1, Math.toIntExact(id));
			try (ResultSet result = statement.executeQuery()) {
				if (!result.next() || !result.getBoolean(1)) {
					throw new SQLException("pg_terminate_backend(" + id + ") returned false");
				}
			}
		}
	}

	@Override
	Optional<Session> findSession(Connection connection) {
		try (PreparedStatement statement = connection.prepareStatement(HOLDER)) {
			long key = key(connection);
			statement.setLong(1, key >>> 32);
			statement.setLong(2, key & 0xFFFFFFFFL);
			try (ResultSet result = statement.executeQuery()) {
				if (result.next()) {
					int pid = result.getInt(1);
					return Optional.of(new Session(pid, new LockHolder(owner(pid, result), null)));
				}
			}
		}
		catch (SQLException ex) {
			// Not being allowed to see other sessions is fine
		}
		return Optional.empty();
	}

	/**
	 * Describe the session that holds the lock. PostgreSQL does not say when a lock was
	 * granted, so the holder has no {@code since}; the time its session connected, which
	 * on a pooled connection may be long before, is given as what it is, and keeps the
	 * holder apart from a later session with the same pid.
	 */
	private static String owner(int pid, ResultSet result) throws SQLException {
		Timestamp connected = result.getTimestamp(4);
		return "PostgreSQL backend " + pid + " (user " + result.getString(2) + ", client " + result.getString(3)
				+ ((connected != null) ? ", connected since " + connected.toInstant() : "") + ")";
	}

	@Override
	String describe() {
		Long known = this.key;
		return "PostgreSQL advisory lock " + ((known != null) ? known : "of " + this.table);
	}

}
