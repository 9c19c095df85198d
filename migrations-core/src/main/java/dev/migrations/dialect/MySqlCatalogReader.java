package dev.migrations.dialect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
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
import org.jspecify.annotations.Nullable;

/**
 * Reads the catalog of one MySQL or MariaDB database from {@code information_schema}, in
 * at most eleven queries whatever the number of tables: one per kind of thing (tables,
 * columns, index columns, foreign key columns, checks, views, routines, routine
 * parameters, triggers, sequences and events), and one for {@code DATABASE()} when no
 * database is named. What belongs to an excluded table is dropped as the rows are read.
 * <p>
 * What it decides where the servers leave room:
 * <ul>
 * <li>Every unique index is a {@link UniqueConstraint}: MySQL makes no difference between
 * the two and lists every unique index as a {@code UNIQUE} constraint.</li>
 * <li>The index InnoDB creates for a foreign key that has none to use (named as the
 * foreign key, on its columns) is part of the foreign key and not listed as an index: it
 * cannot be dropped while the key exists, and other databases have no such index, so the
 * same migration reads the same elsewhere.</li>
 * <li>MariaDB's {@code JSON} is {@code LONGTEXT} with a column-level
 * {@code CHECK (json_valid(column))} named as the column; such a column reads as type
 * {@code json} without that check, as on MySQL. Other column-level checks are checks
 * named as their column, as MariaDB names them.</li>
 * <li>Defaults are as the server writes them (MariaDB quotes string literals, MySQL does
 * not); MariaDB's unquoted {@code NULL} is no default, as MySQL's SQL {@code NULL}
 * is.</li>
 * <li>A view's definition has its own database's qualifier removed, since the server
 * writes every table it reads as {@code `database`.`table`}.</li>
 * <li>A routine's definition is its parameters, its return type, its characteristics and
 * its body; a trigger's is its timing, its event and its statement; an event's is its
 * schedule (not its start, which is when it was created), what happens on completion and
 * its body. A MariaDB sequence is its name alone: 10.11 has no catalog view of its
 * bounds, so a change to them is not seen.</li>
 * </ul>
 * Immutable and thread-safe.
 */
final class MySqlCatalogReader {

	private static final Pattern INTEGER_DISPLAY_WIDTH = Pattern
		.compile("^(tinyint|smallint|mediumint|int|integer|bigint|year)\\((\\d+)\\)");

	private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");

	private static final String MYSQL_CHECKS = """
			SELECT t.TABLE_NAME, c.CONSTRAINT_NAME, c.CHECK_CLAUSE
			FROM information_schema.CHECK_CONSTRAINTS c
			JOIN information_schema.TABLE_CONSTRAINTS t ON t.CONSTRAINT_SCHEMA = c.CONSTRAINT_SCHEMA
			  AND t.CONSTRAINT_NAME = c.CONSTRAINT_NAME AND t.CONSTRAINT_TYPE = 'CHECK'
			WHERE c.CONSTRAINT_SCHEMA = ?""";

	/** MariaDB names checks per table, and says which table in the checks' own view. */
	private static final String MARIADB_CHECKS = """
			SELECT TABLE_NAME, CONSTRAINT_NAME, CHECK_CLAUSE
			FROM information_schema.CHECK_CONSTRAINTS
			WHERE CONSTRAINT_SCHEMA = ?""";

	private final String checksQuery;

	private final String indexExpression;

	private final boolean quotedStringDefaults;

	private MySqlCatalogReader(String checksQuery, String indexExpression, boolean quotedStringDefaults) {
		this.checksQuery = checksQuery;
		this.indexExpression = indexExpression;
		this.quotedStringDefaults = quotedStringDefaults;
	}

	/**
	 * Return a reader for MySQL 8.0.16 or later.
	 * @return the reader
	 */
	static MySqlCatalogReader mysql() {
		return new MySqlCatalogReader(MYSQL_CHECKS, "EXPRESSION", false);
	}

	/**
	 * Return a reader for MariaDB 10.3.10 or later, whose indexes have no expressions and
	 * whose defaults quote string literals.
	 * @return the reader
	 */
	static MySqlCatalogReader mariadb() {
		return new MySqlCatalogReader(MARIADB_CHECKS, "NULL", true);
	}

	/**
	 * Read the catalog of a database.
	 * @param connection the connection
	 * @param schema the database, or {@code null} for the connection's current one
	 * @param excluded the tables to leave out, with everything that belongs to them
	 * @return the catalog
	 * @throws SQLException on a database error
	 */
	Catalog read(Connection connection, @Nullable String schema, Set<String> excluded) throws SQLException {
		return new Reading(connection, resolve(connection, schema), excluded).read();
	}

	private static String resolve(Connection connection, @Nullable String schema) throws SQLException {
		if (schema != null) {
			return schema;
		}
		try (PreparedStatement statement = connection.prepareStatement("SELECT DATABASE()");
				ResultSet rows = statement.executeQuery()) {
			String current = rows.next() ? rows.getString(1) : null;
			if (current == null) {
				throw new IllegalArgumentException(
						"The connection has no current database: name the database whose schema to read");
			}
			return current;
		}
	}

	/**
	 * Return a column type as both servers write it: lower case, without the display
	 * width of an integer type (which MySQL 8 no longer writes), except for
	 * {@code tinyint(1)}, the boolean, and for a {@code zerofill} column, where it
	 * matters.
	 * @param columnType the type as {@code COLUMN_TYPE} writes it
	 * @return the normalised type
	 */
	static String normaliseType(String columnType) {
		String type = lowerCaseOutsideQuotes(columnType.strip());
		Matcher width = INTEGER_DISPLAY_WIDTH.matcher(type);
		if (width.find() && !type.contains("zerofill")
				&& !(width.group(1).equals("tinyint") && width.group(2).equals("1"))) {
			return width.group(1) + type.substring(width.end());
		}
		return type;
	}

	/**
	 * Lower case a type's words but not the values of an {@code enum} or a {@code set}.
	 */
	private static String lowerCaseOutsideQuotes(String text) {
		StringBuilder result = new StringBuilder(text.length());
		boolean quoted = false;
		for (int i = 0; i < text.length(); i++) {
			char character = text.charAt(i);
			if (character == '\'') {
				quoted = !quoted;
			}
			result.append(quoted ? character : Character.toLowerCase(character));
		}
		return result.toString();
	}

	private static @Nullable String emptyAsNull(@Nullable String text) {
		return (text == null || text.isEmpty()) ? null : text;
	}

	/**
	 * One reading of one database: the rows of each query gathered per table.
	 */
	private final class Reading {

		private final Connection connection;

		private final String schema;

		private final Set<String> excluded;

		private final Map<String, TableParts> tables = new LinkedHashMap<>();

		Reading(Connection connection, String schema, Set<String> excluded) {
			this.connection = connection;
			this.schema = schema;
			this.excluded = excluded;
		}

		Catalog read() throws SQLException {
			query("""
					SELECT TABLE_NAME, TABLE_COMMENT FROM information_schema.TABLES
					WHERE TABLE_SCHEMA = ? AND TABLE_TYPE IN ('BASE TABLE', 'SYSTEM VERSIONED')""", (row) -> {
				String name = row.getString(1);
				if (!this.excluded.contains(name)) {
					this.tables.put(name, new TableParts(name, emptyAsNull(row.getString(2))));
				}
			});
			readColumns();
			readIndexes();
			readForeignKeys();
			readChecks();
			List<View> views = readViews();
			List<SchemaObject> objects = new ArrayList<>(readRoutines());
			objects.addAll(readTriggers());
			CatalogQuery.forEachRow(this.connection, """
					SELECT 'SEQUENCE', TABLE_NAME, '' FROM information_schema.TABLES
					WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'SEQUENCE'
					UNION ALL
					SELECT 'EVENT', EVENT_NAME, CONCAT_WS(' ', EVENT_TYPE, EXECUTE_AT, INTERVAL_VALUE, INTERVAL_FIELD,
					  ON_COMPLETION, EVENT_DEFINITION)
					FROM information_schema.EVENTS WHERE EVENT_SCHEMA = ?""", List.of(this.schema, this.schema),
					(row) -> objects
						.add(SchemaObject.of(Kind.valueOf(row.getString(1)), row.getString(2), row.getString(3))));
			List<Table> tables = new ArrayList<>();
			for (TableParts table : this.tables.values()) {
				tables.add(table.toTable());
			}
			return new Catalog(tables, views, objects);
		}

		private void readColumns() throws SQLException {
			query("""
					SELECT TABLE_NAME, COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT, EXTRA, COLUMN_COMMENT
					FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ?
					ORDER BY TABLE_NAME, ORDINAL_POSITION""", (row) -> {
				TableParts table = this.tables.get(row.getString(1));
				if (table != null) {
					boolean autoIncrement = row.getString(6).toLowerCase(Locale.ROOT).contains("auto_increment");
					table.columns.add(new Column(row.getString(2), normaliseType(row.getString(3)),
							"YES".equals(row.getString(4)), autoIncrement ? null : defaultValue(row.getString(5)),
							autoIncrement, emptyAsNull(row.getString(7))));
				}
			});
		}

		private @Nullable String defaultValue(@Nullable String written) {
			return (MySqlCatalogReader.this.quotedStringDefaults && "NULL".equals(written)) ? null : written;
		}

		private void readIndexes() throws SQLException {
			query("SELECT TABLE_NAME, INDEX_NAME, NON_UNIQUE, COLUMN_NAME, SUB_PART, COLLATION, "
					+ MySqlCatalogReader.this.indexExpression
					+ " FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = ?"
					+ " ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX", (row) -> {
						TableParts table = this.tables.get(row.getString(1));
						if (table != null) {
							String column = (row.getString(4) != null) ? row.getString(4)
									: "(" + row.getString(7) + ")";
							if (row.getString(5) != null) {
								column += "(" + row.getString(5) + ")";
							}
							if ("D".equals(row.getString(6))) {
								column += " DESC";
							}
							table.indexColumns(row.getString(2), !"0".equals(row.getString(3))).add(column);
						}
					});
		}

		private void readForeignKeys() throws SQLException {
			query("""
					SELECT k.TABLE_NAME, k.CONSTRAINT_NAME, k.COLUMN_NAME, k.REFERENCED_TABLE_SCHEMA,
					  k.REFERENCED_TABLE_NAME, k.REFERENCED_COLUMN_NAME, r.DELETE_RULE, r.UPDATE_RULE
					FROM information_schema.KEY_COLUMN_USAGE k
					JOIN information_schema.REFERENTIAL_CONSTRAINTS r ON r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA
					  AND r.TABLE_NAME = k.TABLE_NAME AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME
					WHERE k.TABLE_SCHEMA = ?
					ORDER BY k.TABLE_NAME, k.CONSTRAINT_NAME, k.ORDINAL_POSITION""", (row) -> {
				TableParts table = this.tables.get(row.getString(1));
				if (table != null) {
					String referencedTable = this.schema.equals(row.getString(4)) ? row.getString(5)
							: row.getString(4) + "." + row.getString(5);
					table.foreignKeyParts(row.getString(2), referencedTable, row.getString(7), row.getString(8))
						.add(row.getString(3), row.getString(6));
				}
			});
		}

		private void readChecks() throws SQLException {
			query(MySqlCatalogReader.this.checksQuery, (row) -> {
				TableParts table = this.tables.get(row.getString(1));
				if (table != null) {
					table.checks.add(new Check(row.getString(2), row.getString(3)));
				}
			});
		}

		private List<View> readViews() throws SQLException {
			String qualifier = "`" + this.schema.replace("`", "``") + "`.";
			List<View> views = new ArrayList<>();
			query("SELECT TABLE_NAME, VIEW_DEFINITION FROM information_schema.VIEWS WHERE TABLE_SCHEMA = ?", (row) -> {
				if (!this.excluded.contains(row.getString(1))) {
					String definition = Objects.toString(row.getString(2), "").replace(qualifier, "");
					views.add(new View(row.getString(1), WHITE_SPACE.matcher(definition.strip()).replaceAll(" ")));
				}
			});
			return views;
		}

		private List<SchemaObject> readRoutines() throws SQLException {
			Map<String, List<String>> parameters = new LinkedHashMap<>();
			query("""
					SELECT ROUTINE_TYPE, SPECIFIC_NAME, PARAMETER_MODE, PARAMETER_NAME, DTD_IDENTIFIER
					FROM information_schema.PARAMETERS WHERE SPECIFIC_SCHEMA = ? AND ORDINAL_POSITION > 0
					ORDER BY ROUTINE_TYPE, SPECIFIC_NAME, ORDINAL_POSITION""", (row) -> {
				String mode = (row.getString(3) != null) ? row.getString(3) + " " : "";
				parameters.computeIfAbsent(row.getString(1) + " " + row.getString(2), (routine) -> new ArrayList<>())
					.add(mode + row.getString(4) + " " + normaliseType(row.getString(5)));
			});
			List<SchemaObject> routines = new ArrayList<>();
			query("""
					SELECT ROUTINE_TYPE, ROUTINE_NAME, DTD_IDENTIFIER, IS_DETERMINISTIC, SQL_DATA_ACCESS,
					  SECURITY_TYPE, ROUTINE_DEFINITION
					FROM information_schema.ROUTINES
					WHERE ROUTINE_SCHEMA = ? AND ROUTINE_TYPE IN ('FUNCTION', 'PROCEDURE')""", (row) -> {
				String kind = row.getString(1);
				StringBuilder definition = new StringBuilder("(")
					.append(String.join(", ", parameters.getOrDefault(kind + " " + row.getString(2), List.of())))
					.append(")");
				if (row.getString(3) != null) {
					definition.append(" RETURNS ").append(normaliseType(row.getString(3)));
				}
				definition.append("YES".equals(row.getString(4)) ? " DETERMINISTIC" : " NOT DETERMINISTIC")
					.append(" ")
					.append(row.getString(5))
					.append(" SQL SECURITY ")
					.append(row.getString(6))
					.append("\n")
					.append(Objects.toString(row.getString(7), ""));
				routines.add(SchemaObject.of("FUNCTION".equals(kind) ? Kind.FUNCTION : Kind.PROCEDURE, row.getString(2),
						definition.toString()));
			});
			return routines;
		}

		private List<SchemaObject> readTriggers() throws SQLException {
			List<SchemaObject> triggers = new ArrayList<>();
			query("""
					SELECT EVENT_OBJECT_TABLE, TRIGGER_NAME, ACTION_TIMING, EVENT_MANIPULATION, ACTION_STATEMENT
					FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = ?""", (row) -> {
				if (this.tables.containsKey(row.getString(1))) {
					triggers.add(SchemaObject.of(Kind.TRIGGER, row.getString(1) + "." + row.getString(2),
							row.getString(3) + " " + row.getString(4) + " FOR EACH ROW\n" + row.getString(5)));
				}
			});
			return triggers;
		}

		private void query(String sql, RowHandler handler) throws SQLException {
			CatalogQuery.forEachRow(this.connection, sql, List.of(this.schema), handler);
		}

	}

	/**
	 * What the queries find of one table, until it is made a {@link Table}.
	 */
	private static final class TableParts {

		private final String name;

		private final @Nullable String comment;

		private final List<Column> columns = new ArrayList<>();

		private final Map<String, IndexParts> indexes = new LinkedHashMap<>();

		private final Map<String, ForeignKeyParts> foreignKeys = new LinkedHashMap<>();

		private final List<Check> checks = new ArrayList<>();

		TableParts(String name, @Nullable String comment) {
			this.name = name;
			this.comment = comment;
		}

		List<String> indexColumns(String indexName, boolean nonUnique) {
			return this.indexes.computeIfAbsent(indexName, (key) -> new IndexParts(nonUnique)).columns;
		}

		ForeignKeyParts foreignKeyParts(String keyName, String referencedTable, String onDelete, String onUpdate) {
			return this.foreignKeys.computeIfAbsent(keyName,
					(key) -> new ForeignKeyParts(referencedTable, onDelete, onUpdate));
		}

		Table toTable() {
			List<ForeignKey> foreignKeys = new ArrayList<>();
			this.foreignKeys.forEach((name, parts) -> foreignKeys.add(new ForeignKey(name, parts.columns,
					parts.referencedTable, parts.referencedColumns, parts.onDelete, parts.onUpdate)));
			PrimaryKey primaryKey = null;
			List<UniqueConstraint> uniqueConstraints = new ArrayList<>();
			List<Index> indexes = new ArrayList<>();
			for (Map.Entry<String, IndexParts> index : this.indexes.entrySet()) {
				String name = index.getKey();
				List<String> columns = index.getValue().columns;
				if (name.equals("PRIMARY")) {
					primaryKey = new PrimaryKey(null, columns);
				}
				else if (!index.getValue().nonUnique) {
					uniqueConstraints.add(new UniqueConstraint(name, columns));
				}
				else if (!isForeignKeyIndex(name, columns, foreignKeys)) {
					indexes.add(new Index(name, columns, false));
				}
			}
			List<Column> columns = new ArrayList<>();
			List<Check> checks = new ArrayList<>(this.checks);
			for (Column column : this.columns) {
				Check json = new Check(column.name(), "json_valid(`" + column.name().replace("`", "``") + "`)");
				if (column.type().equals("longtext") && checks.remove(json)) {
					columns.add(new Column(column.name(), "json", column.nullable(), column.defaultValue(),
							column.autoIncrement(), column.comment()));
				}
				else {
					columns.add(column);
				}
			}
			return new Table(this.name, columns, primaryKey, uniqueConstraints, indexes, foreignKeys, checks,
					this.comment);
		}

		private static boolean isForeignKeyIndex(String name, List<String> columns, List<ForeignKey> foreignKeys) {
			return foreignKeys.stream()
				.anyMatch((foreignKey) -> foreignKey.name().equals(name) && foreignKey.columns().equals(columns));
		}

	}

	private static final class IndexParts {

		private final boolean nonUnique;

		private final List<String> columns = new ArrayList<>();

		IndexParts(boolean nonUnique) {
			this.nonUnique = nonUnique;
		}

	}

	private static final class ForeignKeyParts {

		private final String referencedTable;

		private final String onDelete;

		private final String onUpdate;

		private final List<String> columns = new ArrayList<>();

		private final List<String> referencedColumns = new ArrayList<>();

		ForeignKeyParts(String referencedTable, String onDelete, String onUpdate) {
			this.referencedTable = referencedTable;
			this.onDelete = onDelete;
			this.onUpdate = onUpdate;
		}

		void add(String column, String referencedColumn) {
			this.columns.add(column);
			this.referencedColumns.add(referencedColumn);
		}

	}

}
