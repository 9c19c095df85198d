package dev.migrations.dialect;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import dev.migrations.LedgerTable;
import dev.migrations.catalog.Catalog;
import dev.migrations.internal.Jdbc;
import dev.migrations.lock.Locks;
import dev.migrations.lock.MigrationLock;
import dev.migrations.sql.SqlStatementSplitter;
import org.jspecify.annotations.Nullable;

/**
 * MySQL: DDL commits implicitly, backtick quoting, backslash escapes in strings, and a
 * {@code GET_LOCK} named lock. A schema is a database, so a ledger schema is a catalog.
 */
class MySqlDialect extends TableRenderingDialect {

	@Override
	public String name() {
		return "mysql";
	}

	@Override
	public boolean transactionalDdl() {
		return false;
	}

	/**
	 * The default database: what {@code USE} changes.
	 */
	@Override
	public @Nullable String schemaOf(Connection connection, String table) throws SQLException {
		return connection.getCatalog();
	}

	@Override
	public String quote(String identifier) {
		return "`" + identifier + "`";
	}

	@Override
	public SqlStatementSplitter splitter() {
		return SqlStatementSplitter.mysql();
	}

	/**
	 * Write a statement that holds a semicolon, such as a procedure, function, trigger or
	 * event whose body has several statements, between {@code DELIMITER} lines, as
	 * {@code mysqldump} does: the mysql and mariadb clients otherwise end the statement
	 * at its first semicolon. The delimiter is one the statement does not contain.
	 */
	@Override
	public String scriptStatement(String sql) {
		if (sql.indexOf(';') < 0) {
			return super.scriptStatement(sql);
		}
		String delimiter = delimiterAbsentFrom(sql);
		return "DELIMITER " + delimiter + "\n" + sql + "\n" + delimiter + "\nDELIMITER ;";
	}

	private static String delimiterAbsentFrom(String sql) {
		for (String candidate : List.of("$$", "//", ";;")) {
			if (!sql.contains(candidate)) {
				return candidate;
			}
		}
		String delimiter = "$$$";
		while (sql.contains(delimiter)) {
			delimiter += "$";
		}
		return delimiter;
	}

	/**
	 * Read the warnings with {@code SHOW WARNINGS}, which tells a {@code Note} from a
	 * {@code Warning}, when the driver has any: MariaDB Connector/J and MySQL Connector/J
	 * know from the statement's response whether the server reported warnings, and answer
	 * {@link Statement#getWarnings()} without a round trip when it reported none;
	 * otherwise they read them with {@code SHOW WARNINGS} themselves but drop the level,
	 * and a {@code DROP TABLE IF EXISTS} note would read as a warning. {@code SHOW
	 * WARNINGS} leaves the server's list as it is, so it can be read twice.
	 */
	@Override
	public List<ServerWarning> takeWarnings(Statement statement) throws SQLException {
		List<ServerWarning> reported = super.takeWarnings(statement);
		if (reported.isEmpty()) {
			return reported;
		}
		List<ServerWarning> warnings = new ArrayList<>(reported.size());
		try (Statement show = statement.getConnection().createStatement();
				ResultSet rows = show.executeQuery("SHOW WARNINGS")) {
			while (rows.next()) {
				warnings.add(new ServerWarning(rows.getString(3), null, rows.getInt(2),
						"Note".equalsIgnoreCase(rows.getString(1))));
			}
			show.clearWarnings();
		}
		statement.clearWarnings();
		return warnings.isEmpty() ? reported : warnings;
	}

	@Override
	public String timestampType() {
		return "DATETIME(3)";
	}

	@Override
	public boolean logsRejectedStatements() {
		return true;
	}

	/**
	 * Look the table up in the metadata only, without trying a query first: MariaDB
	 * Connector/J logs every statement the server rejects as a warning, so a query would
	 * log one on the first run against every new database.
	 */
	@Override
	public boolean tableExists(Connection connection, LedgerTable table) throws SQLException {
		DatabaseMetaData metaData = connection.getMetaData();
		String catalog = (table.schema() != null) ? table.schema() : connection.getCatalog();
		try (ResultSet tables = metaData.getTables(catalog, null, table.name(), null)) {
			while (tables.next()) {
				if (table.name().equalsIgnoreCase(tables.getString("TABLE_NAME"))) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * Look the column up in the metadata only, for the reason {@link #tableExists} does.
	 */
	@Override
	public boolean hasColumn(Connection connection, LedgerTable table, String column) throws SQLException {
		DatabaseMetaData metaData = connection.getMetaData();
		String catalog = (table.schema() != null) ? table.schema() : connection.getCatalog();
		try (ResultSet columns = metaData.getColumns(catalog, null, table.name(), column)) {
			while (columns.next()) {
				if (table.name().equalsIgnoreCase(columns.getString("TABLE_NAME"))
						&& column.equalsIgnoreCase(columns.getString("COLUMN_NAME"))) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * Look the schema up among the catalogs, where MySQL lists its databases.
	 */
	@Override
	public boolean schemaExists(Connection connection, String schema) throws SQLException {
		try (ResultSet catalogs = connection.getMetaData().getCatalogs()) {
			while (catalogs.next()) {
				if (schema.equalsIgnoreCase(catalogs.getString("TABLE_CAT"))) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * Make the database the connection's default one, as {@code USE} does.
	 */
	@Override
	public void useSchema(Connection connection, String schema) throws SQLException {
		connection.setCatalog(schema);
	}

	@Override
	public SessionState sessionState(Connection connection) throws SQLException {
		return new MySqlSessionState(connection);
	}

	@Override
	public MigrationLock lock(DataSource dataSource, LedgerTable table) {
		return Locks.mysqlNamed(dataSource, table);
	}

	@Override
	TableRenderer tableRenderer() {
		return new MySqlTableRenderer(this);
	}

	/**
	 * Drops do not cascade here: the checks are off while {@code migrate:fresh} drops, so
	 * tables that reference each other in a cycle go too.
	 */
	@Override
	public void withoutForeignKeyChecks(Connection connection, Jdbc.TransactionWork work) throws SQLException {
		ForeignKeyChecks.MYSQL.suspended(connection, work);
	}

	/**
	 * Read the catalog from {@code information_schema}; see {@link MySqlCatalogReader}
	 * for what it decides where the servers leave room.
	 */
	@Override
	public Catalog readCatalog(Connection connection, @Nullable String schema, Set<String> excluded)
			throws SQLException {
		return catalogReader().read(connection, schema, excluded);
	}

	/**
	 * Return the reader of this server's catalog.
	 * @return the reader
	 */
	MySqlCatalogReader catalogReader() {
		return MySqlCatalogReader.mysql();
	}

}
