package dev.migrations.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import dev.migrations.schema.TableOperation.AddColumn;
import dev.migrations.schema.TableOperation.AddForeignKey;
import dev.migrations.schema.TableOperation.AddIndex;
import dev.migrations.schema.TableOperation.ChangeColumn;
import dev.migrations.schema.TableOperation.CreateTable;
import dev.migrations.schema.TableOperation.DropColumn;
import dev.migrations.schema.TableOperation.DropForeignKey;
import dev.migrations.schema.TableOperation.DropIndex;
import dev.migrations.schema.TableOperation.RenameColumn;

/**
 * The definition of one table, passed to the callbacks of {@link Schema#create} and
 * {@link Schema#table}: columns, indexes, keys and, when altering, the changes to make.
 * Everything is recorded in call order and read when the callback returns. Not
 * thread-safe.
 */
public final class Blueprint {

	private final String table;

	private final boolean creating;

	private final List<Entry> entries = new ArrayList<>();

	private List<String> primaryKey = List.of();

	Blueprint(String table, boolean creating) {
		this.table = Identifiers.check(table, "table");
		this.creating = creating;
	}

	/**
	 * Add an auto-incrementing 64-bit primary key column named {@code id}.
	 * @return the column
	 */
	public ColumnDefinition id() {
		return bigIncrements("id");
	}

	/**
	 * Add an auto-incrementing 64-bit primary key column.
	 * @param name the column name
	 * @return the column
	 */
	public ColumnDefinition id(String name) {
		return bigIncrements(name);
	}

	/**
	 * Add an auto-incrementing 64-bit primary key column.
	 * @param name the column name
	 * @return the column
	 */
	public ColumnDefinition bigIncrements(String name) {
		return column(name, ColumnType.BIG_INCREMENTS);
	}

	/**
	 * Add a 32-bit integer column.
	 * @param name the column name
	 * @return the column
	 */
	public ColumnDefinition integer(String name) {
		return column(name, ColumnType.INTEGER);
	}

	/**
	 * Add a 64-bit integer column.
	 * @param name the column name
	 * @return the column
	 */
	public ColumnDefinition bigInteger(String name) {
		return column(name, ColumnType.BIG_INTEGER);
	}

	/**
	 * Add a 16-bit integer column.
	 * @param name the column name
	 * @return the column
	 */
	public ColumnDefinition smallInteger(String name) {
		return column(name, ColumnType.SMALL_INTEGER);
	}

	/**
	 * Add an exact numeric column.
	 * @param name the column name
	 * @param precision the total number of digits, 1 to 65
	 * @param scale the digits after the decimal point, 0 to {@code precision}
	 * @return the column
	 */
	public ColumnDefinition decimal(String name, int precision, int scale) {
		if (precision < 1 || precision > 65 || scale < 0 || scale > precision) {
			throw new IllegalArgumentException("decimal(" + precision + ", " + scale + ") of column " + name
					+ " is invalid: precision must be 1 to 65 and scale 0 to precision");
		}
		return add(new ColumnDefinition(this, name, ColumnType.DECIMAL, 0, precision, scale));
	}

	/**
	 * Add a single-precision floating-point column.
	 * @param name the column name
	 * @return the column
	 */
	public ColumnDefinition floatColumn(String name) {
		return column(name, ColumnType.FLOAT);
	}

	/**
	 * Add a double-precision floating-point column.
	 * @param name the column name
	 * @return the column
	 */
	public ColumnDefinition doubleColumn(String name) {
		return column(name, ColumnType.DOUBLE);
	}

	/**
	 * Add a boolean column.
	 * @param name the column name
	 * @return the column
	 */
	public ColumnDefinition booleanColumn(String name) {
		return column(name, ColumnType.BOOLEAN);
	}

	/**
	 * Add a string column of at most 255 characters.
	 * @param name the column name
	 * @return the column
	 */
	public ColumnDefinition string(String name) {
		return string(name, 255);
	}

	/**
	 * Add a string column.
	 * @param name the column name
	 * @param length the maximum number of characters, 1 to 16383
	 * @return the column
	 */
	public ColumnDefinition string(String name, int length) {
		if (length < 1 || length > 16383) {
			throw new IllegalArgumentException(
					"string(" + length + ") of column " + name + " is invalid: length must be 1 to 16383; use text()");
		}
		return add(new ColumnDefinition(this, name, ColumnType.STRING, length, 0, 0));
	}

	/**
	 * Add a text column without a declared length.
	 * @param name the column name
	 * @return the column
	 */
	public ColumnDefinition text(String name) {
		return column(name, ColumnType.TEXT);
	}

	/**
	 * Add a date column.
	 * @param name the column name
	 * @return the column
	 */
	public ColumnDefinition date(String name) {
		return column(name, ColumnType.DATE);
	}

	/**
	 * Add a time-of-day column.
	 * @param name the column name
	 * @return the column
	 */
	public ColumnDefinition time(String name) {
		return column(name, ColumnType.TIME);
	}

	/**
	 * Add a date and time column without time zone.
	 * @param name the column name
	 * @return the column
	 */
	public ColumnDefinition timestamp(String name) {
		return column(name, ColumnType.TIMESTAMP);
	}

	/**
	 * Add a date and time column with time zone where the database has one.
	 * @param name the column name
	 * @return the column
	 */
	public ColumnDefinition timestampTz(String name) {
		return column(name, ColumnType.TIMESTAMP_TZ);
	}

	/**
	 * Add a UUID column.
	 * @param name the column name
	 * @return the column
	 */
	public ColumnDefinition uuid(String name) {
		return column(name, ColumnType.UUID);
	}

	/**
	 * Add a JSON column ({@code JSONB} on PostgreSQL).
	 * @param name the column name
	 * @return the column
	 */
	public ColumnDefinition json(String name) {
		return column(name, ColumnType.JSON);
	}

	/**
	 * Add a binary column.
	 * @param name the column name
	 * @return the column
	 */
	public ColumnDefinition binary(String name) {
		return column(name, ColumnType.BINARY);
	}

	/**
	 * Add a column of a type that needs no length or precision.
	 * @param name the column name
	 * @param type the type; {@link ColumnType#STRING} gets length 255,
	 * {@link ColumnType#DECIMAL} needs {@link #decimal(String, int, int)}
	 * @return the column
	 */
	public ColumnDefinition column(String name, ColumnType type) {
		if (type == ColumnType.DECIMAL) {
			throw new IllegalArgumentException("Column " + name + ": use decimal(name, precision, scale)");
		}
		if (type == ColumnType.STRING) {
			return string(name);
		}
		return add(new ColumnDefinition(this, name, type, 0, 0, 0));
	}

	/**
	 * Add nullable {@code created_at} and {@code updated_at} timestamp columns.
	 */
	public void timestamps() {
		timestamp("created_at").nullable();
		timestamp("updated_at").nullable();
	}

	/**
	 * Add a 64-bit integer column meant to reference another table's {@code id}; follow
	 * with {@link ColumnDefinition#constrained()} to add the foreign key.
	 * @param name the column name, such as {@code team_id}
	 * @return the column
	 */
	public ColumnDefinition foreignId(String name) {
		return bigInteger(name);
	}

	/**
	 * Add an index.
	 * @param columns the indexed columns, in order
	 * @return the index, to name it
	 */
	public IndexDefinition index(String... columns) {
		return add(new IndexDefinition(this.table, List.of(columns), false));
	}

	/**
	 * Add a unique index.
	 * @param columns the columns that are unique together, in order
	 * @return the index, to name it
	 */
	public IndexDefinition unique(String... columns) {
		return add(new IndexDefinition(this.table, List.of(columns), true));
	}

	/**
	 * Make columns the (composite) primary key of a new table. Only inside
	 * {@link Schema#create}.
	 * @param columns the key columns, in order
	 */
	public void primary(String... columns) {
		if (!this.creating) {
			throw new IllegalStateException("primary(...) is only available in schema.create(...): table " + this.table
					+ " already has its primary key");
		}
		if (!this.primaryKey.isEmpty()) {
			throw new IllegalStateException("Table " + this.table + " already has primary key " + this.primaryKey);
		}
		this.primaryKey = Identifiers.checkAll(List.of(columns), "primary key column");
	}

	/**
	 * Add a foreign key.
	 * @param columns the referencing columns
	 * @return the foreign key, to say what it references
	 */
	public ForeignKeyDefinition foreign(String... columns) {
		return add(new ForeignKeyDefinition(this.table, List.of(columns)));
	}

	/**
	 * Drop columns. Only inside {@link Schema#table}; irreversible. SQLite cannot drop a
	 * column that is indexed or part of a key.
	 * @param columns the columns
	 */
	public void dropColumn(String... columns) {
		requireAlter("dropColumn(...)");
		for (String column : Identifiers.checkAll(List.of(columns), "column")) {
			add(new DropColumn(this.table, column));
		}
	}

	/**
	 * Rename a column. Only inside {@link Schema#table}; reversible.
	 * @param from the current name
	 * @param to the new name
	 */
	public void renameColumn(String from, String to) {
		requireAlter("renameColumn(...)");
		add(new RenameColumn(this.table, from, to));
	}

	/**
	 * Drop an index by name. Only inside {@link Schema#table}; irreversible.
	 * @param name the index name
	 */
	public void dropIndex(String name) {
		requireAlter("dropIndex(...)");
		add(new DropIndex(this.table, name));
	}

	/**
	 * Drop the index with the default name for these columns. Only inside
	 * {@link Schema#table}; irreversible.
	 * @param columns the indexed columns, in order
	 */
	public void dropIndex(List<String> columns) {
		dropIndex(Identifiers.generatedName(this.table, Identifiers.checkAll(columns, "index column"), "index"));
	}

	/**
	 * Drop a unique index by name. Only inside {@link Schema#table}; irreversible.
	 * @param name the index name
	 */
	public void dropUnique(String name) {
		dropIndex(name);
	}

	/**
	 * Drop the unique index with the default name for these columns. Only inside
	 * {@link Schema#table}; irreversible.
	 * @param columns the indexed columns, in order
	 */
	public void dropUnique(List<String> columns) {
		dropIndex(Identifiers.generatedName(this.table, Identifiers.checkAll(columns, "index column"), "unique"));
	}

	/**
	 * Drop a foreign key by name. Only inside {@link Schema#table}; irreversible; not
	 * supported by SQLite.
	 * @param name the constraint name
	 */
	public void dropForeign(String name) {
		requireAlter("dropForeign(...)");
		add(new DropForeignKey(this.table, name));
	}

	/**
	 * Drop the foreign key with the default name for these columns. Only inside
	 * {@link Schema#table}; irreversible; not supported by SQLite.
	 * @param columns the referencing columns
	 */
	public void dropForeign(List<String> columns) {
		dropForeign(
				Identifiers.generatedName(this.table, Identifiers.checkAll(columns, "foreign key column"), "foreign"));
	}

	void requireAlter(String method) {
		if (this.creating) {
			throw new IllegalStateException(
					method + " is only available in schema.table(...), not while creating table " + this.table);
		}
	}

	private ColumnDefinition add(ColumnDefinition column) {
		this.entries.add(new Entry((parts) -> {
			parts.columns().add(column.toColumn());
			if (column.isUnique()) {
				parts.indexes().add(uniqueIndex(column));
			}
		}, (operations) -> {
			operations.add(column.isChange() ? new ChangeColumn(this.table, column.toColumn())
					: new AddColumn(this.table, column.toColumn()));
			if (column.isUnique()) {
				operations.add(new AddIndex(this.table, uniqueIndex(column)));
			}
		}));
		return column;
	}

	private IndexDefinition add(IndexDefinition index) {
		this.entries.add(new Entry((parts) -> parts.indexes().add(index.toIndex()),
				(operations) -> operations.add(new AddIndex(this.table, index.toIndex()))));
		return index;
	}

	private ForeignKeyDefinition add(ForeignKeyDefinition foreignKey) {
		this.entries.add(new Entry((parts) -> parts.foreignKeys().add(foreignKey.toForeignKey()),
				(operations) -> operations.add(new AddForeignKey(this.table, foreignKey.toForeignKey()))));
		return foreignKey;
	}

	/**
	 * Add an operation that only altering a table has (a drop or a rename).
	 */
	private void add(TableOperation operation) {
		this.entries.add(new Entry((parts) -> {
		}, (operations) -> operations.add(operation)));
	}

	/**
	 * Return the operation that creates the table.
	 */
	CreateTable toCreateTable() {
		Parts parts = new Parts(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
		this.entries.forEach((entry) -> entry.create().accept(parts));
		return new CreateTable(this.table, parts.columns(), primaryKey(parts.columns()), parts.indexes(),
				parts.foreignKeys());
	}

	/**
	 * Return the operations that alter the table, in call order.
	 */
	List<TableOperation> toAlterOperations() {
		List<TableOperation> operations = new ArrayList<>();
		this.entries.forEach((entry) -> entry.alter().accept(operations));
		return operations;
	}

	private Index uniqueIndex(ColumnDefinition column) {
		return new Index(Identifiers.generatedName(this.table, List.of(column.name()), "unique"),
				List.of(column.name()), true);
	}

	private List<String> primaryKey(List<Column> columns) {
		List<String> flagged = columns.stream().filter(Column::primary).map(Column::name).toList();
		if (flagged.size() > 1) {
			throw new IllegalArgumentException("Table " + this.table + " marks " + flagged
					+ " as primary: use t.primary(" + String.join(", ", flagged) + ") for a composite key");
		}
		if (!flagged.isEmpty() && !this.primaryKey.isEmpty()) {
			throw new IllegalArgumentException("Table " + this.table + " has primary column " + flagged.get(0)
					+ " and primary key " + this.primaryKey + ": choose one");
		}
		List<String> names = columns.stream().map(Column::name).toList();
		for (String column : this.primaryKey) {
			if (!names.contains(column)) {
				throw new IllegalArgumentException(
						"Primary key column " + column + " is not a column of table " + this.table);
			}
		}
		return flagged.isEmpty() ? this.primaryKey : flagged;
	}

	/**
	 * What one call on the blueprint adds, read when the blueprint is done (a column's
	 * definition changes after it is added): to the parts of the table it creates, or to
	 * the operations that alter it.
	 */
	private record Entry(Consumer<Parts> create, Consumer<List<TableOperation>> alter) {
	}

	private record Parts(List<Column> columns, List<Index> indexes, List<ForeignKey> foreignKeys) {
	}

}
