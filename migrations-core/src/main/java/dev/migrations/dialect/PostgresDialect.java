package dev.migrations.dialect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import javax.sql.DataSource;

import dev.migrations.LedgerTable;
import dev.migrations.catalog.Catalog;
import dev.migrations.lock.Locks;
import dev.migrations.lock.MigrationLock;
import dev.migrations.schema.CopyOperation;
import dev.migrations.schema.SchemaOperation;
import dev.migrations.sql.SqlStatementSplitter;
import org.jspecify.annotations.Nullable;

/**
 * PostgreSQL: transactional DDL, dollar quoting, scripts as {@code psql} reads them
 * ({@code COPY ... FROM stdin} with its rows too), and a session advisory lock.
 */
class PostgresDialect extends TableRenderingDialect {

	@Override
	public @Nullable String unusableSearchPath(Connection connection) throws SQLException {
		try (PreparedStatement statement = connection
			.prepareStatement("SELECT current_schema() IS NULL, current_setting('search_path')");
				ResultSet result = statement.executeQuery()) {
			return (result.next() && result.getBoolean(1)) ? result.getString(2) : null;
		}
	}

	@Override
	public String name() {
		return "postgresql";
	}

	@Override
	public String fold(String identifier) {
		return identifier.toLowerCase(Locale.ROOT);
	}

	@Override
	public boolean transactionalDdl() {
		return true;
	}

	/**
	 * Where the name is found on the search path now, or the schema a new table would be
	 * created in: a schema earlier on the path that was created later does not hide an
	 * existing ledger.
	 */
	@Override
	public @Nullable String schemaOf(Connection connection, String table) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("SELECT COALESCE((SELECT n.nspname "
				+ "FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
				+ "WHERE c.oid = pg_catalog.to_regclass(pg_catalog.quote_ident(?))), pg_catalog.current_schema())")) {
			statement.setString(1, fold(table));
			try (ResultSet result = statement.executeQuery()) {
				return result.next() ? result.getString(1) : null;
			}
		}
	}

	/**
	 * Read the column's text, which the driver always gives as
	 * {@code yyyy-MM-dd HH:mm:ss.ffffff} (it sets {@code DateStyle} to ISO): measured in
	 * fresh JVMs, the driver's conversion of a thousand ledger rows costs a start several
	 * times more. Text of another form ({@code infinity}) is left to the driver.
	 */
	@Override
	public Instant readUtcTimestamp(ResultSet rows, int column) throws SQLException {
		Instant read = UtcTimestampText.parse(rows.getString(column));
		return (read != null) ? read : super.readUtcTimestamp(rows, column);
	}

	@Override
	public SqlStatementSplitter splitter() {
		return SqlStatementSplitter.postgresql();
	}

	@Override
	public SessionState sessionState(Connection connection) throws SQLException {
		return new PostgresSessionState(connection);
	}

	/**
	 * Every drop cascades, within the schema: {@code migrate:fresh} refuses first when
	 * another schema holds something a drop would take with it (see
	 * {@link #dependentsInOtherSchemas(Connection, String)}). Routines are named with
	 * their argument types, since PostgreSQL overloads them.
	 */
	@Override
	public List<String> dropStatements(Catalog catalog, @Nullable String schema) {
		SchemaDrops drops = SchemaDrops.cascading(this, schema);
		return drops.statements(catalog, (object) -> switch (object.kind()) {
			case SEQUENCE -> drops.drop("SEQUENCE", object.name(), "");
			case ENUM -> drops.drop("TYPE", object.name(), "");
			case DOMAIN -> drops.drop("DOMAIN", object.name(), "");
			case FUNCTION ->
				drops.drop("FUNCTION", SchemaDrops.routineName(object), SchemaDrops.routineArguments(object));
			case PROCEDURE ->
				drops.drop("PROCEDURE", SchemaDrops.routineName(object), SchemaDrops.routineArguments(object));
			case TYPE -> drops.drop("TYPE", object.name(), "");
			case MATERIALIZED_VIEW -> drops.drop("MATERIALIZED VIEW", object.name(), "");
			case FOREIGN_TABLE -> drops.drop("FOREIGN TABLE", object.name(), "");
			case EVENT -> null;
			case TRIGGER -> null;
		});
	}

	/**
	 * Views and materialized views over this schema's relations, foreign keys that
	 * reference its tables, and columns of its types, in other schemas: each would go
	 * with a drop that cascades.
	 */
	@Override
	public List<String> dependentsInOtherSchemas(Connection connection, @Nullable String schema) throws SQLException {
		List<String> dependents = new ArrayList<>();
		CatalogQuery.forEachRow(connection, PostgresObjectQueries.DEPENDENTS_ELSEWHERE,
				Collections.singletonList(schema), (row) -> dependents.add(row.getString(1)));
		return dependents;
	}

	@Override
	public MigrationLock lock(DataSource dataSource, LedgerTable table) {
		return Locks.postgresAdvisory(dataSource, table);
	}

	@Override
	public List<SchemaOperation> render(SchemaOperation operation) {
		if (operation instanceof CopyOperation) {
			return List.of(operation);
		}
		return super.render(operation);
	}

	/**
	 * Send the rows through the driver's {@code CopyManager}, as {@code psql} sends them.
	 */
	@Override
	public void copyIn(Connection connection, CopyOperation copy) throws SQLException {
		PostgresCopyIn.copyIn(connection, copy.sql(), copy.data());
	}

	/**
	 * Read the catalog from {@code pg_catalog}; see {@link PostgresCatalogReader} for
	 * what it decides where the server leaves room.
	 */
	@Override
	public Catalog readCatalog(Connection connection, @Nullable String schema, Set<String> excluded)
			throws SQLException {
		return PostgresCatalogReader.postgresql().read(connection, schema, excluded);
	}

	@Override
	TableRenderer tableRenderer() {
		return new PostgresTableRenderer(this);
	}

}
