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
import java.util.regex.Pattern;

import dev.migrations.catalog.Catalog;
import dev.migrations.catalog.Column;
import dev.migrations.catalog.SchemaObject;
import dev.migrations.catalog.SchemaObject.Kind;
import dev.migrations.catalog.Table;
import dev.migrations.catalog.View;
import dev.migrations.dialect.CatalogQuery.RowHandler;
import dev.migrations.dialect.H2CatalogParts.ConstraintParts;
import dev.migrations.dialect.H2CatalogParts.DomainParts;
import dev.migrations.dialect.H2CatalogParts.KeyColumn;
import dev.migrations.dialect.H2CatalogParts.Reference;
import dev.migrations.dialect.H2CatalogParts.TableParts;
import org.jspecify.annotations.Nullable;

/**
 * Reads the catalog of one H2 2.x schema from {@code INFORMATION_SCHEMA}, in at most
 * fourteen queries whatever the number of tables: one per catalog table (tables, columns,
 * constraints, key columns, foreign keys, checks, indexes, index columns, views,
 * sequences, domains, routines, triggers), and one for {@code CURRENT_SCHEMA} when no
 * schema is named. The rows are joined here rather than in SQL, since H2 joins its
 * information schema tables row by row: with 1000 tables a join of two of them took
 * seconds, the separate reads milliseconds. What belongs to an excluded table is dropped
 * as the rows are read.
 * <p>
 * What it decides where H2 leaves room:
 * <ul>
 * <li>H2 names an unnamed constraint {@code CONSTRAINT_} and a hexadecimal number that
 * depends on what the schema held when it was created, so the same migrations can give
 * two databases different names. Such a constraint is read with the name PostgreSQL would
 * give it ({@link ConstraintNames}): {@code BOOKS_PKEY}, {@code BOOKS_AUTHOR_ID_FKEY},
 * {@code BOOKS_TITLE_KEY}, {@code BOOKS_CHECK} (then {@code BOOKS_CHECK1} in the order of
 * their expressions).</li>
 * <li>The indexes H2 creates for a primary key, a unique constraint or a foreign key are
 * part of the constraint and not listed as indexes; an index a migration created is
 * listed even where a constraint uses it.</li>
 * <li>Types are written as {@link dev.migrations.catalog.ColumnTypes} names them:
 * {@code CHARACTER VARYING(n)} is {@code varchar(n)}, {@code CHARACTER LARGE OBJECT}
 * {@code clob}, {@code BINARY VARYING(n)} {@code varbinary(n)}, {@code DOUBLE PRECISION}
 * (and {@code FLOAT}) {@code double precision}, an enum {@code enum('a','b')}, an array
 * {@code integer array}, a column of a domain the domain's name. A length, a precision or
 * a scale is written only where it is not H2's default for the type.</li>
 * <li>An identity column is auto-increment with no default; the sequence behind it is not
 * a {@link Kind#SEQUENCE}.</li>
 * <li>A view's definition has its own schema's qualifier removed, since H2 writes every
 * table it reads as {@code "SCHEMA"."TABLE"}.</li>
 * <li>A sequence's definition is its type, start, increment, bounds, cycle and cache (not
 * its current value); a domain's its type, default and checks; a routine's its
 * parameters, its result and its Java method or source; a trigger's its timing, its event
 * and its class.</li>
 * </ul>
 * Immutable and thread-safe.
 */
final class H2CatalogReader {

	/** How H2 names a constraint that its statement leaves unnamed. */
	private static final Pattern GENERATED_CONSTRAINT_NAME = Pattern.compile("CONSTRAINT_[0-9A-F]+(_[0-9]+)?");

	private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");

	/**
	 * The length H2 gives a {@code CHARACTER VARYING} or a {@code BINARY VARYING} without
	 * one.
	 */
	private static final long MAXIMUM_LENGTH = 1_000_000_000L;

	/**
	 * The columns {@link #normaliseType(ResultSet, int)} reads, in its order, from
	 * {@code COLUMNS} or {@code DOMAINS} as {@code c}.
	 */
	private static final String TYPE_COLUMNS = "c.DATA_TYPE, c.CHARACTER_MAXIMUM_LENGTH, c.NUMERIC_PRECISION,"
			+ " c.NUMERIC_SCALE, c.DATETIME_PRECISION, c.DECLARED_NUMERIC_PRECISION, c.INTERVAL_TYPE";

	/**
	 * Read the catalog of a schema.
	 * @param connection the connection
	 * @param schema the schema, or {@code null} for the connection's current one
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
		try (PreparedStatement statement = connection.prepareStatement("SELECT CURRENT_SCHEMA");
				ResultSet rows = statement.executeQuery()) {
			String current = rows.next() ? rows.getString(1) : null;
			if (current == null) {
				throw new IllegalArgumentException(
						"The connection has no current schema: name the schema whose catalog to read");
			}
			return current;
		}
	}

	/**
	 * Return a type as {@code DATA_TYPE} and the columns after it describe it, from
	 * {@code first} in the order of {@link #TYPE_COLUMNS}, then (for a column) its enum
	 * values and its array's element type.
	 * @param row the row
	 * @param first the index of {@code DATA_TYPE}
	 * @return the normalised type
	 */
	private static String normaliseType(ResultSet row, int first) throws SQLException {
		String dataType = row.getString(first);
		long length = row.getLong(first + 1);
		int precision = row.getInt(first + 2);
		int scale = row.getInt(first + 3);
		int datetimePrecision = row.getInt(first + 4);
		boolean declaredPrecision = row.getObject(first + 5) != null;
		return switch (dataType) {
			case "CHARACTER VARYING" -> withLength("varchar", length);
			case "VARCHAR_IGNORECASE" -> withLength("varchar_ignorecase", length);
			case "CHARACTER" -> "char(" + length + ")";
			case "CHARACTER LARGE OBJECT" -> "clob";
			case "BINARY VARYING" -> withLength("varbinary", length);
			case "BINARY" -> "binary(" + length + ")";
			case "BINARY LARGE OBJECT" -> "blob";
			case "NUMERIC" -> declaredPrecision ? "numeric(" + precision + "," + scale + ")" : "numeric";
			case "DECFLOAT" -> declaredPrecision ? "decfloat(" + precision + ")" : "decfloat";
			case "TIMESTAMP", "TIMESTAMP WITH TIME ZONE" -> withPrecision(dataType, datetimePrecision, 6);
			case "TIME", "TIME WITH TIME ZONE" -> withPrecision(dataType, datetimePrecision, 0);
			case "INTERVAL" -> "interval " + Objects.toString(row.getString(first + 6), "").toLowerCase(Locale.ROOT);
			case "ENUM" -> "enum(" + Objects.toString(row.getString(first + 7), "") + ")";
			case "ARRAY" -> Objects.toString(row.getString(first + 8), "").toLowerCase(Locale.ROOT) + " array";
			default -> dataType.toLowerCase(Locale.ROOT);
		};
	}

	private static String withLength(String type, long length) {
		return (length > 0 && length < MAXIMUM_LENGTH) ? type + "(" + length + ")" : type;
	}

	private static String withPrecision(String dataType, int precision, int defaultPrecision) {
		String type = dataType.toLowerCase(Locale.ROOT);
		if (precision == defaultPrecision) {
			return type;
		}
		int zone = type.indexOf(" with");
		return (zone < 0) ? type + "(" + precision + ")"
				: type.substring(0, zone) + "(" + precision + ")" + type.substring(zone);
	}

	/**
	 * Return whether H2 chose a constraint's name.
	 * @param name the name
	 * @return whether it is generated
	 */
	static boolean isGeneratedName(String name) {
		return GENERATED_CONSTRAINT_NAME.matcher(name).matches();
	}

	private static String collapse(String text) {
		return WHITE_SPACE.matcher(text.strip()).replaceAll(" ");
	}

	/**
	 * One reading of one schema: the rows of each query gathered per table.
	 */
	private static final class Reading {

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
					SELECT TABLE_NAME, REMARKS FROM INFORMATION_SCHEMA.TABLES
					WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'BASE TABLE'""", (row) -> {
				String name = row.getString(1);
				if (!this.excluded.contains(name)) {
					this.tables.put(name, new TableParts(name, emptyAsNull(row.getString(2))));
				}
			});
			readColumns();
			readConstraints();
			readIndexes();
			List<View> views = readViews();
			List<SchemaObject> objects = new ArrayList<>(readSequences());
			objects.addAll(readDomains());
			objects.addAll(readRoutines());
			objects.addAll(readTriggers());
			List<Table> tables = new ArrayList<>();
			for (TableParts table : this.tables.values()) {
				tables.add(table.toTable());
			}
			return new Catalog(tables, views, objects);
		}

		private void readColumns() throws SQLException {
			query("SELECT c.TABLE_NAME, c.COLUMN_NAME, c.IS_NULLABLE, c.COLUMN_DEFAULT, c.IS_IDENTITY, c.REMARKS,"
					+ " c.DOMAIN_NAME, " + TYPE_COLUMNS + ","
					+ " CASE WHEN c.DATA_TYPE = 'ENUM' THEN (SELECT LISTAGG('''' || REPLACE(e.VALUE_NAME, '''', '''''')"
					+ " || '''', ',') WITHIN GROUP (ORDER BY e.VALUE_ORDINAL) FROM INFORMATION_SCHEMA.ENUM_VALUES e"
					+ " WHERE e.OBJECT_SCHEMA = c.TABLE_SCHEMA AND e.OBJECT_NAME = c.TABLE_NAME"
					+ " AND e.OBJECT_TYPE = 'TABLE' AND e.ENUM_IDENTIFIER = c.DTD_IDENTIFIER) END,"
					+ " CASE WHEN c.DATA_TYPE = 'ARRAY' THEN (SELECT e.DATA_TYPE FROM INFORMATION_SCHEMA.ELEMENT_TYPES e"
					+ " WHERE e.OBJECT_SCHEMA = c.TABLE_SCHEMA AND e.OBJECT_NAME = c.TABLE_NAME"
					+ " AND e.OBJECT_TYPE = 'TABLE' AND e.COLLECTION_TYPE_IDENTIFIER = c.DTD_IDENTIFIER) END"
					+ " FROM INFORMATION_SCHEMA.COLUMNS c WHERE c.TABLE_SCHEMA = ?"
					+ " ORDER BY c.TABLE_NAME, c.ORDINAL_POSITION", (row) -> {
						TableParts table = this.tables.get(row.getString(1));
						if (table != null) {
							boolean identity = "YES".equals(row.getString(5));
							String domain = row.getString(7);
							String type = (domain != null) ? domain.toLowerCase(Locale.ROOT) : normaliseType(row, 8);
							table.columns.add(new Column(row.getString(2), type, "YES".equals(row.getString(3)),
									identity ? null : row.getString(4), identity, emptyAsNull(row.getString(6))));
						}
					});
		}

		/**
		 * Read every constraint with its columns: those of a key, those a foreign key
		 * references (by their position in the referenced key), a check's expression.
		 * Each catalog table is read on its own and joined here: H2 joins its information
		 * schema tables row by row, which grows with the square of the number of
		 * constraints.
		 */
		private void readConstraints() throws SQLException {
			String schemas = " IN (SELECT CAST(? AS VARCHAR) UNION SELECT UNIQUE_CONSTRAINT_SCHEMA FROM"
					+ " INFORMATION_SCHEMA.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = ?)";
			Map<String, String> tableOf = new LinkedHashMap<>();
			queryTwice("SELECT TABLE_SCHEMA, TABLE_NAME, CONSTRAINT_NAME, CONSTRAINT_TYPE"
					+ " FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA" + schemas, (row) -> {
						tableOf.put(qualified(row.getString(1), row.getString(3)), row.getString(2));
						TableParts table = this.schema.equals(row.getString(1)) ? this.tables.get(row.getString(2))
								: null;
						if (table != null) {
							table.constraint(row.getString(3), row.getString(4));
						}
					});
			Map<String, Map<Integer, String>> keyColumns = new LinkedHashMap<>();
			List<KeyColumn> usages = new ArrayList<>();
			queryTwice("SELECT TABLE_SCHEMA, TABLE_NAME, CONSTRAINT_NAME, COLUMN_NAME, ORDINAL_POSITION,"
					+ " POSITION_IN_UNIQUE_CONSTRAINT FROM INFORMATION_SCHEMA.KEY_COLUMN_USAGE WHERE CONSTRAINT_SCHEMA"
					+ schemas + " ORDER BY TABLE_NAME, CONSTRAINT_NAME, ORDINAL_POSITION", (row) -> {
						keyColumns
							.computeIfAbsent(qualified(row.getString(1), row.getString(3)),
									(name) -> new LinkedHashMap<>())
							.put(row.getInt(5), row.getString(4));
						int position = row.getInt(6);
						Integer referencedPosition = row.wasNull() ? null : position;
						if (this.schema.equals(row.getString(1))) {
							usages.add(new KeyColumn(row.getString(2), row.getString(3), row.getString(4),
									referencedPosition));
						}
					});
			Map<String, Reference> references = new LinkedHashMap<>();
			query("SELECT CONSTRAINT_NAME, UNIQUE_CONSTRAINT_SCHEMA, UNIQUE_CONSTRAINT_NAME, DELETE_RULE, UPDATE_RULE"
					+ " FROM INFORMATION_SCHEMA.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = ?",
					(row) -> references.put(row.getString(1),
							new Reference(row.getString(2), row.getString(3), row.getString(4), row.getString(5))));
			for (KeyColumn usage : usages) {
				ConstraintParts constraint = constraintOf(usage.table(), usage.constraint());
				if (constraint == null) {
					continue;
				}
				constraint.columns.add(usage.column());
				Reference reference = references.get(usage.constraint());
				if (reference != null && usage.referencedPosition() != null) {
					String key = qualified(reference.schema(), reference.key());
					String referencedTable = Objects.toString(tableOf.get(key), "");
					constraint.referencedTable = this.schema.equals(reference.schema()) ? referencedTable
							: reference.schema() + "." + referencedTable;
					constraint.referencedColumns.add(Objects
						.toString(keyColumns.getOrDefault(key, Map.of()).get(usage.referencedPosition()), ""));
					constraint.onDelete = reference.onDelete();
					constraint.onUpdate = reference.onUpdate();
				}
			}
			query("SELECT CONSTRAINT_NAME, CHECK_CLAUSE FROM INFORMATION_SCHEMA.CHECK_CONSTRAINTS"
					+ " WHERE CONSTRAINT_SCHEMA = ?", (row) -> {
						ConstraintParts constraint = constraintOf(tableOf.get(qualified(this.schema, row.getString(1))),
								row.getString(1));
						if (constraint != null) {
							constraint.checkClause = row.getString(2);
						}
					});
		}

		private void queryTwice(String sql, RowHandler handler) throws SQLException {
			CatalogQuery.forEachRow(this.connection, sql, List.of(this.schema, this.schema), handler);
		}

		private static String qualified(String schema, String name) {
			return schema + "." + name;
		}

		private @Nullable ConstraintParts constraintOf(@Nullable String tableName, String constraintName) {
			TableParts table = (tableName != null) ? this.tables.get(tableName) : null;
			return (table != null) ? table.constraints.get(constraintName) : null;
		}

		private void readIndexes() throws SQLException {
			Map<String, String[]> indexes = new LinkedHashMap<>();
			query("SELECT INDEX_NAME, TABLE_NAME, INDEX_TYPE_NAME FROM INFORMATION_SCHEMA.INDEXES"
					+ " WHERE TABLE_SCHEMA = ? AND NOT IS_GENERATED ORDER BY TABLE_NAME, INDEX_NAME",
					(row) -> indexes.put(row.getString(1), new String[] { row.getString(2), row.getString(3) }));
			query("SELECT INDEX_NAME, COLUMN_NAME, ORDERING_SPECIFICATION FROM INFORMATION_SCHEMA.INDEX_COLUMNS"
					+ " WHERE TABLE_SCHEMA = ? ORDER BY INDEX_NAME, ORDINAL_POSITION", (row) -> {
						String[] index = indexes.get(row.getString(1));
						TableParts table = (index != null) ? this.tables.get(index[0]) : null;
						if (index != null && table != null) {
							String column = row.getString(2) + ("DESC".equals(row.getString(3)) ? " DESC" : "");
							table.indexColumns(row.getString(1), "UNIQUE INDEX".equals(index[1])).add(column);
						}
					});
		}

		private List<View> readViews() throws SQLException {
			String qualifier = "\"" + this.schema.replace("\"", "\"\"") + "\".";
			List<View> views = new ArrayList<>();
			query("SELECT TABLE_NAME, VIEW_DEFINITION FROM INFORMATION_SCHEMA.VIEWS WHERE TABLE_SCHEMA = ?", (row) -> {
				if (!this.excluded.contains(row.getString(1))) {
					String definition = Objects.toString(row.getString(2), "").replace(qualifier, "");
					views.add(new View(row.getString(1), collapse(definition)));
				}
			});
			return views;
		}

		private List<SchemaObject> readSequences() throws SQLException {
			List<SchemaObject> sequences = new ArrayList<>();
			query("""
					SELECT SEQUENCE_NAME, DATA_TYPE, START_VALUE, INCREMENT, MINIMUM_VALUE, MAXIMUM_VALUE,
					  CYCLE_OPTION, CACHE
					FROM INFORMATION_SCHEMA.SEQUENCES WHERE SEQUENCE_SCHEMA = ?""", (row) -> {
				String definition = row.getString(2).toLowerCase(Locale.ROOT) + " START WITH " + row.getString(3)
						+ " INCREMENT BY " + row.getString(4) + " MINVALUE " + row.getString(5) + " MAXVALUE "
						+ row.getString(6) + ("YES".equals(row.getString(7)) ? " CYCLE" : " NO CYCLE") + " CACHE "
						+ row.getString(8);
				sequences.add(SchemaObject.of(Kind.SEQUENCE, row.getString(1), definition));
			});
			return sequences;
		}

		/**
		 * Read the domains with their checks, in the order of their expressions: the
		 * names H2 gives them are not part of the definition.
		 */
		private List<SchemaObject> readDomains() throws SQLException {
			Map<String, DomainParts> domains = new LinkedHashMap<>();
			query("SELECT c.DOMAIN_NAME, c.DOMAIN_DEFAULT, cc.CHECK_CLAUSE, " + TYPE_COLUMNS
					+ ", NULL, NULL FROM INFORMATION_SCHEMA.DOMAINS c"
					+ " LEFT JOIN INFORMATION_SCHEMA.DOMAIN_CONSTRAINTS d ON d.DOMAIN_SCHEMA = c.DOMAIN_SCHEMA"
					+ " AND d.DOMAIN_NAME = c.DOMAIN_NAME"
					+ " LEFT JOIN INFORMATION_SCHEMA.CHECK_CONSTRAINTS cc ON cc.CONSTRAINT_SCHEMA = d.CONSTRAINT_SCHEMA"
					+ " AND cc.CONSTRAINT_NAME = d.CONSTRAINT_NAME"
					+ " WHERE c.DOMAIN_SCHEMA = ? ORDER BY c.DOMAIN_NAME, cc.CHECK_CLAUSE", (row) -> {
						String defaultValue = row.getString(2);
						DomainParts domain = domains.computeIfAbsent(row.getString(1),
								(name) -> new DomainParts(defaultValue));
						domain.type = normaliseType(row, 4);
						if (row.getString(3) != null) {
							domain.checks.add(row.getString(3));
						}
					});
			List<SchemaObject> objects = new ArrayList<>();
			domains.forEach((name, domain) -> objects.add(SchemaObject.of(Kind.DOMAIN, name, domain.definition())));
			return objects;
		}

		private List<SchemaObject> readRoutines() throws SQLException {
			List<SchemaObject> routines = new ArrayList<>();
			query("""
					SELECT r.ROUTINE_TYPE, r.ROUTINE_NAME, r.DATA_TYPE, r.IS_DETERMINISTIC, r.EXTERNAL_NAME,
					  r.ROUTINE_DEFINITION,
					  (SELECT LISTAGG(LOWER(p.DATA_TYPE), ', ') WITHIN GROUP (ORDER BY p.ORDINAL_POSITION)
					    FROM INFORMATION_SCHEMA.PARAMETERS p
					    WHERE p.SPECIFIC_SCHEMA = r.SPECIFIC_SCHEMA AND p.SPECIFIC_NAME = r.SPECIFIC_NAME)
					FROM INFORMATION_SCHEMA.ROUTINES r WHERE r.ROUTINE_SCHEMA = ?""", (row) -> {
				String name = row.getString(2) + "(" + Objects.toString(row.getString(7), "") + ")";
				StringBuilder definition = new StringBuilder();
				if (row.getString(3) != null) {
					definition.append("RETURNS ").append(row.getString(3).toLowerCase(Locale.ROOT)).append(' ');
				}
				definition.append("YES".equals(row.getString(4)) ? "DETERMINISTIC" : "NOT DETERMINISTIC")
					.append('\n')
					.append((row.getString(5) != null) ? row.getString(5) : Objects.toString(row.getString(6), ""));
				routines.add(SchemaObject.of("PROCEDURE".equals(row.getString(1)) ? Kind.PROCEDURE : Kind.FUNCTION,
						name, definition.toString()));
			});
			return routines;
		}

		private List<SchemaObject> readTriggers() throws SQLException {
			List<SchemaObject> triggers = new ArrayList<>();
			query("""
					SELECT EVENT_OBJECT_TABLE, TRIGGER_NAME, ACTION_TIMING, EVENT_MANIPULATION, ACTION_ORIENTATION,
					  JAVA_CLASS
					FROM INFORMATION_SCHEMA.TRIGGERS WHERE TRIGGER_SCHEMA = ?""", (row) -> {
				if (this.tables.containsKey(row.getString(1))) {
					triggers.add(SchemaObject.of(Kind.TRIGGER, row.getString(1) + "." + row.getString(2),
							row.getString(3) + " " + row.getString(4) + " FOR EACH " + row.getString(5) + "\n"
									+ Objects.toString(row.getString(6), "")));
				}
			});
			return triggers;
		}

		private void query(String sql, RowHandler handler) throws SQLException {
			CatalogQuery.forEachRow(this.connection, sql, List.of(this.schema), handler);
		}

	}

	private static @Nullable String emptyAsNull(@Nullable String text) {
		return (text == null || text.isEmpty()) ? null : text;
	}

}
