package dev.migrations.dialect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.migrations.catalog.Catalog;
import dev.migrations.catalog.ForeignKey;
import dev.migrations.catalog.SchemaObject;
import dev.migrations.catalog.Table;
import dev.migrations.catalog.View;
import org.jspecify.annotations.Nullable;

/**
 * The statements that drop what a catalog holds, as {@code migrate:fresh} runs them:
 * views first, then tables, each before the tables it references, then the other objects
 * in the order of their kinds. Every statement says {@code IF EXISTS}, since dropping one
 * object may drop others with it. Names are quoted as the catalog stores them. Immutable.
 */
final class SchemaDrops {

	private final Dialect dialect;

	private final String prefix;

	private final String cascade;

	private SchemaDrops(Dialect dialect, @Nullable String schema, String cascade) {
		this.dialect = dialect;
		this.prefix = (schema != null) ? dialect.quote(schema) + "." : "";
		this.cascade = cascade;
	}

	/**
	 * Drop statements without {@code CASCADE}, for databases that do not have it.
	 * @param dialect the dialect, whose quote character is used
	 * @param schema the schema as configured, or {@code null} for the current one
	 * @return the drops
	 */
	static SchemaDrops plain(Dialect dialect, @Nullable String schema) {
		return new SchemaDrops(dialect, schema, "");
	}

	/**
	 * Drop statements that end in {@code CASCADE}, for PostgreSQL and H2.
	 * @param dialect the dialect, whose quote character is used
	 * @param schema the schema as configured, or {@code null} for the current one
	 * @return the drops
	 */
	static SchemaDrops cascading(Dialect dialect, @Nullable String schema) {
		return new SchemaDrops(dialect, schema, " CASCADE");
	}

	/**
	 * Return the statements that drop a catalog's views, tables and other objects.
	 * @param catalog the catalog
	 * @param objects the statement that drops an object, or {@code null} for an object
	 * dropped with its table, such as a trigger
	 * @return the statements, in order
	 */
	List<String> statements(Catalog catalog, Function<SchemaObject, @Nullable String> objects) {
		List<String> statements = new ArrayList<>();
		for (View view : catalog.views()) {
			statements.add("DROP VIEW IF EXISTS " + qualified(view.name()) + this.cascade);
		}
		for (Table table : referencingFirst(catalog.tables())) {
			statements.add("DROP TABLE IF EXISTS " + qualified(table.name()) + this.cascade);
		}
		for (SchemaObject object : catalog.objects()) {
			String drop = objects.apply(object);
			if (drop != null) {
				statements.add(drop);
			}
		}
		return statements;
	}

	/**
	 * Return {@code DROP <what> IF EXISTS} with an object's name, qualified and quoted.
	 * @param what what is dropped, such as {@code SEQUENCE}
	 * @param name the name, as the catalog stores it
	 * @param suffix what follows the name, such as a function's argument types
	 * @return the statement, with {@code CASCADE} where the database has it
	 */
	String drop(String what, String name, String suffix) {
		return "DROP " + what + " IF EXISTS " + qualified(name) + suffix + this.cascade;
	}

	/**
	 * Return the name of a routine without its argument types.
	 * @param object the routine, named as {@code name(types)}
	 * @return the name
	 */
	static String routineName(SchemaObject object) {
		int open = object.name().indexOf('(');
		return (open >= 0) ? object.name().substring(0, open) : object.name();
	}

	/**
	 * Return the argument types of a routine, in parentheses.
	 * @param object the routine, named as {@code name(types)}
	 * @return the types, such as {@code (integer, integer)}, or empty
	 */
	static String routineArguments(SchemaObject object) {
		int open = object.name().indexOf('(');
		return (open >= 0) ? object.name().substring(open) : "";
	}

	private String qualified(String name) {
		String quote = this.dialect.quote("").substring(0, 1);
		return this.prefix + quote + name.replace(quote, quote + quote) + quote;
	}

	/**
	 * Order tables so that each comes before the tables it references; tables that
	 * reference each other in a cycle keep their order by name.
	 */
	private static List<Table> referencingFirst(List<Table> tables) {
		Map<String, Table> remaining = new LinkedHashMap<>();
		tables.forEach((table) -> remaining.put(table.name(), table));
		List<Table> ordered = new ArrayList<>();
		while (!remaining.isEmpty()) {
			Table next = remaining.values()
				.stream()
				.filter((candidate) -> !isReferenced(candidate, remaining))
				.findFirst()
				.orElseGet(() -> remaining.values().iterator().next());
			ordered.add(next);
			remaining.remove(next.name());
		}
		return ordered;
	}

	private static boolean isReferenced(Table table, Map<String, Table> others) {
		for (Table other : others.values()) {
			if (other != table) {
				for (ForeignKey key : other.foreignKeys()) {
					if (key.referencedTable().equals(table.name())) {
						return true;
					}
				}
			}
		}
		return false;
	}

}
