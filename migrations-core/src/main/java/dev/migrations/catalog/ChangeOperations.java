package dev.migrations.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.migrations.catalog.CatalogChange.Action;
import dev.migrations.catalog.CatalogChange.ObjectType;
import dev.migrations.schema.ReferentialAction;
import dev.migrations.schema.SchemaOperation;
import dev.migrations.schema.TableOperation.AddColumn;
import dev.migrations.schema.TableOperation.AddForeignKey;
import dev.migrations.schema.TableOperation.AddIndex;
import dev.migrations.schema.TableOperation.ChangeColumn;
import dev.migrations.schema.TableOperation.CreateTable;
import dev.migrations.schema.TableOperation.DropColumn;
import dev.migrations.schema.TableOperation.DropForeignKey;
import dev.migrations.schema.TableOperation.DropIndex;
import dev.migrations.schema.TableOperation.DropTable;

/**
 * The changes of a {@link CatalogDiff} as schema-builder operations, which any
 * {@link dev.migrations.dialect.Dialect} renders as its own SQL
 * ({@link dev.migrations.dialect.Dialect#renderStatements(List)}), and the changes the
 * builder has no operation for, each with the reason, for a caller to show (as SQL
 * comments, for example) and write by hand.
 * <p>
 * A created table is one {@link CreateTable} with its columns, primary key, indexes,
 * unique constraints (as unique indexes) and foreign keys; added, changed and dropped
 * columns, indexes, unique constraints and foreign keys are one operation each, an
 * altered index or key its drop and its creation (the drop with the other drops, before
 * anything is created). Column types become the builder's
 * {@link dev.migrations.schema.ColumnType}s, which each database writes its own way: a
 * MySQL {@code text} is created as the builder's text, {@code LONGTEXT}. Not rendered:
 * views, checks, primary keys of existing tables, table comments, the objects a database
 * has of its own, and columns of a type the builder does not have (an {@code enum}, a
 * {@code char(n)}, an unsigned integer, a timestamp with a precision), with the table
 * they are part of. Immutable and thread-safe.
 *
 * @param operations the operations, in the order of the changes
 * @param unrendered the changes, or parts of changes, that no operation writes, in the
 * order of the changes
 */
public record ChangeOperations(List<SchemaOperation> operations, List<Unrendered> unrendered) {

	public ChangeOperations {
		operations = List.copyOf(operations);
		unrendered = List.copyOf(unrendered);
	}

	static ChangeOperations of(List<CatalogChange> changes, Catalog to) {
		Mapping mapping = new Mapping(changes, to);
		changes.forEach(mapping::map);
		List<SchemaOperation> operations = new ArrayList<>(mapping.drops);
		operations.addAll(mapping.operations);
		return new ChangeOperations(operations, mapping.unrendered);
	}

	/**
	 * A change, or a part of one, that no schema-builder operation writes.
	 *
	 * @param change the change
	 * @param reason why it is not written, such as
	 * {@code the schema builder has no views}
	 */
	public record Unrendered(CatalogChange change, String reason) {

		/**
		 * Return the change and its reason as one line, as a script shows it in a
		 * comment.
		 * @return the line
		 */
		public String text() {
			return this.change.text() + " (not written: " + this.reason + ")";
		}

	}

	/**
	 * One mapping of a list of changes.
	 */
	private static final class Mapping {

		private final Catalog to;

		private final Set<String> separateForeignKeys;

		private final List<SchemaOperation> drops = new ArrayList<>();

		private final List<SchemaOperation> operations = new ArrayList<>();

		private final List<Unrendered> unrendered = new ArrayList<>();

		Mapping(List<CatalogChange> changes, Catalog to) {
			this.to = to;
			this.separateForeignKeys = changes.stream()
				.filter((change) -> change.objectType() == ObjectType.FOREIGN_KEY)
				.map((change) -> change.table() + "." + change.name())
				.collect(Collectors.toSet());
		}

		void map(CatalogChange change) {
			try {
				switch (change.objectType()) {
					case TABLE -> table(change);
					case COLUMN -> column(change);
					case UNIQUE_CONSTRAINT, INDEX -> index(change);
					case FOREIGN_KEY -> foreignKey(change);
					case PRIMARY_KEY ->
						unrendered(change, "the schema builder changes no primary key of a table " + "that exists");
					case CHECK -> unrendered(change, "the schema builder has no check constraints");
					case VIEW -> unrendered(change, "the schema builder has no views");
					default ->
						unrendered(change, "the schema builder has no " + change.objectType().words() + " operations");
				}
			}
			catch (IllegalArgumentException ex) {
				unrendered(change, Objects.toString(ex.getMessage(), ex.toString()));
			}
		}

		private void table(CatalogChange change) {
			if (change.action() == Action.DROP) {
				this.operations.add(new DropTable(change.name(), false));
			}
			else if (change.action() == Action.CREATE) {
				Table table = table(change.name());
				this.operations.add(createTable(table));
				if (table.comment() != null) {
					unrendered(change, "the schema builder sets no table comment ('" + table.comment() + "')");
				}
			}
			else {
				unrendered(change, "the schema builder sets no table comment");
			}
		}

		private CreateTable createTable(Table table) {
			List<dev.migrations.schema.Column> columns = new ArrayList<>();
			table.columns().forEach((column) -> columns.add(BuilderColumns.of(column)));
			List<dev.migrations.schema.Index> indexes = new ArrayList<>();
			table.uniqueConstraints()
				.forEach((unique) -> indexes
					.add(new dev.migrations.schema.Index(unique.name(), unique.columns(), true)));
			table.indexes().forEach((index) -> indexes.add(index(index)));
			List<dev.migrations.schema.ForeignKey> foreignKeys = table.foreignKeys()
				.stream()
				.filter((key) -> !this.separateForeignKeys.contains(table.name() + "." + key.name()))
				.map(Mapping::foreignKey)
				.toList();
			List<String> primaryKey = (table.primaryKey() != null) ? table.primaryKey().columns() : List.of();
			return new CreateTable(table.name(), columns, primaryKey, indexes, foreignKeys);
		}

		private void column(CatalogChange change) {
			String tableName = Objects.requireNonNull(change.table());
			switch (change.action()) {
				case CREATE -> this.operations.add(new AddColumn(tableName, BuilderColumns.of(targetColumn(change))));
				case ALTER -> this.operations.add(new ChangeColumn(tableName, BuilderColumns.of(targetColumn(change))));
				case DROP -> this.operations.add(new DropColumn(tableName, change.name()));
			}
		}

		private void index(CatalogChange change) {
			String tableName = Objects.requireNonNull(change.table());
			AddIndex add = null;
			if (change.action() != Action.DROP) {
				Table table = table(tableName);
				dev.migrations.schema.Index index = table.uniqueConstraints()
					.stream()
					.filter((unique) -> unique.name().equals(change.name()))
					.map((unique) -> new dev.migrations.schema.Index(unique.name(), unique.columns(), true))
					.findFirst()
					.orElseGet(() -> index(named(table.indexes(), Index::name, change)));
				add = new AddIndex(tableName, index);
			}
			if (change.action() != Action.CREATE) {
				target(change).add(new DropIndex(tableName, change.name()));
			}
			if (add != null) {
				this.operations.add(add);
			}
		}

		private void foreignKey(CatalogChange change) {
			String tableName = Objects.requireNonNull(change.table());
			AddForeignKey add = null;
			if (change.action() != Action.DROP) {
				ForeignKey key = named(table(tableName).foreignKeys(), ForeignKey::name, change);
				add = new AddForeignKey(tableName, foreignKey(key));
			}
			if (change.action() != Action.CREATE) {
				target(change).add(new DropForeignKey(tableName, change.name()));
			}
			if (add != null) {
				this.operations.add(add);
			}
		}

		/**
		 * Return where the drop of an index or key goes: with the drops, before every
		 * other operation, when it is altered (so that its drop comes before what it
		 * stands in the way of); in its place otherwise.
		 */
		private List<SchemaOperation> target(CatalogChange change) {
			return (change.action() == Action.ALTER) ? this.drops : this.operations;
		}

		private Table table(String name) {
			return this.to.table(name).orElseThrow();
		}

		private Column targetColumn(CatalogChange change) {
			return table(Objects.requireNonNull(change.table())).column(change.name()).orElseThrow();
		}

		private void unrendered(CatalogChange change, String reason) {
			this.unrendered.add(new Unrendered(change, reason));
		}

		private static <T> T named(List<T> objects, Function<T, String> name, CatalogChange change) {
			return objects.stream()
				.filter((object) -> name.apply(object).equals(change.name()))
				.findFirst()
				.orElseThrow();
		}

		private static dev.migrations.schema.Index index(Index index) {
			return new dev.migrations.schema.Index(index.name(), index.columns(), index.unique());
		}

		private static dev.migrations.schema.ForeignKey foreignKey(ForeignKey key) {
			return new dev.migrations.schema.ForeignKey(key.name(), key.columns(), key.referencedTable(),
					key.referencedColumns(), action(key.onDelete()), action(key.onUpdate()));
		}

		private static ReferentialAction action(String written) {
			String sql = written.strip().toUpperCase(Locale.ROOT);
			for (ReferentialAction action : ReferentialAction.values()) {
				if (action.sql().equals(sql)) {
					return action;
				}
			}
			throw new IllegalArgumentException("the schema builder has no referential action " + written);
		}

	}

}
