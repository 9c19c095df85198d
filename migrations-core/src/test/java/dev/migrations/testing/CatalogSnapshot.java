package dev.migrations.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a schema holds beyond the columns and keys {@link SchemaSnapshot} reads, as the
 * database's own catalog describes it: views, routines, triggers, types, sequences,
 * constraints and index definitions, each kind as a sorted list of one line per object
 * with its definition. Two snapshots are equal when the same objects were created with
 * the same definitions, which is how a test checks that a script run by the runner and by
 * the database's own client built the same schema. The migration ledger and its lock are
 * left out; names of the database itself are replaced by {@code <database>}, so that
 * databases of different names compare.
 *
 * @param objects per kind of object, the objects' lines, sorted
 */
public record CatalogSnapshot(Map<String, List<String>> objects) {

	private static final String NOT_LEDGER = " NOT LIKE 'migrations\\_ledger%'";

	/**
	 * Read the catalog of a database.
	 * @param database the database
	 * @return the snapshot
	 */
	public static CatalogSnapshot of(TestDatabase database) {
		Map<String, String> queries = switch (database.kind()) {
			case POSTGRESQL -> postgresql();
			case MARIADB -> mariadb();
			case SQLITE -> sqlite();
			case H2 -> h2();
		};
		try (Connection connection = database.dataSource().getConnection();
				Statement statement = connection.createStatement()) {
			String name = (database.kind() == DatabaseKind.MARIADB) ? connection.getCatalog() : null;
			Map<String, List<String>> objects = new LinkedHashMap<>();
			for (Map.Entry<String, String> query : queries.entrySet()) {
				List<String> lines = new ArrayList<>();
				try (ResultSet rows = statement.executeQuery(query.getValue())) {
					int columns = rows.getMetaData().getColumnCount();
					while (rows.next()) {
						List<String> values = new ArrayList<>();
						for (int column = 1; column <= columns; column++) {
							String value = String.valueOf(rows.getString(column));
							values.add((name != null) ? value.replace(name, "<database>") : value);
						}
						lines.add(String.join(" | ", values));
					}
				}
				lines.sort(null);
				objects.put(query.getKey(), List.copyOf(lines));
			}
			return new CatalogSnapshot(objects);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Return whether the schema holds none of the objects this snapshot reads.
	 * @return whether every kind of object is absent
	 */
	public boolean isEmpty() {
		return this.objects.values().stream().allMatch(List::isEmpty);
	}

	private static Map<String, String> postgresql() {
		String here = "current_schema()::regnamespace";
		Map<String, String> queries = new LinkedHashMap<>();
		queries.put("views", "SELECT c.relname, c.relkind, pg_get_viewdef(c.oid) FROM pg_class c"
				+ " WHERE c.relnamespace = " + here + " AND c.relkind IN ('v', 'm')");
		queries.put("routines", "SELECT p.oid::regprocedure, pg_get_functiondef(p.oid) FROM pg_proc p"
				+ " WHERE p.pronamespace = " + here + " AND p.prokind IN ('f', 'p')");
		queries.put("triggers", "SELECT pg_get_triggerdef(t.oid) FROM pg_trigger t"
				+ " JOIN pg_class c ON c.oid = t.tgrelid WHERE c.relnamespace = " + here + " AND NOT t.tgisinternal");
		queries.put("types",
				"SELECT t.typname, t.typtype, format_type(t.typbasetype, t.typtypmod), t.typnotnull,"
						+ " (SELECT string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) FROM pg_enum e"
						+ " WHERE e.enumtypid = t.oid) FROM pg_type t WHERE t.typnamespace = " + here
						+ " AND t.typtype IN ('d', 'e', 'c') AND (t.typrelid = 0 OR (SELECT c.relkind FROM pg_class c"
						+ " WHERE c.oid = t.typrelid) = 'c')");
		queries.put("constraints", "SELECT conrelid::regclass, contypid::regtype, conname, pg_get_constraintdef(oid)"
				+ " FROM pg_constraint WHERE connamespace = " + here + " AND conrelid::regclass::text" + NOT_LEDGER);
		queries.put("indexes",
				"SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema()" + " AND tablename" + NOT_LEDGER);
		queries.put("sequences", "SELECT sequencename, data_type, start_value, increment_by, last_value"
				+ " FROM pg_sequences WHERE schemaname = current_schema() AND sequencename" + NOT_LEDGER);
		return queries;
	}

	private static Map<String, String> mariadb() {
		String here = " = DATABASE()";
		Map<String, String> queries = new LinkedHashMap<>();
		queries.put("views",
				"SELECT table_name, view_definition, check_option, is_updatable, security_type,"
						+ " character_set_client, collation_connection, algorithm FROM information_schema.views"
						+ " WHERE table_schema" + here);
		queries.put("routines", "SELECT routine_name, routine_type, dtd_identifier, routine_body, routine_definition,"
				+ " is_deterministic, sql_data_access, security_type, sql_mode, routine_comment,"
				+ " character_set_client, collation_connection, database_collation FROM information_schema.routines"
				+ " WHERE routine_schema" + here);
		queries.put("parameters", "SELECT specific_name, routine_type, ordinal_position, parameter_mode,"
				+ " parameter_name, dtd_identifier FROM information_schema.parameters WHERE specific_schema" + here);
		queries.put("triggers",
				"SELECT trigger_name, event_manipulation, event_object_table, action_order,"
						+ " action_timing, action_statement, sql_mode, character_set_client, collation_connection"
						+ " FROM information_schema.triggers WHERE trigger_schema" + here);
		queries.put("tables",
				"SELECT table_name, engine, table_collation, auto_increment, table_comment"
						+ " FROM information_schema.tables WHERE table_schema" + here + " AND table_type = 'BASE TABLE'"
						+ " AND table_name" + NOT_LEDGER);
		queries.put("columns",
				"SELECT table_name, column_name, column_type, character_set_name, collation_name,"
						+ " column_default, extra, column_comment FROM information_schema.columns WHERE table_schema"
						+ here + " AND table_name" + NOT_LEDGER);
		queries.put("constraints", "SELECT table_name, constraint_name, check_clause"
				+ " FROM information_schema.check_constraints WHERE constraint_schema" + here);
		return queries;
	}

	private static Map<String, String> sqlite() {
		return Map.of("objects", "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name" + NOT_LEDGER
				+ " ESCAPE '\\' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'");
	}

	private static Map<String, String> h2() {
		String here = " = CURRENT_SCHEMA";
		Map<String, String> queries = new LinkedHashMap<>();
		queries.put("views",
				"SELECT TABLE_NAME, VIEW_DEFINITION FROM INFORMATION_SCHEMA.VIEWS WHERE TABLE_SCHEMA" + here);
		queries.put("triggers", "SELECT TRIGGER_NAME, EVENT_MANIPULATION, EVENT_OBJECT_TABLE, ACTION_TIMING,"
				+ " ACTION_ORIENTATION, JAVA_CLASS FROM INFORMATION_SCHEMA.TRIGGERS WHERE TRIGGER_SCHEMA" + here);
		queries.put("domains", "SELECT DOMAIN_NAME, DATA_TYPE, DOMAIN_DEFAULT FROM INFORMATION_SCHEMA.DOMAINS"
				+ " WHERE DOMAIN_SCHEMA" + here);
		queries.put("constraints", "SELECT t.TABLE_NAME, t.CONSTRAINT_NAME, t.CONSTRAINT_TYPE, c.CHECK_CLAUSE"
				+ " FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS t LEFT JOIN INFORMATION_SCHEMA.CHECK_CONSTRAINTS c"
				+ " ON c.CONSTRAINT_SCHEMA = t.CONSTRAINT_SCHEMA AND c.CONSTRAINT_NAME = t.CONSTRAINT_NAME"
				+ " WHERE t.TABLE_SCHEMA" + here + " AND LOWER(t.TABLE_NAME)" + NOT_LEDGER);
		queries.put("sequences", "SELECT SEQUENCE_NAME, DATA_TYPE, START_VALUE, INCREMENT, BASE_VALUE"
				+ " FROM INFORMATION_SCHEMA.SEQUENCES WHERE SEQUENCE_SCHEMA" + here);
		return queries;
	}

}
