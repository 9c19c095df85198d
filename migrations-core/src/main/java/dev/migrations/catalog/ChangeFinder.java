package dev.migrations.catalog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import dev.migrations.catalog.CatalogChange.Action;
import dev.migrations.catalog.CatalogChange.ObjectType;
import org.jspecify.annotations.Nullable;

/**
 * Finds the changes between two catalogs and puts them in the order of
 * {@link CatalogDiff}: each change is filed under its {@link Phase}, and the phases are
 * read in order. One use.
 */
final class ChangeFinder {

	private final Catalog from;

	private final Catalog to;

	private final Map<Phase, List<CatalogChange>> phases = new EnumMap<>(Phase.class);

	ChangeFinder(Catalog from, Catalog to) {
		this.from = from;
		this.to = to;
		for (Phase phase : Phase.values()) {
			this.phases.put(phase, new ArrayList<>());
		}
	}

	List<CatalogChange> changes() {
		createdTables();
		droppedTables();
		for (Table target : this.to.tables()) {
			this.from.table(target.name()).ifPresent((source) -> alteredTable(source, target));
		}
		views();
		objects();
		List<CatalogChange> changes = new ArrayList<>();
		this.phases.values().forEach(changes::addAll);
		return changes;
	}

	private void createdTables() {
		List<Table> created = this.to.tables()
			.stream()
			.filter((table) -> this.from.table(table.name()).isEmpty())
			.toList();
		DependencyOrder order = DependencyOrder.of(created);
		for (Table table : order.tables()) {
			add(Phase.CREATE_TABLES, Action.CREATE, ObjectType.TABLE, null, table.name(),
					"columns " + columnNames(table.columns().stream().map(Column::name).toList()), false);
			for (Check check : table.checks()) {
				add(Phase.CREATE_KEYS, Action.CREATE, ObjectType.CHECK, table.name(), check.name(), check.expression(),
						false);
			}
		}
		for (Map.Entry<String, ForeignKey> key : order.cycles()) {
			add(Phase.CREATE_FOREIGN_KEYS, Action.CREATE, ObjectType.FOREIGN_KEY, key.getKey(), key.getValue().name(),
					describe(key.getValue()), false);
		}
	}

	private void droppedTables() {
		List<Table> dropped = this.from.tables()
			.stream()
			.filter((table) -> this.to.table(table.name()).isEmpty())
			.toList();
		DependencyOrder order = DependencyOrder.of(dropped);
		for (Map.Entry<String, ForeignKey> key : order.cycles()) {
			add(Phase.DROP_DEPENDENTS, Action.DROP, ObjectType.FOREIGN_KEY, key.getKey(), key.getValue().name(), "",
					false);
		}
		List<Table> referencingFirst = new ArrayList<>(order.tables());
		Collections.reverse(referencingFirst);
		for (Table table : referencingFirst) {
			add(Phase.DROP_TABLES, Action.DROP, ObjectType.TABLE, null, table.name(), "", true);
		}
	}

	private void alteredTable(Table source, Table target) {
		String table = target.name();
		if (!Objects.equals(source.comment(), target.comment())) {
			add(Phase.ALTER_TABLES, Action.ALTER, ObjectType.TABLE, null, table,
					"comment " + quoted(source.comment()) + " -> " + quoted(target.comment()), false);
		}
		columns(source, target);
		primaryKey(source, target);
		compare(table, ObjectType.UNIQUE_CONSTRAINT, source.uniqueConstraints(), target.uniqueConstraints(),
				UniqueConstraint::name, (unique) -> "columns " + columnNames(unique.columns()),
				(before, after) -> difference("columns", columnNames(before.columns()), columnNames(after.columns())));
		compare(table, ObjectType.INDEX, source.indexes(), target.indexes(), Index::name, ChangeFinder::describe,
				ChangeFinder::alteration);
		compare(table, ObjectType.CHECK, source.checks(), target.checks(), Check::name, Check::expression,
				(before, after) -> difference("expression", before.expression(), after.expression()));
		compare(table, ObjectType.FOREIGN_KEY, source.foreignKeys(), target.foreignKeys(), ForeignKey::name,
				ChangeFinder::describe, ChangeFinder::alteration);
	}

	private void columns(Table source, Table target) {
		String table = target.name();
		// added before dropped, so that a table whose every column changes keeps one
		for (Column column : target.columns()) {
			if (source.column(column.name()).isEmpty()) {
				add(Phase.ALTER_TABLES, Action.CREATE, ObjectType.COLUMN, table, column.name(), describe(column),
						false);
			}
		}
		for (Column after : target.columns()) {
			Optional<Column> before = source.column(after.name());
			if (before.isPresent() && !before.get().equals(after)) {
				boolean narrows = !before.get().type().equals(after.type())
						&& ColumnTypes.narrows(before.get().type(), after.type());
				add(Phase.ALTER_TABLES, Action.ALTER, ObjectType.COLUMN, table, after.name(),
						alteration(before.get(), after), narrows);
			}
		}
		for (Column column : source.columns()) {
			if (target.column(column.name()).isEmpty()) {
				add(Phase.ALTER_TABLES, Action.DROP, ObjectType.COLUMN, table, column.name(), "", true);
			}
		}
	}

	private void primaryKey(Table source, Table target) {
		PrimaryKey before = source.primaryKey();
		PrimaryKey after = target.primaryKey();
		String table = target.name();
		if (before != null && after == null) {
			add(Phase.DROP_KEYS, Action.DROP, ObjectType.PRIMARY_KEY, table, primaryKeyName(before), "", false);
		}
		else if (before == null && after != null) {
			add(Phase.CREATE_KEYS, Action.CREATE, ObjectType.PRIMARY_KEY, table, primaryKeyName(after),
					"columns " + columnNames(after.columns()), false);
		}
		else if (before != null && after != null && !before.equals(after)) {
			List<String> details = new ArrayList<>();
			changed(details, "name", primaryKeyName(before), primaryKeyName(after));
			changed(details, "columns", columnNames(before.columns()), columnNames(after.columns()));
			add(Phase.CREATE_KEYS, Action.ALTER, ObjectType.PRIMARY_KEY, table, primaryKeyName(after),
					String.join(", ", details), false);
		}
	}

	private <T> void compare(String table, ObjectType type, List<T> sources, List<T> targets, Function<T, String> name,
			Function<T, String> definition, Alteration<T> alteration) {
		Map<String, T> before = byName(sources, name);
		Map<String, T> after = byName(targets, name);
		Phase drops = (type == ObjectType.FOREIGN_KEY) ? Phase.DROP_DEPENDENTS : Phase.DROP_KEYS;
		Phase creates = (type == ObjectType.FOREIGN_KEY) ? Phase.CREATE_FOREIGN_KEYS : Phase.CREATE_KEYS;
		before.forEach((key, object) -> {
			if (!after.containsKey(key)) {
				add(drops, Action.DROP, type, table, key, "", false);
			}
		});
		after.forEach((key, object) -> {
			T previous = before.get(key);
			if (previous == null) {
				add(creates, Action.CREATE, type, table, key, definition.apply(object), false);
			}
			else if (!previous.equals(object)) {
				add(creates, Action.ALTER, type, table, key, alteration.describe(previous, object), false);
			}
		});
	}

	private void views() {
		Map<String, View> before = byName(this.from.views(), View::name);
		Map<String, View> after = byName(this.to.views(), View::name);
		before.keySet()
			.stream()
			.filter((name) -> !after.containsKey(name))
			.forEach((name) -> add(Phase.DROP_DEPENDENTS, Action.DROP, ObjectType.VIEW, null, name, "", false));
		after.forEach((name, view) -> {
			View previous = before.get(name);
			if (previous == null) {
				add(Phase.CREATE_DEPENDENTS, Action.CREATE, ObjectType.VIEW, null, name, view.definition(), false);
			}
			else if (!previous.equals(view)) {
				add(Phase.CREATE_DEPENDENTS, Action.ALTER, ObjectType.VIEW, null, name,
						"definition " + previous.definition() + " -> " + view.definition(), false);
			}
		});
	}

	private void objects() {
		Function<SchemaObject, String> key = (object) -> object.kind() + " " + object.name();
		Map<String, SchemaObject> before = byName(this.from.objects(), key);
		Map<String, SchemaObject> after = byName(this.to.objects(), key);
		before.forEach((name, object) -> {
			if (!after.containsKey(name)) {
				Phase phase = isType(object) ? Phase.DROP_TYPES : Phase.DROP_DEPENDENTS;
				add(phase, Action.DROP, ObjectType.of(object.kind()), null, object.name(), "", false);
			}
		});
		after.forEach((name, object) -> {
			SchemaObject previous = before.get(name);
			Phase phase = isType(object) ? Phase.CREATE_TYPES : Phase.CREATE_DEPENDENTS;
			if (previous == null) {
				add(phase, Action.CREATE, ObjectType.of(object.kind()), null, object.name(), "", false);
			}
			else if (!previous.equals(object)) {
				add(phase, Action.ALTER, ObjectType.of(object.kind()), null, object.name(), "definition changed",
						false);
			}
		});
	}

	private static boolean isType(SchemaObject object) {
		return object.kind() == SchemaObject.Kind.SEQUENCE || object.kind() == SchemaObject.Kind.ENUM
				|| object.kind() == SchemaObject.Kind.DOMAIN || object.kind() == SchemaObject.Kind.TYPE;
	}

	private void add(Phase phase, Action action, ObjectType type, @Nullable String table, String name, String detail,
			boolean destructive) {
		Objects.requireNonNull(this.phases.get(phase))
			.add(new CatalogChange(action, type, table, name, detail, destructive));
	}

	private static <T> Map<String, T> byName(List<T> objects, Function<T, String> name) {
		Map<String, T> byName = new TreeMap<>();
		objects.forEach((object) -> byName.put(name.apply(object), object));
		return byName;
	}

	static String describe(Column column) {
		StringBuilder text = new StringBuilder(column.type()).append(column.nullable() ? " null" : " not null");
		if (column.defaultValue() != null) {
			text.append(" default ").append(column.defaultValue());
		}
		if (column.autoIncrement()) {
			text.append(" auto increment");
		}
		if (column.comment() != null) {
			text.append(" comment ").append(quoted(column.comment()));
		}
		return text.toString();
	}

	private static String alteration(Column before, Column after) {
		List<String> details = new ArrayList<>();
		changed(details, "type", before.type(), after.type());
		if (before.nullable() != after.nullable()) {
			details.add(before.nullable() ? "nullable -> not null" : "not null -> nullable");
		}
		changed(details, "default", Objects.toString(before.defaultValue(), "none"),
				Objects.toString(after.defaultValue(), "none"));
		if (before.autoIncrement() != after.autoIncrement()) {
			details.add(after.autoIncrement() ? "auto increment added" : "auto increment removed");
		}
		changed(details, "comment", quoted(before.comment()), quoted(after.comment()));
		return String.join(", ", details);
	}

	private static String describe(Index index) {
		return (index.unique() ? "unique " : "") + "columns " + columnNames(index.columns());
	}

	private static String alteration(Index before, Index after) {
		List<String> details = new ArrayList<>();
		if (before.unique() != after.unique()) {
			details.add(before.unique() ? "unique -> not unique" : "not unique -> unique");
		}
		changed(details, "columns", columnNames(before.columns()), columnNames(after.columns()));
		return String.join(", ", details);
	}

	private static String describe(ForeignKey key) {
		return "columns " + columnNames(key.columns()) + " references " + references(key) + " on delete "
				+ key.onDelete() + " on update " + key.onUpdate();
	}

	private static String alteration(ForeignKey before, ForeignKey after) {
		List<String> details = new ArrayList<>();
		changed(details, "columns", columnNames(before.columns()), columnNames(after.columns()));
		changed(details, "references", references(before), references(after));
		changed(details, "on delete", before.onDelete(), after.onDelete());
		changed(details, "on update", before.onUpdate(), after.onUpdate());
		return String.join(", ", details);
	}

	private static String references(ForeignKey key) {
		return key.referencedTable() + " " + columnNames(key.referencedColumns());
	}

	/**
	 * Add {@code what before -> after} to the details when the two differ.
	 */
	private static void changed(List<String> details, String what, String before, String after) {
		if (!before.equals(after)) {
			details.add(difference(what, before, after));
		}
	}

	private static String difference(String what, String before, String after) {
		return what + " " + before + " -> " + after;
	}

	static String columnNames(List<String> columns) {
		return "(" + String.join(", ", columns) + ")";
	}

	private static String primaryKeyName(PrimaryKey key) {
		return (key.name() != null) ? key.name() : "PRIMARY";
	}

	private static String quoted(@Nullable String text) {
		return (text != null) ? "'" + text.replace("'", "''") + "'" : "none";
	}

	/**
	 * How an object that exists on both sides differs, in words.
	 */
	@FunctionalInterface
	private interface Alteration<T> {

		String describe(T before, T after);

	}

	/**
	 * The groups of changes, in the order they apply.
	 */
	enum Phase {

		DROP_DEPENDENTS, DROP_KEYS, CREATE_TYPES, CREATE_TABLES, ALTER_TABLES, DROP_TABLES, DROP_TYPES, CREATE_KEYS,
		CREATE_FOREIGN_KEYS, CREATE_DEPENDENTS

	}

	/**
	 * Tables in the order a foreign key needs: each after the tables it references, among
	 * the given ones, and the foreign keys that close a cycle, which cannot be created
	 * with their table or dropped with it.
	 */
	record DependencyOrder(List<Table> tables, List<Map.Entry<String, ForeignKey>> cycles) {

		static DependencyOrder of(List<Table> tables) {
			Map<String, Table> byName = byName(tables, Table::name);
			Set<String> done = new LinkedHashSet<>();
			Set<String> visiting = new HashSet<>();
			List<Map.Entry<String, ForeignKey>> cycles = new ArrayList<>();
			for (String name : byName.keySet()) {
				visit(name, byName, done, visiting, cycles);
			}
			return new DependencyOrder(done.stream().map(byName::get).toList(), cycles);
		}

		private static void visit(String name, Map<String, Table> tables, Set<String> done, Set<String> visiting,
				List<Map.Entry<String, ForeignKey>> cycles) {
			if (done.contains(name)) {
				return;
			}
			visiting.add(name);
			for (ForeignKey key : Objects.requireNonNull(tables.get(name)).foreignKeys()) {
				String referenced = key.referencedTable();
				if (referenced.equals(name) || !tables.containsKey(referenced) || done.contains(referenced)) {
					continue;
				}
				if (visiting.contains(referenced)) {
					cycles.add(Map.entry(name, key));
				}
				else {
					visit(referenced, tables, done, visiting, cycles);
				}
			}
			visiting.remove(name);
			done.add(name);
		}

	}

}
