package dev.migrations.schema;

import java.math.BigDecimal;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The immutable definition of one column, as recorded by a {@link ColumnDefinition} and
 * rendered by a dialect. Thread-safe.
 *
 * @param name the column name
 * @param type the dialect-neutral type
 * @param length the length of a {@link ColumnType#STRING}, otherwise 0
 * @param precision the precision of a {@link ColumnType#DECIMAL}, otherwise 0
 * @param scale the scale of a {@link ColumnType#DECIMAL}, otherwise 0
 * @param nullable whether the column accepts null
 * @param defaultValue the literal default: a {@link String}, {@link Number} or
 * {@link Boolean}, or {@code null}
 * @param defaultExpression an SQL expression used as default, written as-is, or
 * {@code null}
 * @param primary whether the column alone is the primary key
 * @param comment the column comment, or {@code null}
 */
public record Column(String name, ColumnType type, int length, int precision, int scale, boolean nullable,
		@Nullable Object defaultValue, @Nullable String defaultExpression, boolean primary, @Nullable String comment) {

	public Column {
		Identifiers.check(name, "column");
		Objects.requireNonNull(type, "type must not be null");
		if (defaultValue != null && !(defaultValue instanceof String || defaultValue instanceof Number
				|| defaultValue instanceof Boolean)) {
			throw new IllegalArgumentException("The default of column " + name
					+ " must be a String, Number or Boolean, was " + defaultValue.getClass().getName());
		}
		if (defaultValue != null) {
			requireFinite(name, defaultValue);
		}
		if (defaultValue != null && defaultExpression != null) {
			throw new IllegalArgumentException("Column " + name + " has both a default value and a default expression");
		}
	}

	/**
	 * Refuse a {@code NaN} or infinite default, which has no SQL literal: it would be
	 * written as {@code NaN} or {@code Infinity}, which databases read as a column name.
	 */
	static void requireFinite(String name, Object value) {
		if ((value instanceof Double wide && !Double.isFinite(wide))
				|| (value instanceof Float single && !Float.isFinite(single))) {
			throw new IllegalArgumentException("The default of column " + name + " must be a finite number, was "
					+ value + ", which has no SQL literal");
		}
	}

	/**
	 * Whether the database generates the values of this column.
	 * @return whether the column auto-increments
	 */
	public boolean autoIncrement() {
		return this.type == ColumnType.BIG_INCREMENTS;
	}

	/**
	 * Return the type with its length or precision, as in canonical text:
	 * {@code string(255)}, {@code decimal(8, 2)}.
	 * @return the canonical type
	 */
	public String canonicalType() {
		return switch (this.type) {
			case STRING -> "string(" + this.length + ")";
			case DECIMAL -> "decimal(" + this.precision + ", " + this.scale + ")";
			default -> this.type.canonicalName();
		};
	}

	/**
	 * Return the dialect-neutral text of this column, such as
	 * {@code email string(255) notNull default('x')}.
	 * @return the canonical text
	 */
	public String canonical() {
		StringBuilder text = new StringBuilder(this.name).append(' ').append(canonicalType());
		text.append(this.nullable ? " nullable" : " notNull");
		if (this.defaultValue != null) {
			text.append(" default(").append(canonicalLiteral(this.defaultValue)).append(')');
		}
		if (this.defaultExpression != null) {
			text.append(" defaultExpression(").append(this.defaultExpression).append(')');
		}
		if (this.primary) {
			text.append(" primary");
		}
		if (this.comment != null) {
			text.append(" comment(").append(Identifiers.quoted(this.comment)).append(')');
		}
		return text.toString();
	}

	private static String canonicalLiteral(Object value) {
		if (value instanceof String string) {
			return Identifiers.quoted(string);
		}
		if (value instanceof Number number && !(number instanceof Double || number instanceof Float)) {
			return new BigDecimal(number.toString()).toPlainString();
		}
		return value.toString();
	}

}
