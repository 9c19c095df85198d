package dev.migrations.dialect;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
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
 * Reads the catalog of one PostgreSQL schema from {@code pg_catalog}, in eight queries
 * whatever the number of tables: one per kind of thing (tables and views, columns,
 * constraints, indexes, the other relations and types ({@link PostgresObjectQueries}),
 * routines, triggers), and one for the schema ({@code current_schema()} when none is
 * named) and the qualifier the server writes before its names. What belongs to an
 * excluded table is dropped as the rows are read.
 * <p>
 * What it decides where the server leaves room:
 * <ul>
 * <li>A partitioned table is a table; its partitions are not listed, nor what they hold
 * of their own (indexes, constraints and triggers cloned from the parent): they are where
 * the parent keeps its rows, created and dropped with it.</li>
 * <li>Column types are as {@code format_type} writes them, with SQL's long names
 * shortened to those migrations write ({@code varchar(100)}, {@code char(2)},
 * {@code timestamp}, {@code timestamptz}, {@code time}, {@code timetz}), and without this
 * schema's qualifier on a type of its own (an enum is read as its name).</li>
 * <li>An identity column, and a {@code serial} column (its default is {@code nextval} of
 * a sequence the column owns), is auto-increment and has no default; its sequence is not
 * listed. Every sequence a column owns is left out with it. A generated column has no
 * default, as on MySQL.</li>
 * <li>An index behind a primary key, a unique constraint or an exclusion constraint is
 * not listed as an index; an exclusion constraint is not read. A column of an index is
 * its name, an expression is in parentheses, as MySQL writes one; a descending key ends
 * with {@code DESC}.</li>
 * <li>A check is its expression as {@code pg_get_expr} writes it back
 * ({@code title::text <> ''::text}), without the {@code CHECK} keyword, as MariaDB's.
 * {@code NOT NULL} is the column's nullability, not a check.</li>
 * <li>Views, triggers and the name and arguments of a routine are written without this
 * schema's qualifier, which the server adds to what is not on the search path: the same
 * view reads the same whether its schema is the current one or not. A view's runs of
 * white space are one space; so is a materialized view's query, hashed as its
 * definition.</li>
 * <li>A routine is named with its argument types, shortened as column types are
 * ({@code add(integer, integer)}); its definition is {@code pg_get_functiondef}'s. A
 * trigger's is {@code pg_get_triggerdef}'s. A sequence's is its start, increment, bounds
 * and cycling; an enum's its labels in order; a domain's its base type, default,
 * nullability and constraints; a composite type's and a foreign table's their attributes
 * (a foreign table's also its server and options). What belongs to an extension, a table
 * or view among them, is left out.</li>
 * </ul>
 * Immutable and thread-safe.
 */
final class PostgresCatalogReader {

	private static final List<TypeName> TYPE_NAMES = List.of(TypeName.of("character varying", "", "varchar"),
			TypeName.of("character", "", "char"), TypeName.of("timestamp", " without time zone", "timestamp"),
			TypeName.of("timestamp", " with time zone", "timestamptz"),
			TypeName.of("time", " without time zone", "time"), TypeName.of("time", " with time zone", "timetz"));

	private static final String SCHEMA = """
			SELECT s.name, quote_ident(s.name) || '.'
			FROM (SELECT COALESCE(CAST(? AS text), pg_catalog.current_schema()) AS name) s""";

	private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");

	private PostgresCatalogReader() {
	}

	/**
	 * Return a reader for PostgreSQL 10 or later.
	 * @return the reader
	 */
	static PostgresCatalogReader postgresql() {
		return new PostgresCatalogReader();
	}

	/**
	 * Read the catalog of a schema.
	 * @param connection the connection
	 * @param schema the schema, or {@code null} for the connection's current one
	 * @param excluded the tables to leave out, with everything that belongs to them
	 * @return the catalog
	 * @throws SQLException on a database error
	 */
	Catalog read(Connection connection, @Nullable String schema, Set<String> excluded) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(SCHEMA)) {
			statement.setString(1, schema);
			try (ResultSet rows = statement.executeQuery()) {
				String name = rows.next() ? rows.getString(1) : null;
				if (name == null) {
					throw new IllegalArgumentException("The connection has no current schema (none on its "
							+ "search_path exists): name the schema whose catalog to read");
				}
				return new Reading(connection, name, rows.getString(2), excluded).read();
			}
		}
	}

	/**
	 * Return a type as migrations write it: {@code format_type}'s SQL names shortened
	 * ({@code character varying(20)} is {@code varchar(20)},
	 * {@code timestamp(3) with time zone} is {@code timestamptz(3)}), and without the
	 * schema's qualifier.
	 * @param formatted the type as {@code format_type} writes it
	 * @param qualifier the schema's qualifier as the server writes it, with its dot
	 * @return the normalised type
	 */
	static String normaliseType(String formatted, String qualifier) {
		String type = formatted.startsWith(qualifier) ? formatted.substring(qualifier.length()) : formatted;
		for (TypeName name : TYPE_NAMES) {
			String shortened = name.shorten(type);
			if (shortened != null) {
				return shortened;
			}
		}
		return type;
	}

	private static @Nullable String emptyAsNull(@Nullable String text) {
		return (text == null || text.isEmpty()) ? null : text;
	}

	private static List<String> strings(ResultSet row, int column) throws SQLException {
		Array array = row.getArray(column);
		if (array == null) {
			return List.of();
		}
		try {
			return List.of((String[]) array.getArray());
		}
		finally {
			array.free();
		}
	}

	/**
	 * A long SQL type name, with the words that follow its length or precision and any
	 * array brackets, and the short name it is written as.
	 */
	private record TypeName(Pattern written, String shortName) {

		static TypeName of(String name, String suffix, String shortName) {
			return new TypeName(Pattern.compile(
					"^" + Pattern.quote(name) + "(\\(\\d+(?:,\\d+)?\\))?" + Pattern.quote(suffix) + "((?:\\[\\])*)$"),
					shortName);
		}

		@Nullable String shorten(String type) {
			Matcher matcher = this.written.matcher(type);
			if (!matcher.matches()) {
				return null;
			}
			return this.shortName + Objects.toString(matcher.group(1), "") + matcher.group(2);
		}

	}

	/**
	 * One reading of one schema: the rows of each query gathered per table.
	 */
	private static final class Reading {

		private final Connection connection;

		private final String schema;

		private final Set<String> excluded;

		private final Map<String, TableParts> tables = new LinkedHashMap<>();

		private final Set<String> viewNames = new HashSet<>();

		private final String qualifier;

		private final Pattern qualified;

		Reading(Connection connection, String schema, String qualifier, Set<String> excluded) {
			this.connection = connection;
			this.schema = schema;
			this.qualifier = qualifier;
			this.qualified = Pattern.compile("(?<![\\w$\"])" + Pattern.quote(qualifier));
			this.excluded = excluded;
		}

		Catalog read() throws SQLException {
			List<View> views = readRelations();
			readColumns();
			readConstraints();
			readIndexes();
			List<SchemaObject> objects = new ArrayList<>();
			query(PostgresObjectQueries.OBJECTS, (row) -> {
				Kind kind = Kind.valueOf(row.getString(1));
				String definition = Objects.toString(row.getString(3), "");
				objects.add(SchemaObject.of(kind, row.getString(2),
						(kind == Kind.MATERIALIZED_VIEW) ? unqualified(definition) : definition));
			});
			objects.addAll(readRoutines());
			objects.addAll(readTriggers());
			List<Table> tables = new ArrayList<>();
			for (TableParts table : this.tables.values()) {
				tables.add(table.toTable());
			}
			return new Catalog(tables, views, objects);
		}

		/**
		 * Read the tables, with their comments, and the views, with their definitions.
		 */
		private List<View> readRelations() throws SQLException {
			List<View> views = new ArrayList<>();
			query("""
					SELECT c.relname, c.relkind, d.description,
					  CASE WHEN c.relkind = 'v' THEN pg_catalog.pg_get_viewdef(c.oid, true) END
					FROM pg_catalog.pg_class c
					JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
					LEFT JOIN pg_catalog.pg_description d ON d.classoid = 'pg_catalog.pg_class'::regclass
					  AND d.objoid = c.oid AND d.objsubid = 0
					WHERE n.nspname = ? AND ((c.relkind IN ('r', 'p') AND NOT c.relispartition) OR c.relkind = 'v')
					  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e WHERE e.classid = 'pg_catalog.pg_class'::regclass
					    AND e.objid = c.oid AND e.deptype = 'e')""",
					(row) -> {
						String name = row.getString(1);
						if (this.excluded.contains(name)) {
							return;
						}
						if ("v".equals(row.getString(2))) {
							String definition = unqualified(Objects.toString(row.getString(4), "")).strip();
							if (definition.endsWith(";")) {
								definition = definition.substring(0, definition.length() - 1);
							}
							views.add(new View(name, WHITE_SPACE.matcher(definition.strip()).replaceAll(" ")));
							this.viewNames.add(name);
						}
						else {
							this.tables.put(name, new TableParts(name, emptyAsNull(row.getString(3))));
						}
					});
			return views;
		}

		private void readColumns() throws SQLException {
			query("""
					SELECT c.relname, a.attnum, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,
					  CASE WHEN a.attgenerated = '' THEN pg_catalog.pg_get_expr(f.adbin, f.adrelid) END,
					  a.attidentity <> '' OR (pg_catalog.pg_get_expr(f.adbin, f.adrelid) LIKE 'nextval(%'
					    AND EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
					      JOIN pg_catalog.pg_class s ON s.oid = d.objid AND s.relkind = 'S'
					      WHERE d.classid = 'pg_catalog.pg_class'::regclass AND d.refobjid = c.oid
					        AND d.refobjsubid = a.attnum AND d.deptype = 'a')),
					  d.description
					FROM pg_catalog.pg_attribute a
					JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
					JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
					LEFT JOIN pg_catalog.pg_attrdef f ON f.adrelid = a.attrelid AND f.adnum = a.attnum
					LEFT JOIN pg_catalog.pg_description d ON d.classoid = 'pg_catalog.pg_class'::regclass
					  AND d.objoid = c.oid AND d.objsubid = a.attnum
					WHERE n.nspname = ? AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
					ORDER BY c.relname, a.attnum""", (row) -> {
				TableParts table = this.tables.get(row.getString(1));
				if (table != null) {
					boolean autoIncrement = row.getBoolean(7);
					table.columns.add(new Column(row.getString(3), normaliseType(row.getString(4), this.qualifier),
							!row.getBoolean(5), autoIncrement ? null : row.getString(6), autoIncrement,
							emptyAsNull(row.getString(8))));
				}
			});
		}

		/**
		 * Read primary keys, unique constraints, foreign keys and checks, leaving out the
		 * copies of a foreign key the server keeps for each partition of the table it
		 * references.
		 */
		private void readConstraints() throws SQLException {
			query("""
					SELECT c.relname, k.conname, k.contype,
					  ARRAY(SELECT a.attname::text FROM unnest(k.conkey) WITH ORDINALITY AS u(attnum, position)
					    JOIN pg_catalog.pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.attnum
					    ORDER BY u.position),
					  CASE WHEN r.relnamespace = c.relnamespace THEN r.relname::text
					    ELSE quote_ident(rn.nspname) || '.' || quote_ident(r.relname) END,
					  ARRAY(SELECT a.attname::text FROM unnest(k.confkey) WITH ORDINALITY AS u(attnum, position)
					    JOIN pg_catalog.pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.attnum
					    ORDER BY u.position),
					  k.confdeltype, k.confupdtype,
					  CASE WHEN k.contype = 'c' THEN pg_catalog.pg_get_expr(k.conbin, k.conrelid, true) END
					FROM pg_catalog.pg_constraint k
					JOIN pg_catalog.pg_class c ON c.oid = k.conrelid
					JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
					LEFT JOIN pg_catalog.pg_class r ON r.oid = k.confrelid
					LEFT JOIN pg_catalog.pg_namespace rn ON rn.oid = r.relnamespace
					WHERE n.nspname = ? AND k.contype IN ('p', 'u', 'f', 'c') AND k.conparentid = 0
					ORDER BY c.relname, k.conname""", (row) -> {
				TableParts table = this.tables.get(row.getString(1));
				if (table == null) {
					return;
				}
				String name = row.getString(2);
				List<String> columns = strings(row, 4);
				switch (row.getString(3)) {
					case "p" -> table.primaryKey = new PrimaryKey(name, columns);
					case "u" -> table.uniqueConstraints.add(new UniqueConstraint(name, columns));
					case "f" -> table.foreignKeys.add(new ForeignKey(name, columns, row.getString(5), strings(row, 6),
							action(row.getString(7)), action(row.getString(8))));
					default -> table.checks.add(new Check(name, row.getString(9)));
				}
			});
		}

		private static String action(String code) {
			return switch (code) {
				case "r" -> "RESTRICT";
				case "c" -> "CASCADE";
				case "n" -> "SET NULL";
				case "d" -> "SET DEFAULT";
				default -> "NO ACTION";
			};
		}

		/**
		 * Read the key columns of the indexes that no constraint stands behind, one row
		 * per key column.
		 */
		private void readIndexes() throws SQLException {
			query("""
					SELECT c.relname, i.relname, x.indisunique, a.attname,
					  pg_catalog.pg_get_indexdef(x.indexrelid, k.position, true), x.indoption[k.position - 1] & 1 = 1
					FROM pg_catalog.pg_index x
					JOIN pg_catalog.pg_class c ON c.oid = x.indrelid
					JOIN pg_catalog.pg_class i ON i.oid = x.indexrelid
					JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
					CROSS JOIN LATERAL generate_series(1, x.indnkeyatts) AS k(position)
					LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = x.indrelid
					  AND a.attnum = x.indkey[k.position - 1] AND a.attnum > 0
					WHERE n.nspname = ? AND c.relkind IN ('r', 'p')
					  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint o WHERE o.conrelid = x.indrelid
					    AND o.conindid = x.indexrelid AND o.contype IN ('p', 'u', 'x'))
					ORDER BY c.relname, i.relname, k.position""", (row) -> {
				TableParts table = this.tables.get(row.getString(1));
				if (table != null) {
					String column = (row.getString(4) != null) ? row.getString(4) : "(" + row.getString(5) + ")";
					if (row.getBoolean(6)) {
						column += " DESC";
					}
					table.indexColumns(row.getString(2), row.getBoolean(3)).add(column);
				}
			});
		}

		private List<SchemaObject> readRoutines() throws SQLException {
			List<SchemaObject> routines = new ArrayList<>();
			query("""
					SELECT p.prokind, p.proname,
					  ARRAY(SELECT format_type(u.type, NULL) FROM unnest(p.proargtypes::oid[]) WITH ORDINALITY AS u(type, position)
					    ORDER BY u.position),
					  pg_catalog.pg_get_functiondef(p.oid)
					FROM pg_catalog.pg_proc p
					JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
					WHERE n.nspname = ? AND p.prokind IN ('f', 'p')
					  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d WHERE d.classid = 'pg_catalog.pg_proc'::regclass
					    AND d.objid = p.oid AND d.deptype = 'e')""",
					(row) -> {
						List<String> arguments = new ArrayList<>();
						for (String argument : strings(row, 3)) {
							arguments.add(normaliseType(argument, this.qualifier));
						}
						String definition = row.getString(4);
						int header = definition.indexOf('\n');
						if (header > 0) {
							definition = unqualified(definition.substring(0, header)) + definition.substring(header);
						}
						routines.add(SchemaObject.of("p".equals(row.getString(1)) ? Kind.PROCEDURE : Kind.FUNCTION,
								row.getString(2) + "(" + String.join(", ", arguments) + ")", definition));
					});
			return routines;
		}

		private List<SchemaObject> readTriggers() throws SQLException {
			List<SchemaObject> triggers = new ArrayList<>();
			query("""
					SELECT c.relname, t.tgname, pg_catalog.pg_get_triggerdef(t.oid)
					FROM pg_catalog.pg_trigger t
					JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid
					JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
					WHERE n.nspname = ? AND NOT t.tgisinternal""", (row) -> {
				String table = row.getString(1);
				if (this.tables.containsKey(table) || this.viewNames.contains(table)) {
					triggers.add(SchemaObject.of(Kind.TRIGGER, table + "." + row.getString(2),
							unqualified(row.getString(3))));
				}
			});
			return triggers;
		}

		/**
		 * Return text the server wrote without this schema's qualifier where it starts a
		 * name ({@code public.books}, not {@code nonpublic.books}).
		 */
		private String unqualified(String text) {
			return this.qualified.matcher(text).replaceAll("");
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

		private @Nullable PrimaryKey primaryKey;

		private final List<UniqueConstraint> uniqueConstraints = new ArrayList<>();

		private final Map<String, IndexParts> indexes = new LinkedHashMap<>();

		private final List<ForeignKey> foreignKeys = new ArrayList<>();

		private final List<Check> checks = new ArrayList<>();

		TableParts(String name, @Nullable String comment) {
			this.name = name;
			this.comment = comment;
		}

		List<String> indexColumns(String indexName, boolean unique) {
			return this.indexes.computeIfAbsent(indexName, (key) -> new IndexParts(unique)).columns;
		}

		Table toTable() {
			List<Index> indexes = new ArrayList<>();
			this.indexes.forEach((name, parts) -> indexes.add(new Index(name, parts.columns, parts.unique)));
			return new Table(this.name, this.columns, this.primaryKey, this.uniqueConstraints, indexes,
					this.foreignKeys, this.checks, this.comment);
		}

	}

	private static final class IndexParts {

		private final boolean unique;

		private final List<String> columns = new ArrayList<>();

		IndexParts(boolean unique) {
			this.unique = unique;
		}

	}

}
