package dev.migrations.dialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import dev.migrations.catalog.Catalog;
import dev.migrations.catalog.Check;
import dev.migrations.catalog.Column;
import dev.migrations.catalog.ForeignKey;
import dev.migrations.catalog.Index;
import dev.migrations.catalog.PrimaryKey;
import dev.migrations.catalog.SchemaObject;
import dev.migrations.catalog.SchemaObject.Kind;
import dev.migrations.catalog.Table;
import dev.migrations.catalog.UniqueConstraint;
import dev.migrations.catalog.View;
import dev.migrations.dialect.CatalogQuery.RowHandler;
import dev.migrations.dialect.SqliteSchemaSql.CheckDefinition;
import dev.migrations.dialect.SqliteSchemaSql.TableDefinition;
import org.jspecify.annotations.Nullable;

/**
 * Reads the catalog of one SQLite database from {@code sqlite_schema} and the
 * table-valued pragma functions, in four queries whatever the number of tables: the
 * schema's objects with their SQL, then {@code pragma_table_info},
 * {@code pragma_index_list} with {@code pragma_index_xinfo}, and
 * {@code pragma_foreign_key_list}, each joined to every table. {@code sqlite_sequence},
 * {@code sqlite_stat1} and the other {@code sqlite_} tables are SQLite's own and not part
 * of it. What belongs to an excluded table is dropped as the rows are read.
 * <p>
 * What it decides where SQLite leaves room:
 * <ul>
 * <li>A type is the declared one, lower case, without spaces around its arguments
 * ({@code DECIMAL(5, 2)} is {@code decimal(5,2)}): SQLite keeps no other. A column is
 * auto-increment when declared {@code INTEGER PRIMARY KEY AUTOINCREMENT}.</li>
 * <li>An index made by {@code CREATE INDEX} is an {@link Index}; the index SQLite makes
 * for a {@code UNIQUE} column or table constraint ({@code sqlite_autoindex_...}) is a
 * {@link UniqueConstraint}, and that of a primary key is the key.</li>
 * <li>The pragmas give no constraint names, so they are read from the table's SQL
 * ({@code CONSTRAINT name ...}); an unnamed unique constraint, foreign key or check is
 * named as PostgreSQL would name it ({@link ConstraintNames}), and an unnamed check
 * numbered in the order of the expressions. A primary key has no name. A check's
 * expression is as written.</li>
 * <li>A column's comment is the {@code /* ... *}{@code /} comment in its definition,
 * where the schema builder writes it.</li>
 * <li>A view's definition is its query as written; a trigger's is its statement.</li>
 * </ul>
 * Immutable and thread-safe.
 */
final class SqliteCatalogReader {

	private static final Pattern SPACE_AROUND_ARGUMENTS = Pattern.compile("\\s*([(),])\\s*");

	/**
	 * Read the catalog of a database.
	 * @param connection the connection
	 * @param schema the attached database ({@code main} for the connection's own), or
	 * {@code null} for {@code main}
	 * @param excluded the tables to leave out, with everything that belongs to them
	 * @return the catalog
	 * @throws SQLException on a database error
	 */
	Catalog read(Connection connection, @Nullable String schema, Set<String> excluded) throws SQLException {
		return new Reading(connection, (schema != null) ? schema : "main", excluded).read();
	}

	/**
	 * Return a declared type in lower case with runs of white space made one space and
	 * none around its arguments.
	 * @param declared the type as declared
	 * @return the normalised type
	 */
	static String normaliseType(@Nullable String declared) {
		String type = SqliteSchemaSql.collapse(Objects.toString(declared, "")).toLowerCase(Locale.ROOT);
		return SPACE_AROUND_ARGUMENTS.matcher(type).replaceAll("$1").replace(")", ") ").strip();
	}

	/**
	 * One reading of one database: the rows of each query gathered per table.
	 */
	private static final class Reading {

		private final Connection connection;

		private final String schema;

		private final String schemaTable;

		private final Set<String> excluded;

		private final Map<String, TableParts> tables = new LinkedHashMap<>();

		private final Map<String, String> indexSql = new LinkedHashMap<>();

		private final List<View> views = new ArrayList<>();

		private final List<SchemaObject> triggers = new ArrayList<>();

		Reading(Connection connection, String schema, Set<String> excluded) {
			this.connection = connection;
			this.schema = schema;
			this.schemaTable = "\"" + schema.replace("\"", "\"\"") + "\".sqlite_schema";
			this.excluded = excluded;
		}

		Catalog read() throws SQLException {
			readSchema();
			readColumns();
			readIndexes();
			readForeignKeys();
			List<Table> tables = new ArrayList<>();
			for (TableParts table : this.tables.values()) {
				tables.add(table.toTable(this.tables));
			}
			return new Catalog(tables, this.views, this.triggers);
		}

		private void readSchema() throws SQLException {
			query("SELECT type, name, tbl_name, sql FROM " + this.schemaTable
					+ " WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY type, name", (row) -> {
						String type = row.getString(1);
						String name = row.getString(2);
						String table = row.getString(3);
						String sql = Objects.toString(row.getString(4), "");
						if (this.excluded.contains(table)) {
							return;
						}
						switch (type) {
							case "table" -> this.tables.put(name, new TableParts(name, SqliteSchemaSql.table(sql)));
							case "index" -> this.indexSql.put(name, sql);
							case "view" -> this.views.add(new View(name, SqliteSchemaSql.viewQuery(sql)));
							case "trigger" -> this.triggers.add(SchemaObject.of(Kind.TRIGGER, table + "." + name, sql));
							default -> {
							}
						}
					});
		}

		private void readColumns() throws SQLException {
			query("SELECT m.name, p.name, p.type, p.\"notnull\", p.dflt_value, p.pk FROM " + this.schemaTable
					+ " m JOIN pragma_table_info(m.name, ?) p WHERE m.type = 'table' ORDER BY m.name, p.cid", (row) -> {
						TableParts table = this.tables.get(row.getString(1));
						if (table != null) {
							String name = row.getString(2);
							boolean autoIncrement = table.definition.autoIncrement(name);
							table.columns.add(new Column(name, normaliseType(row.getString(3)), row.getInt(4) == 0,
									autoIncrement ? null : row.getString(5), autoIncrement,
									table.definition.comment(name)));
							if (row.getInt(6) > 0) {
								table.primaryKey.put(row.getInt(6), name);
							}
						}
					});
		}

		private void readIndexes() throws SQLException {
			query("SELECT m.name, l.name, l.\"unique\", l.origin, x.seqno, x.name, x.\"desc\" FROM " + this.schemaTable
					+ " m JOIN pragma_index_list(m.name, ?) l JOIN pragma_index_xinfo(l.name, ?) x"
					+ " WHERE m.type = 'table' AND x.key = 1 ORDER BY m.name, l.name, x.seqno", (row) -> {
						TableParts table = this.tables.get(row.getString(1));
						String origin = row.getString(4);
						if (table != null && !"pk".equals(origin)) {
							String index = row.getString(2);
							String column = row.getString(6);
							if (column == null) {
								List<String> terms = SqliteSchemaSql
									.indexedTerms(this.indexSql.getOrDefault(index, ""));
								int position = row.getInt(5);
								column = (position < terms.size()) ? terms.get(position) : "?";
							}
							else if (row.getInt(7) == 1) {
								column += " DESC";
							}
							table.indexParts(index, "c".equals(origin), row.getInt(3) == 1).columns.add(column);
						}
					});
		}

		private void readForeignKeys() throws SQLException {
			query("SELECT m.name, f.id, f.\"table\", f.\"from\", f.\"to\", f.on_delete, f.on_update FROM "
					+ this.schemaTable + " m JOIN pragma_foreign_key_list(m.name, ?) f"
					+ " WHERE m.type = 'table' ORDER BY m.name, f.id, f.seq", (row) -> {
						TableParts table = this.tables.get(row.getString(1));
						if (table != null) {
							table.foreignKeyParts(row.getInt(2), row.getString(3), row.getString(6), row.getString(7))
								.add(row.getString(4), row.getString(5));
						}
					});
		}

		/**
		 * Run a query whose every {@code ?} is the schema.
		 */
		private void query(String sql, RowHandler handler) throws SQLException {
			int parameters = (int) sql.chars().filter((character) -> character == '?').count();
			CatalogQuery.forEachRow(this.connection, sql, Collections.nCopies(parameters, this.schema), handler);
		}

	}

	/**
	 * What the queries find of one table, until it is made a {@link Table}.
	 */
	private static final class TableParts {

		private final String name;

		private final TableDefinition definition;

		private final List<Column> columns = new ArrayList<>();

		private final Map<Integer, String> primaryKey = new TreeMap<>();

		private final Map<String, IndexParts> indexes = new LinkedHashMap<>();

		private final Map<Integer, ForeignKeyParts> foreignKeys = new TreeMap<>();

		TableParts(String name, TableDefinition definition) {
			this.name = name;
			this.definition = definition;
		}

		IndexParts indexParts(String indexName, boolean created, boolean unique) {
			return this.indexes.computeIfAbsent(indexName, (key) -> new IndexParts(created, unique));
		}

		ForeignKeyParts foreignKeyParts(int id, String referencedTable, String onDelete, String onUpdate) {
			return this.foreignKeys.computeIfAbsent(id,
					(key) -> new ForeignKeyParts(referencedTable, onDelete, onUpdate));
		}

		Table toTable(Map<String, TableParts> tables) {
			Set<String> taken = new HashSet<>();
			List<UniqueConstraint> uniqueConstraints = new ArrayList<>();
			List<Index> indexes = new ArrayList<>();
			for (Map.Entry<String, IndexParts> entry : this.indexes.entrySet()) {
				IndexParts index = entry.getValue();
				if (index.created) {
					indexes.add(new Index(entry.getKey(), index.columns, index.unique));
				}
				else {
					uniqueConstraints.add(new UniqueConstraint(
							name(this.definition.uniqueName(index.columns), index.columns, "key", taken),
							index.columns));
				}
			}
			List<ForeignKey> foreignKeys = new ArrayList<>();
			for (ForeignKeyParts foreignKey : this.foreignKeys.values()) {
				List<String> referencedColumns = foreignKey.referencedColumns.contains(null)
						? primaryKeyOf(tables, foreignKey.referencedTable) : foreignKey.referencedColumns;
				foreignKeys.add(
						new ForeignKey(
								name(this.definition.foreignKeyName(foreignKey.columns), foreignKey.columns, "fkey",
										taken),
								foreignKey.columns, foreignKey.referencedTable, referencedColumns, foreignKey.onDelete,
								foreignKey.onUpdate));
			}
			List<Check> checks = new ArrayList<>();
			List<String> unnamedChecks = new ArrayList<>();
			for (CheckDefinition check : this.definition.checks()) {
				if (check.name() != null) {
					taken.add(check.name());
					checks.add(new Check(check.name(), check.expression()));
				}
				else {
					unnamedChecks.add(check.expression());
				}
			}
			unnamedChecks.stream()
				.sorted()
				.forEach((expression) -> checks.add(new Check(name(null, List.of(), "check", taken), expression)));
			PrimaryKey primaryKey = this.primaryKey.isEmpty() ? null
					: new PrimaryKey(null, List.copyOf(this.primaryKey.values()));
			return new Table(this.name, columns(), primaryKey, uniqueConstraints, indexes, foreignKeys, checks, null);
		}

		/**
		 * Return the columns, an {@code INTEGER PRIMARY KEY} not nullable: it is the row
		 * id, which a {@code NULL} only asks SQLite to choose.
		 */
		private List<Column> columns() {
			if (this.primaryKey.size() != 1) {
				return this.columns;
			}
			String key = this.primaryKey.values().iterator().next();
			return this.columns.stream()
				.map((column) -> (column.name().equals(key) && column.type().equals("integer") && column.nullable())
						? new Column(column.name(), column.type(), false, column.defaultValue(), column.autoIncrement(),
								column.comment())
						: column)
				.toList();
		}

		private String name(@Nullable String declared, List<String> columns, String suffix, Set<String> taken) {
			if (declared != null) {
				taken.add(declared);
				return declared;
			}
			return ConstraintNames.unique(ConstraintNames.derived(this.name, columns, suffix), taken);
		}

		/**
		 * Return the primary key a foreign key references when it names no columns.
		 */
		private static List<String> primaryKeyOf(Map<String, TableParts> tables, String table) {
			return tables.values()
				.stream()
				.filter((candidate) -> candidate.name.equalsIgnoreCase(table))
				.findFirst()
				.map((referenced) -> List.copyOf(referenced.primaryKey.values()))
				.orElse(List.of());
		}

	}

	private static final class IndexParts {

		private final boolean created;

		private final boolean unique;

		private final List<String> columns = new ArrayList<>();

		IndexParts(boolean created, boolean unique) {
			this.created = created;
			this.unique = unique;
		}

	}

	private static final class ForeignKeyParts {

		private final String referencedTable;

		private final String onDelete;

		private final String onUpdate;

		private final List<String> columns = new ArrayList<>();

		private final List<@Nullable String> referencedColumns = new ArrayList<>();

		ForeignKeyParts(String referencedTable, String onDelete, String onUpdate) {
			this.referencedTable = referencedTable;
			this.onDelete = onDelete;
			this.onUpdate = onUpdate;
		}

		void add(String column, @Nullable String referencedColumn) {
			this.columns.add(column);
			this.referencedColumns.add(referencedColumn);
		}

	}

}
