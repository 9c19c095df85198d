package dev.migrations.dialect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Calendar;
import java.util.List;
import java.util.Set;
import java.util.TimeZone;

import dev.migrations.catalog.Catalog;
import dev.migrations.sql.SqlStatementSplitter;
import org.jspecify.annotations.Nullable;

/**
 * SQLite: transactional DDL; scripts as {@code sqlite3} reads them (a trigger's body
 * stays in one statement); the lock is a lease row. SQLite has no schemas other than
 * attached databases.
 */
class SqliteDialect extends TableRenderingDialect {

	private static final String NO_SCHEMAS = "SQLite has no schemas to run a fleet over: each database is one "
			+ "file, so give the files as targets (MigrationTarget.url) instead of schemas";

	@Override
	public String name() {
		return "sqlite";
	}

	@Override
	public boolean transactionalDdl() {
		return true;
	}

	@Override
	public SqlStatementSplitter splitter() {
		return SqlStatementSplitter.sqlite();
	}

	/**
	 * None: nothing a migration runs changes where an unqualified name is found.
	 */
	@Override
	public @Nullable String schemaOf(Connection connection, String table) {
		return null;
	}

	/**
	 * Nothing to capture: SQLite has no default schema that a migration could change.
	 */
	@Override
	public SessionState sessionState(Connection connection) {
		return SessionState.UNCHANGED;
	}

	/**
	 * Read through a UTC calendar: the driver returns a {@code LocalDateTime} in the
	 * JVM's time zone, not in the one the value was written in.
	 */
	@Override
	public Instant readUtcTimestamp(ResultSet rows, int column) throws SQLException {
		return rows.getTimestamp(column, utc()).toInstant();
	}

	@Override
	public void writeUtcTimestamp(PreparedStatement statement, int index, Instant instant) throws SQLException {
		statement.setTimestamp(index, Timestamp.from(instant), utc());
	}

	@Override
	public List<String> schemas(Connection connection, String pattern) {
		throw new UnsupportedOperationException(NO_SCHEMAS);
	}

	@Override
	public void useSchema(Connection connection, String schema) {
		throw new UnsupportedOperationException(NO_SCHEMAS);
	}

	/**
	 * Look the schema up among the attached databases, SQLite's only schemas.
	 */
	@Override
	public boolean schemaExists(Connection connection, String schema) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet databases = statement.executeQuery("PRAGMA database_list")) {
			while (databases.next()) {
				if (schema.equalsIgnoreCase(databases.getString("name"))) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * Read the catalog from {@code sqlite_schema} and the table-valued pragmas; see
	 * {@link SqliteCatalogReader} for what it decides where SQLite leaves room. The
	 * schema is an attached database's name, {@code main} when {@code null}.
	 */
	@Override
	public Catalog readCatalog(Connection connection, @Nullable String schema, Set<String> excluded)
			throws SQLException {
		return new SqliteCatalogReader().read(connection, schema, excluded);
	}

	private static Calendar utc() {
		return Calendar.getInstance(TimeZone.getTimeZone("UTC"));
	}

	@Override
	TableRenderer tableRenderer() {
		return new SqliteTableRenderer(this);
	}

}
