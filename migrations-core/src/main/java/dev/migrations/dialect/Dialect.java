package dev.migrations.dialect;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import javax.sql.DataSource;

import dev.migrations.LedgerTable;
import dev.migrations.catalog.Catalog;
import dev.migrations.internal.Jdbc;
import dev.migrations.lock.MigrationLock;
import dev.migrations.lock.TableLeaseLock;
import dev.migrations.schema.CopyOperation;
import dev.migrations.schema.JdbcOperation;
import dev.migrations.schema.SchemaOperation;
import dev.migrations.schema.SqlOperation;
import dev.migrations.sql.SqlStatementSplitter;
import org.jspecify.annotations.Nullable;

/**
 * What the engine needs to know about one kind of database: how to quote identifiers,
 * whether DDL is transactional, how to create the ledger, which lock to take and how to
 * render each schema operation. Implementations are stateless and thread-safe.
 */
public interface Dialect {

	/**
	 * How long a lock lease lasts without a heartbeat, for databases without a session
	 * lock.
	 */
	Duration LEASE = Duration.ofSeconds(30);

	/**
	 * The schemas, lower-cased, that belong to the database itself and are never listed
	 * by {@link #schemas(Connection, String)}.
	 */
	Set<String> SYSTEM_SCHEMAS = Set.of("information_schema", "pg_catalog", "pg_toast", "mysql", "performance_schema",
			"sys");

	/**
	 * Return the dialect's name, such as {@code postgresql}.
	 * @return the name
	 */
	String name();

	/**
	 * Whether a rollback undoes DDL, so a migration and its ledger row can commit
	 * together.
	 * @return whether DDL is transactional
	 */
	boolean transactionalDdl();

	/**
	 * Quote an identifier that has already been validated.
	 * @param identifier the identifier
	 * @return the quoted identifier
	 */
	default String quote(String identifier) {
		return "\"" + fold(identifier) + "\"";
	}

	/**
	 * Return an identifier in the case the database gives unquoted identifiers, so that a
	 * quoted name and the same name written unquoted in raw SQL mean one table.
	 * @param identifier the identifier
	 * @return the identifier as the database stores it
	 */
	default String fold(String identifier) {
		return identifier;
	}

	/**
	 * Return the quoted, qualified name of a table.
	 * @param table the table
	 * @return the quoted name
	 */
	default String qualify(LedgerTable table) {
		return (table.schema() != null) ? quote(table.schema()) + "." + quote(table.name()) : quote(table.name());
	}

	/**
	 * Return the schema (on MySQL and MariaDB, the database) where a table named without
	 * one is found on a connection now, so that statements can name it with its schema
	 * and nothing a migration sets later (a search path, a default database) redirects
	 * them. By default the connection's current schema.
	 * @param connection the connection
	 * @param table the table's name, unquoted
	 * @return the schema, or {@code null} where the database does not say
	 * @throws SQLException on a database error
	 */
	default @Nullable String schemaOf(Connection connection, String table) throws SQLException {
		try {
			return connection.getSchema();
		}
		catch (SQLFeatureNotSupportedException | AbstractMethodError ex) {
			return null;
		}
	}

	/**
	 * Capture what a migration can change in a connection's session, at the start of a
	 * run. By default the current catalog and schema.
	 * @param connection the connection that applies migrations
	 * @return the state
	 * @throws SQLException on a database error
	 */
	default SessionState sessionState(Connection connection) throws SQLException {
		return new JdbcSessionState(connection);
	}

	/**
	 * Return the splitter for SQL scripts written for this database.
	 * @return the splitter
	 */
	default SqlStatementSplitter splitter() {
		return SqlStatementSplitter.standard();
	}

	/**
	 * Write one statement as this database's own command-line client (psql, sqlite3, the
	 * H2 shell) reads it from a script, so that the text of a dry run can be replayed
	 * there: followed by a semicolon, on a line of its own when the statement's last line
	 * may end in a line comment, which would swallow it.
	 * @param sql the statement, as executed
	 * @return the statement with its terminator
	 */
	default String scriptStatement(String sql) {
		int lastLine = sql.lastIndexOf('\n') + 1;
		boolean comment = sql.indexOf("--", lastLine) >= 0 || sql.indexOf('#', lastLine) >= 0;
		return sql + (comment ? "\n;" : ";");
	}

	/**
	 * Read and clear the warnings and notices the database reported for the statement
	 * that just ran. By default {@link Statement#getWarnings()}: PostgreSQL's driver
	 * keeps the notices the server sent with the statement's response, so this costs no
	 * round trip.
	 * @param statement the statement that just ran
	 * @return the warnings, in the order reported, empty when there are none
	 * @throws SQLException on a database error
	 */
	default List<ServerWarning> takeWarnings(Statement statement) throws SQLException {
		SQLWarning warning = statement.getWarnings();
		if (warning == null) {
			return List.of();
		}
		List<ServerWarning> warnings = new ArrayList<>();
		for (; warning != null; warning = warning.getNextWarning()) {
			warnings.add(ServerWarning.of(warning));
		}
		statement.clearWarnings();
		return warnings;
	}

	/**
	 * Return the type of a UTC timestamp column.
	 * @return the column type
	 */
	default String timestampType() {
		return "TIMESTAMP";
	}

	/**
	 * Read a timestamp column that holds UTC wall-clock time, as the ledger's
	 * {@code applied_at} does. By default the driver converts it to a
	 * {@link LocalDateTime}, which needs no {@link java.util.Calendar}: creating the
	 * first one costs a starting application more than reading a thousand ledger rows.
	 * @param rows the rows, on the current row
	 * @param column the column index
	 * @return the instant
	 * @throws SQLException on a database error
	 */
	default Instant readUtcTimestamp(ResultSet rows, int column) throws SQLException {
		return rows.getObject(column, LocalDateTime.class).toInstant(ZoneOffset.UTC);
	}

	/**
	 * Set a parameter for a timestamp column that holds UTC wall-clock time, as the
	 * ledger's {@code applied_at} does; the counterpart of
	 * {@link #readUtcTimestamp(ResultSet, int)}.
	 * @param statement the statement
	 * @param index the parameter index
	 * @param instant the instant
	 * @throws SQLException on a database error
	 */
	default void writeUtcTimestamp(PreparedStatement statement, int index, Instant instant) throws SQLException {
		statement.setObject(index, LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
	}

	/**
	 * Return the statement that creates the ledger table if it does not exist.
	 * @param table the ledger table
	 * @return the statement
	 */
	default String createLedgerTable(LedgerTable table) {
		return "CREATE TABLE IF NOT EXISTS " + qualify(table) + " (" + quote("id")
				+ " VARCHAR(255) NOT NULL PRIMARY KEY, " + quote("checksum") + " VARCHAR(80), " + quote("batch")
				+ " INT NOT NULL, " + quote("state") + " VARCHAR(16) NOT NULL, " + quote("applied_at") + " "
				+ timestampType() + " NOT NULL, " + quote("execution_ms") + " BIGINT NOT NULL, " + quote("applied_by")
				+ " VARCHAR(255), " + quote("error") + " VARCHAR(2000), " + quote("lock_owner") + " VARCHAR(255))";
	}

	/**
	 * Return the statement that adds the {@code lock_owner} column to a ledger table
	 * created before the column existed.
	 * @param table the ledger table
	 * @return the statement
	 */
	default String addLockOwnerColumn(LedgerTable table) {
		return "ALTER TABLE " + qualify(table) + " ADD " + quote("lock_owner") + " VARCHAR(255)";
	}

	/**
	 * Return the statement that creates the lock lease table if it does not exist.
	 * @param table the lock table
	 * @return the statement
	 */
	default String createLockTable(LedgerTable table) {
		return "CREATE TABLE IF NOT EXISTS " + qualify(table)
				+ " (id INT NOT NULL PRIMARY KEY, owner VARCHAR(255) NOT NULL, acquired_at BIGINT NOT NULL, "
				+ "expires_at BIGINT NOT NULL)";
	}

	/**
	 * Whether a table exists, using the connection's current schema when the table has
	 * none. By default a query that reads no row answers: where the table exists, which
	 * is every run but the first, that is several times sooner than a metadata lookup,
	 * which answers only when the query fails.
	 * @param connection the connection, in auto-commit mode
	 * @param table the table
	 * @return whether it exists
	 * @throws SQLException on a database error
	 */
	default boolean tableExists(Connection connection, LedgerTable table) throws SQLException {
		return Jdbc.canQuery(connection, "SELECT 1 FROM " + qualify(table) + " WHERE 1 = 0")
				|| inMetaData(connection, table);
	}

	/**
	 * Whether the database's driver logs every statement the server rejects, as MariaDB
	 * Connector/J does (as a warning): a query that fails on a new database, such as a
	 * read of a ledger not created yet, is then not tried where the metadata can answer.
	 * @return whether rejected statements are logged; {@code false} by default
	 */
	default boolean logsRejectedStatements() {
		return false;
	}

	/**
	 * Whether a table has a column, as the ledger asks of a table an earlier version may
	 * have created. By default a query that reads no row answers. The column is named
	 * unquoted: SQLite reads a quoted name that is not a column as a string.
	 * @param connection the connection, in auto-commit mode
	 * @param table the table
	 * @param column the column, a plain lower-case identifier of the engine's own
	 * @return whether the table exists and has the column
	 * @throws SQLException on a database error
	 */
	default boolean hasColumn(Connection connection, LedgerTable table, String column) throws SQLException {
		return Jdbc.canQuery(connection, "SELECT " + column + " FROM " + qualify(table) + " WHERE 1 = 0");
	}

	private boolean inMetaData(Connection connection, LedgerTable table) throws SQLException {
		DatabaseMetaData metaData = connection.getMetaData();
		String schema = (table.schema() != null) ? fold(table.schema()) : connection.getSchema();
		String name = fold(table.name());
		try (ResultSet tables = metaData.getTables(connection.getCatalog(), schema, name, null)) {
			while (tables.next()) {
				if (name.equals(tables.getString("TABLE_NAME"))) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * Return the search path of a connection that has no current schema, because none of
	 * the schemas it names exists (PostgreSQL's {@code currentSchema} in the URL naming
	 * one not created yet, say), to explain why a ledger without a schema of its own
	 * could not be created. By default, and on a connection with a current schema,
	 * {@code null}.
	 * @param connection the connection
	 * @return the search path, or {@code null}
	 * @throws SQLException on a database error
	 */
	default @Nullable String unusableSearchPath(Connection connection) throws SQLException {
		return null;
	}

	/**
	 * Whether a schema exists, to explain why the ledger or the lock table in it could
	 * not be created. By default the schemas the driver lists answer; a driver that lists
	 * none cannot tell, and the answer is {@code true}.
	 * @param connection the connection
	 * @param schema the schema, as configured
	 * @return whether it exists, or {@code true} when that cannot be told
	 * @throws SQLException on a database error
	 */
	default boolean schemaExists(Connection connection, String schema) throws SQLException {
		String name = fold(schema);
		boolean listed = false;
		try (ResultSet schemas = connection.getMetaData().getSchemas()) {
			while (schemas.next()) {
				listed = true;
				if (name.equals(schemas.getString("TABLE_SCHEM"))) {
					return true;
				}
			}
		}
		return !listed;
	}

	/**
	 * Return the schemas (on MySQL and MariaDB, the databases) whose names match a SQL
	 * {@code LIKE} pattern, sorted, without the database's own ({@code pg_catalog},
	 * {@code information_schema}, {@code mysql}, ...). By default read from
	 * {@code information_schema.schemata}; the pattern is folded as an unquoted name is.
	 * @param connection the connection
	 * @param pattern the pattern, such as {@code tenant_%}, already validated
	 * @return the names, as the database stores them
	 * @throws SQLException on a database error
	 */
	default List<String> schemas(Connection connection, String pattern) throws SQLException {
		List<String> names = new ArrayList<>();
		try (PreparedStatement statement = connection.prepareStatement(
				"SELECT schema_name FROM information_schema.schemata WHERE schema_name LIKE ? ORDER BY schema_name")) {
			statement.setString(1, fold(pattern));
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					String name = rows.getString(1);
					if (!SYSTEM_SCHEMAS.contains(name.toLowerCase(Locale.ROOT))
							&& !name.toLowerCase(Locale.ROOT).startsWith("pg_")) {
						names.add(name);
					}
				}
			}
		}
		return names;
	}

	/**
	 * Make a schema (on MySQL and MariaDB, a database) the one that names without a
	 * schema resolve to on a connection: by default {@link Connection#setSchema}, which
	 * sets the search path on PostgreSQL.
	 * @param connection the connection
	 * @param schema the schema, a validated plain identifier
	 * @throws SQLException on a database error, such as a schema that does not exist
	 */
	default void useSchema(Connection connection, String schema) throws SQLException {
		connection.setSchema(fold(schema));
	}

	/**
	 * Read what a schema holds from the database's catalog, in a number of queries that
	 * does not grow with the number of tables. The tables named in {@code excluded} (the
	 * ledger and its lock table) are left out, and so is everything that belongs to them.
	 * @param connection the connection
	 * @param schema the schema (the database on MySQL and MariaDB), or {@code null} for
	 * the connection's current one
	 * @param excluded the names of the tables to leave out, as the database stores them
	 * @return the catalog
	 * @throws SQLException on a database error
	 * @throws UnsupportedOperationException where the dialect cannot read a catalog
	 */
	default Catalog readCatalog(Connection connection, @Nullable String schema, Set<String> excluded)
			throws SQLException {
		throw new UnsupportedOperationException("Reading the schema of a " + name() + " database is not supported");
	}

	/**
	 * Return the statements that drop everything a catalog read by
	 * {@link #readCatalog(Connection, String, Set)} holds, as {@code migrate:fresh} runs
	 * them: views, then tables (each before the tables it references), then sequences,
	 * types, routines, materialized views, foreign tables and events; triggers go with
	 * their tables. Each statement says {@code IF EXISTS}, since one drop may take others
	 * with it; names are quoted as the catalog stores them. By default without
	 * {@code CASCADE}, routines by name alone.
	 * @param catalog the catalog
	 * @param schema the schema it was read from, as configured, or {@code null} for the
	 * connection's current one
	 * @return the statements, in order
	 */
	default List<String> dropStatements(Catalog catalog, @Nullable String schema) {
		SchemaDrops drops = SchemaDrops.plain(this, schema);
		return drops.statements(catalog, (object) -> switch (object.kind()) {
			case SEQUENCE -> drops.drop("SEQUENCE", object.name(), "");
			case ENUM -> drops.drop("TYPE", object.name(), "");
			case DOMAIN -> drops.drop("DOMAIN", object.name(), "");
			case FUNCTION -> drops.drop("FUNCTION", SchemaDrops.routineName(object), "");
			case PROCEDURE -> drops.drop("PROCEDURE", SchemaDrops.routineName(object), "");
			case TYPE -> drops.drop("TYPE", object.name(), "");
			case MATERIALIZED_VIEW -> drops.drop("MATERIALIZED VIEW", object.name(), "");
			case FOREIGN_TABLE -> drops.drop("FOREIGN TABLE", object.name(), "");
			case EVENT -> drops.drop("EVENT", object.name(), "");
			case TRIGGER -> null;
		});
	}

	/**
	 * Return what other schemas hold that dropping the objects of a schema would take
	 * with it, such as a view in another schema over one of its tables, so that
	 * {@code migrate:fresh} can refuse rather than drop it. By default nothing, for
	 * databases whose drops do not cascade into other schemas.
	 * @param connection the connection
	 * @param schema the schema, as configured, or {@code null} for the connection's
	 * current one
	 * @return a description of each such object, naming it; empty when there is none
	 * @throws SQLException on a database error
	 */
	default List<String> dependentsInOtherSchemas(Connection connection, @Nullable String schema) throws SQLException {
		return List.of();
	}

	/**
	 * Run work with the connection's foreign key checks off, and restore them afterwards
	 * whatever happens, as {@code migrate:fresh} drops tables that reference each other
	 * in a cycle. By default the work runs as it is, for databases whose drops cascade.
	 * @param connection the connection, in auto-commit mode
	 * @param work the work
	 * @throws SQLException on a database error
	 */
	default void withoutForeignKeyChecks(Connection connection, Jdbc.TransactionWork work) throws SQLException {
		work.run();
	}

	/**
	 * Create the lock that serialises migration runs against one ledger.
	 * @param dataSource where to open the lock's dedicated connection
	 * @param table the ledger table the lock protects
	 * @return the lock
	 */
	default MigrationLock lock(DataSource dataSource, LedgerTable table) {
		LedgerTable lockTable = table.lockTable();
		return new TableLeaseLock(dataSource, qualify(lockTable), createLockTable(lockTable), LEASE);
	}

	/**
	 * Run a {@code COPY ... FROM stdin} with its rows, for a database that
	 * {@link #render(SchemaOperation) renders} {@link CopyOperation}. By default refused:
	 * only PostgreSQL has it.
	 * @param connection the migration's connection
	 * @param copy the statement and its rows
	 * @throws SQLException if the database refuses the statement or a row
	 */
	default void copyIn(Connection connection, CopyOperation copy) throws SQLException {
		throw new SQLFeatureNotSupportedException(name() + " has no COPY ... FROM stdin");
	}

	/**
	 * Render schema-builder operations as the SQL statements that execute them on this
	 * database, in order, as a dry run shows them: each operation
	 * {@link #render(SchemaOperation) rendered}, a statement as written. For the
	 * operations of a {@link dev.migrations.catalog.CatalogDiff}, which are all table
	 * operations and render as statements only.
	 * @param operations the operations
	 * @return the statements, without their delimiters
	 * @throws UnsupportedOperationException if this database cannot do an operation, or
	 * an operation renders as something other than a statement (JDBC work, a
	 * {@code COPY})
	 */
	default List<String> renderStatements(List<? extends SchemaOperation> operations) {
		List<String> statements = new ArrayList<>();
		for (SchemaOperation operation : operations) {
			for (SchemaOperation primitive : render(operation)) {
				if (!(primitive instanceof SqlOperation sql)) {
					throw new UnsupportedOperationException(operation.describe() + " is not only SQL statements on "
							+ name() + ": it renders as " + primitive.describe());
				}
				statements.add(sql.sql());
			}
		}
		return statements;
	}

	/**
	 * Render an operation as the primitive operations ({@link SqlOperation} and
	 * {@link JdbcOperation}, and on PostgreSQL {@link CopyOperation}) that execute it on
	 * this database.
	 * @param operation the operation
	 * @return the primitive operations
	 * @throws UnsupportedOperationException if this database cannot do the operation
	 */
	default List<SchemaOperation> render(SchemaOperation operation) {
		if (operation instanceof SqlOperation || operation instanceof JdbcOperation) {
			return List.of(operation);
		}
		throw new UnsupportedOperationException("The " + name() + " dialect cannot render " + operation.describe()
				+ " (" + operation.canonical() + ")");
	}

}
