package dev.migrations.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import dev.migrations.LedgerTable;
import dev.migrations.MigrationException;
import dev.migrations.Remedy;
import dev.migrations.dialect.Dialect;
import dev.migrations.dialect.Dialects;
import dev.migrations.lock.WriteCondition;
import org.jspecify.annotations.Nullable;

/**
 * The ledger as a table in the migrated database, with the columns {@code id},
 * {@code checksum}, {@code batch}, {@code state}, {@code applied_at} (UTC),
 * {@code execution_ms}, {@code applied_by} and {@code error}. The table name is validated
 * and quoted. Thread-safe.
 */
public final class SqlMigrationLedger implements MigrationLedger {

	static final int ERROR_LENGTH = 2000;

	private static final String LEGACY_COLUMNS = "id, checksum, batch, state, applied_at, execution_ms, applied_by, error";

	private static final String LOCK_OWNER = "lock_owner";

	private static final String COLUMNS = LEGACY_COLUMNS + ", " + LOCK_OWNER;

	private final Dialect dialect;

	private final LedgerTable table;

	/**
	 * The statements, for the table resolved on the first connection: named with its
	 * schema, so that nothing a migration sets (a search path, a default database)
	 * redirects them.
	 */
	private volatile @Nullable Sql sql;

	/**
	 * The statements prepared on the connection that wrote last. A run writes a row or
	 * two per migration, all on one connection; preparing the same statement again for
	 * every row was about a tenth of applying 1000 small migrations on H2. They are not
	 * closed here: closing a connection closes its statements, and a run's connection is
	 * closed when the run ends. Until another connection writes, the holder keeps a
	 * reference to the closed connection, which holds no database resource.
	 */
	private volatile @Nullable PreparedStatements prepared;

	/**
	 * Create a ledger, detecting the dialect from the data source.
	 * @param dataSource the data source
	 * @param tableName the table, {@code name} or {@code schema.name}
	 * @throws dev.migrations.MigrationDefinitionException if the name is not a plain
	 * identifier
	 */
	public SqlMigrationLedger(DataSource dataSource, String tableName) {
		this(Dialects.detect(dataSource), LedgerTable.parse(tableName));
	}

	/**
	 * Create a ledger for a known dialect.
	 * @param dialect the dialect
	 * @param table the table
	 */
	public SqlMigrationLedger(Dialect dialect, LedgerTable table) {
		this.dialect = dialect;
		this.table = table;
		if (table.schema() != null) {
			this.sql = new Sql(dialect, table);
		}
	}

	@Override
	public void ensureInitialized(Connection connection) {
		try {
			// One query on every run but the first: the table has the newest layout
			if (hasLockOwner(connection)) {
				return;
			}
			if (this.dialect.tableExists(connection, sql(connection).table)) {
				addLockOwnerColumn(connection);
				return;
			}
			try (Statement statement = connection.createStatement()) {
				statement.execute(this.dialect.createLedgerTable(sql(connection).table));
			}
			catch (SQLException ex) {
				// Two processes may create the table at the same moment; losing that race
				// is fine
				if (!this.dialect.tableExists(connection, sql(connection).table)) {
					throw ex;
				}
			}
		}
		catch (SQLException ex) {
			throw failure("create", ex);
		}
	}

	/**
	 * Bring a ledger created before the {@code lock_owner} column existed up to date.
	 * Runs under the migration lock, like every write.
	 */
	private void addLockOwnerColumn(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute(this.dialect.addLockOwnerColumn(sql(connection).table));
		}
		catch (SQLException ex) {
			if (!hasLockOwner(connection)) {
				throw ex;
			}
		}
	}

	private boolean hasLockOwner(Connection connection) throws SQLException {
		return this.dialect.hasColumn(connection, sql(connection).table, LOCK_OWNER);
	}

	@Override
	public boolean exists(Connection connection) {
		try {
			return this.dialect.tableExists(connection, sql(connection).table);
		}
		catch (SQLException ex) {
			throw failure("inspect", ex);
		}
	}

	@Override
	public List<LedgerEntry> readApplied(Connection connection) {
		try {
			return read(connection, sql(connection).select, true);
		}
		catch (SQLException ex) {
			// A ledger written by an earlier version, read without taking the lock that
			// adding the column needs
			if (isLegacy(connection)) {
				return readLegacy(connection, ex);
			}
			throw failure("read", ex);
		}
	}

	/**
	 * Read the rows when the table has the newest layout: the query that tells so is the
	 * one {@link #ensureInitialized(Connection)} starts with.
	 */
	@Override
	public Optional<List<LedgerEntry>> readIfInitialized(Connection connection) {
		try {
			return hasLockOwner(connection) ? Optional.of(read(connection, sql(connection).select, true))
					: Optional.empty();
		}
		catch (SQLException ex) {
			throw failure("read", ex);
		}
	}

	private boolean isLegacy(Connection connection) {
		try {
			return exists(connection) && !hasLockOwner(connection);
		}
		catch (SQLException | MigrationException ex) {
			return false;
		}
	}

	private List<LedgerEntry> readLegacy(Connection connection, SQLException first) {
		try {
			return read(connection, sql(connection).legacySelect, false);
		}
		catch (SQLException ex) {
			ex.addSuppressed(first);
			throw failure("read", ex);
		}
	}

	private List<LedgerEntry> read(Connection connection, String query, boolean withLockOwner) throws SQLException {
		List<LedgerEntry> entries = new ArrayList<>();
		try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(query)) {
			while (rows.next()) {
				Instant appliedAt = this.dialect.readUtcTimestamp(rows, 5);
				entries.add(new LedgerEntry(rows.getString(1), rows.getString(2), rows.getInt(3),
						LedgerState.valueOf(rows.getString(4)), appliedAt, rows.getLong(6), rows.getString(7),
						rows.getString(8), withLockOwner ? rows.getString(9) : null));
			}
		}
		return entries;
	}

	@Override
	public void logApplied(Connection connection, LedgerEntry entry) {
		write(connection, sql(connection).insert, "record " + entry.id() + " in",
				(statement) -> setRow(statement, entry));
	}

	/**
	 * Insert the rows as one JDBC batch: one round trip where the driver sends a batch at
	 * once, rather than one per row.
	 */
	@Override
	public void logAppliedAll(Connection connection, List<LedgerEntry> entries) {
		if (entries.isEmpty()) {
			return;
		}
		String action = "record " + entries.size() + " rows in";
		try {
			PreparedStatement statement = prepare(connection, sql(connection).insert);
			for (LedgerEntry entry : entries) {
				setRow(statement, entry);
				statement.addBatch();
			}
			for (int rows : statement.executeBatch()) {
				if (rows != 1 && rows != Statement.SUCCESS_NO_INFO) {
					throw unexpected(action, rows);
				}
			}
		}
		catch (SQLException ex) {
			throw failure(action, ex);
		}
	}

	/**
	 * Insert a row with {@code INSERT ... SELECT ... WHERE condition}: the check and the
	 * write are one statement.
	 */
	@Override
	public boolean logAppliedIf(Connection connection, LedgerEntry entry, WriteCondition condition) {
		String sql = sql(connection).insertSelect + condition.sql();
		int rows = execute(connection, sql, "record " + entry.id() + " in", (statement) -> {
			setRow(statement, entry);
			condition.bind(statement, 10);
		});
		if (rows > 1) {
			throw unexpected("record " + entry.id() + " in", rows);
		}
		return rows == 1;
	}

	private void setRow(PreparedStatement statement, LedgerEntry entry) throws SQLException {
		statement.setString(1, entry.id());
		setNullableString(statement, 2, entry.checksum());
		statement.setInt(3, entry.batch());
		statement.setString(4, entry.state().name());
		this.dialect.writeUtcTimestamp(statement, 5, entry.appliedAt());
		statement.setLong(6, entry.executionMs());
		setNullableString(statement, 7, truncate(entry.appliedBy(), 255));
		setNullableString(statement, 8, truncate(entry.error(), ERROR_LENGTH));
		setNullableString(statement, 9, truncate(entry.lockOwner(), 255));
	}

	@Override
	public void markRunning(Connection connection, String id, @Nullable String lockOwner) {
		updateState(connection, id, LedgerState.RUNNING, null, lockOwner);
	}

	@Override
	public void markApplied(Connection connection, String id, long executionMs) {
		write(connection, sql(connection).updateApplied, "mark " + id + " APPLIED in", (statement) -> {
			statement.setLong(1, executionMs);
			statement.setString(2, id);
		});
	}

	@Override
	public void markFailed(Connection connection, String id, String error) {
		updateState(connection, id, LedgerState.FAILED, error, null);
	}

	private void updateState(Connection connection, String id, LedgerState state, @Nullable String error,
			@Nullable String lockOwner) {
		write(connection, sql(connection).updateState, "mark " + id + " " + state + " in", (statement) -> {
			statement.setString(1, state.name());
			setNullableString(statement, 2, truncate(error, ERROR_LENGTH));
			setNullableString(statement, 3, truncate(lockOwner, 255));
			statement.setString(4, id);
		});
	}

	@Override
	public void updateChecksum(Connection connection, String id, String checksum) {
		write(connection, sql(connection).updateChecksum, "update the checksum of " + id + " in", (statement) -> {
			statement.setString(1, checksum);
			statement.setString(2, id);
		});
	}

	@Override
	public void remove(Connection connection, String id) {
		write(connection, sql(connection).delete, "remove " + id + " from", (statement) -> statement.setString(1, id));
	}

	/**
	 * Execute one of the ledger's writes with the statement prepared for it on this
	 * connection. Every write is of exactly one row, by id: a write that changes none
	 * means that someone else changed the ledger under this run, and is never ignored.
	 * @param connection the connection
	 * @param sql the statement
	 * @param action what it does, for the error message ("remove x from")
	 * @param parameters sets the statement's parameters
	 */
	private void write(Connection connection, String sql, String action, Parameters parameters) {
		int rows = execute(connection, sql, action, parameters);
		if (rows != 1) {
			throw unexpected(action, rows);
		}
	}

	private int execute(Connection connection, String sql, String action, Parameters parameters) {
		try {
			PreparedStatement statement = prepare(connection, sql);
			parameters.set(statement);
			return statement.executeUpdate();
		}
		catch (SQLException ex) {
			throw failure(action, ex);
		}
	}

	private MigrationException unexpected(String action, int rows) {
		return new MigrationException(
				"Could not " + action + " the migration ledger " + this.table + ": " + rows
						+ " rows changed where one was expected. Another process changed the ledger while "
						+ "this run held the migration lock, for example a repair that did not wait for it.",
				Remedy.of(Remedy.Kind.CORRECT_LEDGER));
	}

	/**
	 * Return the statements, resolving the table's schema on the first connection when it
	 * was configured without one: where the unqualified name is found now, at the start
	 * of a run, before any migration could change the session.
	 */
	private Sql sql(Connection connection) {
		Sql sql = this.sql;
		if (sql == null) {
			LedgerTable resolved = this.table;
			try {
				String schema = this.dialect.schemaOf(connection, this.table.name());
				if (schema != null && LedgerTable.isPlainIdentifier(schema)
						&& this.dialect.fold(schema).equals(schema)) {
					resolved = new LedgerTable(schema, this.table.name());
				}
			}
			catch (SQLException ex) {
				throw failure("find the schema of", ex);
			}
			sql = new Sql(this.dialect, resolved);
			this.sql = sql;
		}
		return sql;
	}

	@Override
	public String describe() {
		return this.table.toString();
	}

	private PreparedStatement prepare(Connection connection, String sql) throws SQLException {
		PreparedStatements statements = this.prepared;
		if (statements == null || statements.connection != connection) {
			statements = new PreparedStatements(connection);
			this.prepared = statements;
		}
		return statements.get(sql);
	}

	private MigrationException failure(String action, SQLException ex) {
		return new MigrationException("Could not " + action + " the migration ledger " + this.table + ": "
				+ ex.getMessage() + " (SQLState " + ex.getSQLState() + ")", ex);
	}

	private static void setNullableString(PreparedStatement statement, int index, @Nullable String value)
			throws SQLException {
		if (value != null) {
			statement.setString(index, value);
		}
		else {
			statement.setNull(index, Types.VARCHAR);
		}
	}

	private static @Nullable String truncate(@Nullable String value, int length) {
		return (value != null && value.length() > length) ? value.substring(0, length - 3) + "..." : value;
	}

	/**
	 * Sets the parameters of one ledger write.
	 */
	@FunctionalInterface
	private interface Parameters {

		void set(PreparedStatement statement) throws SQLException;

	}

	/**
	 * The ledger's statements for one table.
	 */
	private static final class Sql {

		final LedgerTable table;

		final String insert;

		final String insertSelect;

		final String select;

		/** Reads a ledger created before the {@code lock_owner} column existed. */
		final String legacySelect;

		final String updateState;

		final String updateApplied;

		final String updateChecksum;

		final String delete;

		Sql(Dialect dialect, LedgerTable table) {
			this.table = table;
			String name = dialect.qualify(table);
			String columns = quoteAll(dialect, COLUMNS);
			String id = dialect.quote("id");
			this.insert = "INSERT INTO " + name + " (" + columns + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
			this.insertSelect = "INSERT INTO " + name + " (" + columns + ") SELECT ?, ?, ?, ?, ?, ?, ?, ?, ? WHERE ";
			this.select = "SELECT " + columns + " FROM " + name + " ORDER BY " + id;
			this.legacySelect = "SELECT " + quoteAll(dialect, LEGACY_COLUMNS) + " FROM " + name + " ORDER BY " + id;
			this.updateState = "UPDATE " + name + " SET " + dialect.quote("state") + " = ?, " + dialect.quote("error")
					+ " = ?, " + dialect.quote(LOCK_OWNER) + " = COALESCE(?, " + dialect.quote(LOCK_OWNER) + ") WHERE "
					+ id + " = ?";
			this.updateApplied = "UPDATE " + name + " SET " + dialect.quote("state") + " = '" + LedgerState.APPLIED
					+ "', " + dialect.quote("execution_ms") + " = ?, " + dialect.quote("error") + " = NULL WHERE " + id
					+ " = ?";
			this.updateChecksum = "UPDATE " + name + " SET " + dialect.quote("checksum") + " = ? WHERE " + id + " = ?";
			this.delete = "DELETE FROM " + name + " WHERE " + id + " = ?";
		}

		private static String quoteAll(Dialect dialect, String columns) {
			List<String> quoted = new ArrayList<>();
			for (String column : columns.split(", ")) {
				quoted.add(dialect.quote(column));
			}
			return String.join(", ", quoted);
		}

	}

	/**
	 * Statements prepared on one connection, by their SQL. Used by one thread at a time,
	 * as its connection is.
	 */
	private static final class PreparedStatements {

		private final Connection connection;

		private final Map<String, PreparedStatement> bySql = new HashMap<>();

		PreparedStatements(Connection connection) {
			this.connection = connection;
		}

		PreparedStatement get(String sql) throws SQLException {
			PreparedStatement statement = this.bySql.get(sql);
			if (statement == null || statement.isClosed()) {
				statement = this.connection.prepareStatement(sql);
				this.bySql.put(sql, statement);
			}
			return statement;
		}

	}

}
