package dev.migrations.testing;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/**
 * The schema of a test database as JDBC {@link DatabaseMetaData} reports it: per table
 * its columns, primary key, indexes and foreign keys. Two snapshots are equal when the
 * schemas are, which is how a test checks that a rollback restored the schema.
 *
 * @param tables the tables by lower-cased name, without the migration ledger and lock
 */
public record SchemaSnapshot(Map<String, Table> tables) {

	/**
	 * Read the schema of a database.
	 * @param database the database
	 * @return the snapshot
	 */
	public static SchemaSnapshot of(TestDatabase database) {
		try (Connection connection = database.dataSource().getConnection()) {
			DatabaseMetaData metaData = connection.getMetaData();
			String catalog = (database.kind() == DatabaseKind.MARIADB) ? connection.getCatalog() : null;
			String schema = (database.kind() == DatabaseKind.MARIADB || database.kind() == DatabaseKind.SQLITE) ? null
					: connection.getSchema();
			Map<String, Table> tables = new TreeMap<>();
			for (String name : database.tables()) {
				if (!name.startsWith("migrations_ledger")) {
					String actual = actualName(metaData, catalog, schema, name);
					tables.put(name, new Table(columns(metaData, catalog, schema, actual),
							primaryKey(metaData, catalog, schema, actual), indexes(metaData, catalog, schema, actual),
							foreignKeys(metaData, catalog, schema, actual)));
				}
			}
			return new SchemaSnapshot(tables);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Return a table.
	 * @param name the table name
	 * @return the table
	 * @throws AssertionError if there is no such table
	 */
	public Table table(String name) {
		Table table = this.tables.get(name);
		if (table == null) {
			throw new AssertionError("No table " + name + " in " + this.tables.keySet());
		}
		return table;
	}

	/**
	 * Return this snapshot with the index names H2 generates for primary and foreign keys
	 * made stable, to compare schemas built at different times.
	 * @return the normalized snapshot
	 */
	public SchemaSnapshot normalized() {
		Map<String, Table> normalized = new TreeMap<>();
		this.tables.forEach((name, table) -> {
			Map<String, Index> indexes = new TreeMap<>();
			table.indexes().values().forEach((index) -> {
				String stable = index.name()
					.replaceAll("^(primary_key|constraint)_[0-9a-f]+$", "$1")
					.replaceAll("_index_[0-9a-f]+$", "_index_n");
				indexes.put(stable, new Index(stable, index.unique(), index.columns()));
			});
			normalized.put(name, new Table(table.columns(), table.primaryKey(), indexes, table.foreignKeys()));
		});
		return new SchemaSnapshot(normalized);
	}

	private static String actualName(DatabaseMetaData metaData, @Nullable String catalog, @Nullable String schema,
			String lowerCaseName) throws SQLException {
		try (ResultSet rows = metaData.getTables(catalog, schema, "%", new String[] { "TABLE" })) {
			while (rows.next()) {
				String name = rows.getString("TABLE_NAME");
				if (name.toLowerCase(Locale.ROOT).equals(lowerCaseName)) {
					return name;
				}
			}
		}
		throw new IllegalStateException("No table " + lowerCaseName);
	}

	private static Map<String, Column> columns(DatabaseMetaData metaData, @Nullable String catalog,
			@Nullable String schema, String table) throws SQLException {
		Map<String, Column> columns = new LinkedHashMap<>();
		try (ResultSet rows = metaData.getColumns(catalog, schema, table, "%")) {
			while (rows.next()) {
				String name = rows.getString("COLUMN_NAME").toLowerCase(Locale.ROOT);
				columns.put(name, new Column(name, rows.getString("TYPE_NAME").toUpperCase(Locale.ROOT),
						rows.getInt("COLUMN_SIZE"), rows.getInt("DECIMAL_DIGITS"),
						rows.getInt("NULLABLE") == DatabaseMetaData.columnNullable, rows.getString("COLUMN_DEF"),
						"YES".equals(rows.getString("IS_AUTOINCREMENT")), rows.getString("REMARKS")));
			}
		}
		return columns;
	}

	private static List<String> primaryKey(DatabaseMetaData metaData, @Nullable String catalog, @Nullable String schema,
			String table) throws SQLException {
		Map<Integer, String> columns = new TreeMap<>();
		try (ResultSet rows = metaData.getPrimaryKeys(catalog, schema, table)) {
			while (rows.next()) {
				columns.put(rows.getInt("KEY_SEQ"), rows.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
			}
		}
		return List.copyOf(columns.values());
	}

	private static Map<String, Index> indexes(DatabaseMetaData metaData, @Nullable String catalog,
			@Nullable String schema, String table) throws SQLException {
		Map<String, Boolean> unique = new TreeMap<>();
		Map<String, Map<Integer, String>> columns = new TreeMap<>();
		try (ResultSet rows = metaData.getIndexInfo(catalog, schema, table, false, false)) {
			while (rows.next()) {
				String name = rows.getString("INDEX_NAME");
				if (name == null || rows.getShort("TYPE") == DatabaseMetaData.tableIndexStatistic) {
					continue;
				}
				name = name.toLowerCase(Locale.ROOT);
				unique.put(name, !rows.getBoolean("NON_UNIQUE"));
				columns.computeIfAbsent(name, (key) -> new TreeMap<>())
					.put((int) rows.getShort("ORDINAL_POSITION"),
							rows.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
			}
		}
		Map<String, Index> indexes = new TreeMap<>();
		unique.forEach((name, isUnique) -> indexes.put(name,
				new Index(name, isUnique, List.copyOf(columns.get(name).values()))));
		return indexes;
	}

	private static Map<String, ForeignKey> foreignKeys(DatabaseMetaData metaData, @Nullable String catalog,
			@Nullable String schema, String table) throws SQLException {
		Map<String, ForeignKey> keys = new TreeMap<>();
		try (ResultSet rows = metaData.getImportedKeys(catalog, schema, table)) {
			while (rows.next()) {
				String name = String.valueOf(rows.getString("FK_NAME")).toLowerCase(Locale.ROOT);
				ForeignKey previous = keys.get(name);
				List<String> columns = new ArrayList<>((previous != null) ? previous.columns() : List.of());
				List<String> referenced = new ArrayList<>(
						(previous != null) ? previous.referencedColumns() : List.of());
				columns.add(rows.getString("FKCOLUMN_NAME").toLowerCase(Locale.ROOT));
				referenced.add(rows.getString("PKCOLUMN_NAME").toLowerCase(Locale.ROOT));
				keys.put(name, new ForeignKey(name, columns, rows.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT),
						referenced, action(rows.getShort("DELETE_RULE")), action(rows.getShort("UPDATE_RULE"))));
			}
		}
		return keys;
	}

	private static String action(short rule) {
		return switch (rule) {
			case DatabaseMetaData.importedKeyCascade -> "CASCADE";
			case DatabaseMetaData.importedKeySetNull -> "SET NULL";
			case DatabaseMetaData.importedKeySetDefault -> "SET DEFAULT";
			case DatabaseMetaData.importedKeyRestrict -> "RESTRICT";
			default -> "NO ACTION";
		};
	}

	/**
	 * One table.
	 *
	 * @param columns the columns by lower-cased name, in table order
	 * @param primaryKey the primary key columns
	 * @param indexes the indexes by lower-cased name, including those backing keys
	 * @param foreignKeys the foreign keys by lower-cased name
	 */
	public record Table(Map<String, Column> columns, List<String> primaryKey, Map<String, Index> indexes,
			Map<String, ForeignKey> foreignKeys) {

		/**
		 * Return a column.
		 * @param name the column name
		 * @return the column
		 * @throws AssertionError if there is no such column
		 */
		public Column column(String name) {
			Column column = this.columns.get(name);
			if (column == null) {
				throw new AssertionError("No column " + name + " in " + this.columns.keySet());
			}
			return column;
		}

	}

	/**
	 * One column.
	 *
	 * @param name the lower-cased name
	 * @param type the type name, upper-cased
	 * @param size the column size
	 * @param decimalDigits the decimal digits
	 * @param nullable whether it accepts null
	 * @param defaultValue the default as the database reports it
	 * @param autoIncrement whether it auto-increments
	 * @param remarks the comment
	 */
	public record Column(String name, String type, int size, int decimalDigits, boolean nullable,
			@Nullable String defaultValue, boolean autoIncrement, @Nullable String remarks) {

	}

	/**
	 * One index.
	 *
	 * @param name the lower-cased name
	 * @param unique whether it is unique
	 * @param columns the lower-cased columns, in order
	 */
	public record Index(String name, boolean unique, List<String> columns) {

	}

	/**
	 * One foreign key.
	 *
	 * @param name the lower-cased name
	 * @param columns the referencing columns
	 * @param referencedTable the referenced table
	 * @param referencedColumns the referenced columns
	 * @param onDelete the delete rule
	 * @param onUpdate the update rule
	 */
	public record ForeignKey(String name, List<String> columns, String referencedTable, List<String> referencedColumns,
			String onDelete, String onUpdate) {

	}

}
