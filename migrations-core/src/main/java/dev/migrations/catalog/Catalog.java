package dev.migrations.catalog;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The schema of a database as its catalog describes it, without the ledger and lock
 * tables: tables, views, and the objects a database has of its own (PostgreSQL sequences,
 * enum, composite and domain types, functions, triggers, materialized views and foreign
 * tables; MySQL and MariaDB routines, triggers and events, and MariaDB sequences; H2
 * sequences, domains, routines and triggers; SQLite triggers). Every list is sorted by
 * name, so that two catalogs of the same schema are equal. Immutable.
 *
 * @param tables the tables
 * @param views the views
 * @param objects the other objects
 */
public record Catalog(List<Table> tables, List<View> views, List<SchemaObject> objects) {

	public Catalog {
		tables = tables.stream().sorted(Comparator.comparing(Table::name)).toList();
		views = views.stream().sorted(Comparator.comparing(View::name)).toList();
		objects = objects.stream()
			.sorted(Comparator.comparing(SchemaObject::kind).thenComparing(SchemaObject::name))
			.toList();
	}

	/**
	 * Return a table by name.
	 * @param name the name, as the database stores it
	 * @return the table, if there is one
	 */
	public Optional<Table> table(String name) {
		return this.tables.stream().filter((table) -> table.name().equals(name)).findFirst();
	}

	/**
	 * Return whether the catalog holds nothing.
	 * @return whether it is empty
	 */
	public boolean isEmpty() {
		return this.tables.isEmpty() && this.views.isEmpty() && this.objects.isEmpty();
	}

}
