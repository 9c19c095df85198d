package dev.migrations.schema;

import org.jspecify.annotations.Nullable;

/**
 * A column being defined inside a {@link Blueprint}, with fluent modifiers:
 * {@code t.string("email", 255).notNull().unique()}. Columns are not null unless
 * {@link #nullable()} is called. A definition is read when the blueprint's callback
 * returns; it must not be kept and changed afterwards. Not thread-safe.
 */
public final class ColumnDefinition {

	private final Blueprint blueprint;

	private final String name;

	private final ColumnType type;

	private final int length;

	private final int precision;

	private final int scale;

	private boolean nullable;

	private @Nullable Object defaultValue;

	private @Nullable String defaultExpression;

	private boolean primary;

	private boolean unique;

	private @Nullable String comment;

	private boolean change;

	ColumnDefinition(Blueprint blueprint, String name, ColumnType type, int length, int precision, int scale) {
		this.blueprint = blueprint;
		this.name = Identifiers.check(name, "column");
		this.type = type;
		this.length = length;
		this.precision = precision;
		this.scale = scale;
		this.primary = type == ColumnType.BIG_INCREMENTS;
	}

	/**
	 * Let the column hold null.
	 * @return this definition
	 */
	public ColumnDefinition nullable() {
		requireNotIncrements("nullable()");
		this.nullable = true;
		return this;
	}

	/**
	 * Refuse null in the column (the default).
	 * @return this definition
	 */
	public ColumnDefinition notNull() {
		this.nullable = false;
		return this;
	}

	/**
	 * Set a literal default value.
	 * @param value a {@link String}, {@link Number} or {@link Boolean}
	 * @return this definition
	 */
	public ColumnDefinition defaultValue(Object value) {
		requireNotIncrements("defaultValue(...)");
		if (!(value instanceof String || value instanceof Number || value instanceof Boolean)) {
			throw new IllegalArgumentException("The default of column " + this.name
					+ " must be a String, Number or Boolean, was " + ((value != null) ? value.getClass() : "null"));
		}
		Column.requireFinite(this.name, value);
		this.defaultValue = value;
		this.defaultExpression = null;
		return this;
	}

	/**
	 * Set an SQL expression as default, such as {@code CURRENT_TIMESTAMP}. It is written
	 * into the SQL as given, so it must be valid on every database the migration runs on.
	 * @param expression the expression
	 * @return this definition
	 */
	public ColumnDefinition defaultExpression(String expression) {
		requireNotIncrements("defaultExpression(...)");
		if (expression == null || expression.isBlank() || expression.contains(";")) {
			throw new IllegalArgumentException(
					"The default expression of column " + this.name + " must be a non-blank expression without ';'");
		}
		this.defaultExpression = expression.strip();
		this.defaultValue = null;
		return this;
	}

	/**
	 * Add a unique index on this column alone, named {@code TABLE_COLUMN_unique}.
	 * @return this definition
	 */
	public ColumnDefinition unique() {
		this.unique = true;
		return this;
	}

	/**
	 * Make this column alone the primary key. For a composite key use
	 * {@link Blueprint#primary(String...)}.
	 * @return this definition
	 */
	public ColumnDefinition primary() {
		this.primary = true;
		return this;
	}

	/**
	 * Set the column comment. SQLite has no comments and keeps it as an SQL comment in
	 * the table's stored definition.
	 * @param comment the comment
	 * @return this definition
	 */
	public ColumnDefinition comment(String comment) {
		if (comment == null || comment.contains("*/")) {
			throw new IllegalArgumentException("The comment of column " + this.name + " must not contain '*/'");
		}
		this.comment = comment;
		return this;
	}

	/**
	 * Change the existing column to this definition instead of adding it: type,
	 * nullability, default and comment all become what this definition says. Only inside
	 * {@link Schema#table}; irreversible; not supported by SQLite.
	 * @return this definition
	 */
	public ColumnDefinition change() {
		this.blueprint.requireAlter("change()");
		requireNotIncrements("change()");
		this.change = true;
		return this;
	}

	/**
	 * Add a foreign key from this column to the {@code id} column of the table its name
	 * points to: {@code team_id} references {@code teams (id)}, {@code category_id}
	 * references {@code categories (id)}.
	 * @return the foreign key, for {@code onDelete} and {@code onUpdate}
	 */
	public ForeignKeyDefinition constrained() {
		return constrained(guessTable(this.name));
	}

	/**
	 * Add a foreign key from this column to the {@code id} column of a table.
	 * @param table the referenced table
	 * @return the foreign key, for {@code onDelete} and {@code onUpdate}
	 */
	public ForeignKeyDefinition constrained(String table) {
		return constrained(table, "id");
	}

	/**
	 * Add a foreign key from this column to a column of a table.
	 * @param table the referenced table
	 * @param column the referenced column
	 * @return the foreign key, for {@code onDelete} and {@code onUpdate}
	 */
	public ForeignKeyDefinition constrained(String table, String column) {
		return this.blueprint.foreign(this.name).references(table, column);
	}

	boolean isUnique() {
		return this.unique;
	}

	boolean isChange() {
		return this.change;
	}

	String name() {
		return this.name;
	}

	Column toColumn() {
		return new Column(this.name, this.type, this.length, this.precision, this.scale, this.nullable,
				this.defaultValue, this.defaultExpression, this.primary, this.comment);
	}

	private void requireNotIncrements(String modifier) {
		if (this.type == ColumnType.BIG_INCREMENTS) {
			throw new IllegalArgumentException(modifier + " is not available on auto-increment column " + this.name
					+ ", which is the primary key");
		}
	}

	static String guessTable(String column) {
		if (!column.endsWith("_id") || column.length() < 4) {
			throw new IllegalArgumentException("Cannot guess the table column " + column
					+ " references: name it <singular>_id or use constrained(table)");
		}
		String singular = column.substring(0, column.length() - 3);
		if (singular.matches(".*[^aeiou]y")) {
			return singular.substring(0, singular.length() - 1) + "ies";
		}
		if (singular.matches(".*(s|x|z|ch|sh)")) {
			return singular + "es";
		}
		return singular + "s";
	}

}
