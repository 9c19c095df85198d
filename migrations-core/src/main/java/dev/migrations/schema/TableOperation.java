package dev.migrations.schema;

import java.util.ArrayList;
import java.util.List;

/**
 * The table operations the schema builder records: immutable values that every dialect
 * renders to its own SQL, that describe themselves in dialect-neutral canonical text for
 * the checksum, and that know their inverse when they have one. Users record them through
 * {@link Schema} and {@link Blueprint}; dialects read them. Thread-safe.
 */
public sealed interface TableOperation extends SchemaOperation {

	/**
	 * Return the table the operation works on (for a rename, its current name).
	 * @return the table
	 */
	String table();

	/**
	 * Create a table with its columns, primary key, indexes and foreign keys. The inverse
	 * drops it.
	 *
	 * @param table the table
	 * @param columns the columns, in order
	 * @param primaryKey the primary key columns, empty when the table has none
	 * @param indexes the indexes created with the table
	 * @param foreignKeys the foreign keys declared with the table
	 */
	record CreateTable(String table, List<Column> columns, List<String> primaryKey, List<Index> indexes,
			List<ForeignKey> foreignKeys) implements TableOperation {

		public CreateTable {
			Identifiers.check(table, "table");
			if (columns.isEmpty()) {
				throw new IllegalArgumentException("Table " + table + " must have at least one column");
			}
			columns = List.copyOf(columns);
			primaryKey = List.copyOf(primaryKey);
			indexes = List.copyOf(indexes);
			foreignKeys = List.copyOf(foreignKeys);
		}

		@Override
		public String canonical() {
			List<String> parts = new ArrayList<>();
			this.columns.forEach((column) -> parts.add(column.canonical()));
			if (!this.primaryKey.isEmpty() && this.columns.stream().noneMatch(Column::primary)) {
				parts.add("primary (" + String.join(", ", this.primaryKey) + ")");
			}
			this.indexes.forEach((index) -> parts.add(index.canonical()));
			this.foreignKeys.forEach((foreignKey) -> parts.add(foreignKey.canonical()));
			return "create table " + this.table + " (" + String.join(", ", parts) + ")";
		}

		@Override
		public SchemaOperation inverse() {
			return new DropTable(this.table, false);
		}

		@Override
		public String describe() {
			return "create table " + this.table;
		}

	}

	/**
	 * Drop a table. Irreversible: the inverse would need the table's definition and data.
	 *
	 * @param table the table
	 * @param ifExists whether a missing table is ignored
	 */
	record DropTable(String table, boolean ifExists) implements TableOperation {

		public DropTable {
			Identifiers.check(table, "table");
		}

		@Override
		public String canonical() {
			return "drop table " + (this.ifExists ? "if exists " : "") + this.table;
		}

		@Override
		public String describe() {
			return canonical();
		}

	}

	/**
	 * Rename a table. The inverse renames it back.
	 *
	 * @param table the current name
	 * @param newName the new name
	 */
	record RenameTable(String table, String newName) implements TableOperation {

		public RenameTable {
			Identifiers.check(table, "table");
			Identifiers.check(newName, "table");
		}

		@Override
		public String canonical() {
			return "rename table " + this.table + " to " + this.newName;
		}

		@Override
		public SchemaOperation inverse() {
			return new RenameTable(this.newName, this.table);
		}

		@Override
		public String describe() {
			return canonical();
		}

	}

	/**
	 * Add a column to a table. The inverse drops it.
	 *
	 * @param table the table
	 * @param column the column
	 */
	record AddColumn(String table, Column column) implements TableOperation {

		public AddColumn {
			Identifiers.check(table, "table");
		}

		@Override
		public String canonical() {
			return "alter table " + this.table + " add column " + this.column.canonical();
		}

		@Override
		public SchemaOperation inverse() {
			return new DropColumn(this.table, this.column.name());
		}

		@Override
		public String describe() {
			return "add column " + this.column.name() + " to table " + this.table;
		}

	}

	/**
	 * Drop a column. Irreversible: the inverse would need the column's definition and
	 * data.
	 *
	 * @param table the table
	 * @param column the column
	 */
	record DropColumn(String table, String column) implements TableOperation {

		public DropColumn {
			Identifiers.check(table, "table");
			Identifiers.check(column, "column");
		}

		@Override
		public String canonical() {
			return "alter table " + this.table + " drop column " + this.column;
		}

		@Override
		public String describe() {
			return "drop column " + this.column + " of table " + this.table;
		}

	}

	/**
	 * Rename a column. The inverse renames it back.
	 *
	 * @param table the table
	 * @param column the current name
	 * @param newName the new name
	 */
	record RenameColumn(String table, String column, String newName) implements TableOperation {

		public RenameColumn {
			Identifiers.check(table, "table");
			Identifiers.check(column, "column");
			Identifiers.check(newName, "column");
		}

		@Override
		public String canonical() {
			return "alter table " + this.table + " rename column " + this.column + " to " + this.newName;
		}

		@Override
		public SchemaOperation inverse() {
			return new RenameColumn(this.table, this.newName, this.column);
		}

		@Override
		public String describe() {
			return "rename column " + this.column + " of table " + this.table + " to " + this.newName;
		}

	}

	/**
	 * Change an existing column to a new definition: its type, nullability, default and
	 * comment all become what the definition says. Irreversible: the inverse would need
	 * the previous definition.
	 *
	 * @param table the table
	 * @param column the new definition of the column
	 */
	record ChangeColumn(String table, Column column) implements TableOperation {

		public ChangeColumn {
			Identifiers.check(table, "table");
			if (column.autoIncrement() || column.primary()) {
				throw new IllegalArgumentException("Column " + column.name() + " of table " + table
						+ " cannot be changed into an auto-increment or primary key column");
			}
		}

		@Override
		public String canonical() {
			return "alter table " + this.table + " change column " + this.column.canonical();
		}

		@Override
		public String describe() {
			return "change column " + this.column.name() + " of table " + this.table;
		}

	}

	/**
	 * Add an index or unique index. The inverse drops it.
	 *
	 * @param table the table
	 * @param index the index
	 */
	record AddIndex(String table, Index index) implements TableOperation {

		public AddIndex {
			Identifiers.check(table, "table");
		}

		@Override
		public String canonical() {
			return "alter table " + this.table + " add " + this.index.canonical();
		}

		@Override
		public SchemaOperation inverse() {
			return new DropIndex(this.table, this.index.name());
		}

		@Override
		public String describe() {
			return "add " + (this.index.unique() ? "unique index " : "index ") + this.index.name() + " to table "
					+ this.table;
		}

	}

	/**
	 * Drop an index or unique index by name. Irreversible: the inverse would need the
	 * index's columns.
	 *
	 * @param table the table
	 * @param name the index name
	 */
	record DropIndex(String table, String name) implements TableOperation {

		public DropIndex {
			Identifiers.check(table, "table");
			Identifiers.check(name, "index");
		}

		@Override
		public String canonical() {
			return "alter table " + this.table + " drop index " + this.name;
		}

		@Override
		public String describe() {
			return "drop index " + this.name + " of table " + this.table;
		}

	}

	/**
	 * Add a foreign key. The inverse drops it.
	 *
	 * @param table the table
	 * @param foreignKey the foreign key
	 */
	record AddForeignKey(String table, ForeignKey foreignKey) implements TableOperation {

		public AddForeignKey {
			Identifiers.check(table, "table");
		}

		@Override
		public String canonical() {
			return "alter table " + this.table + " add " + this.foreignKey.canonical();
		}

		@Override
		public SchemaOperation inverse() {
			return new DropForeignKey(this.table, this.foreignKey.name());
		}

		@Override
		public String describe() {
			return "add foreign key " + this.foreignKey.name() + " to table " + this.table;
		}

	}

	/**
	 * Drop a foreign key by name. Irreversible: the inverse would need its definition.
	 *
	 * @param table the table
	 * @param name the constraint name
	 */
	record DropForeignKey(String table, String name) implements TableOperation {

		public DropForeignKey {
			Identifiers.check(table, "table");
			Identifiers.check(name, "foreign key");
		}

		@Override
		public String canonical() {
			return "alter table " + this.table + " drop foreign " + this.name;
		}

		@Override
		public String describe() {
			return "drop foreign key " + this.name + " of table " + this.table;
		}

	}

}
