package dev.migrations.catalog;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.migrations.schema.ColumnType;
import org.jspecify.annotations.Nullable;

/**
 * A catalog's column as the schema builder defines it: its type, as the readers normalise
 * it, made one of the builder's {@link ColumnType}s, and its default, as the database
 * writes it, made a literal where it is a number or a quoted string and an expression
 * otherwise. A column the builder cannot define is refused with
 * {@link IllegalArgumentException}, whose message says why.
 */
final class BuilderColumns {

	private static final Pattern TYPE = Pattern
		.compile("^([a-z][a-z0-9 ]*?)\\s*(?:\\((\\d+)\\s*(?:,\\s*(\\d+))?\\))?$");

	private static final Pattern NUMBER = Pattern.compile("^-?\\d+(\\.\\d+)?$");

	private static final Pattern STRING = Pattern.compile("^'((?:[^']|'')*)'$");

	private static final Map<String, ColumnType> TYPES = Map.ofEntries(Map.entry("bigint", ColumnType.BIG_INTEGER),
			Map.entry("int8", ColumnType.BIG_INTEGER), Map.entry("integer", ColumnType.INTEGER),
			Map.entry("int", ColumnType.INTEGER), Map.entry("int4", ColumnType.INTEGER),
			Map.entry("smallint", ColumnType.SMALL_INTEGER), Map.entry("int2", ColumnType.SMALL_INTEGER),
			Map.entry("float", ColumnType.FLOAT), Map.entry("real", ColumnType.FLOAT),
			Map.entry("float4", ColumnType.FLOAT), Map.entry("double", ColumnType.DOUBLE),
			Map.entry("double precision", ColumnType.DOUBLE), Map.entry("float8", ColumnType.DOUBLE),
			Map.entry("boolean", ColumnType.BOOLEAN), Map.entry("bool", ColumnType.BOOLEAN),
			Map.entry("text", ColumnType.TEXT), Map.entry("mediumtext", ColumnType.TEXT),
			Map.entry("longtext", ColumnType.TEXT), Map.entry("clob", ColumnType.TEXT),
			Map.entry("character large object", ColumnType.TEXT), Map.entry("date", ColumnType.DATE),
			Map.entry("time", ColumnType.TIME), Map.entry("time without time zone", ColumnType.TIME),
			Map.entry("timestamp", ColumnType.TIMESTAMP), Map.entry("datetime", ColumnType.TIMESTAMP),
			Map.entry("timestamp without time zone", ColumnType.TIMESTAMP),
			Map.entry("timestamp with time zone", ColumnType.TIMESTAMP_TZ),
			Map.entry("timestamptz", ColumnType.TIMESTAMP_TZ), Map.entry("uuid", ColumnType.UUID),
			Map.entry("json", ColumnType.JSON), Map.entry("jsonb", ColumnType.JSON),
			Map.entry("blob", ColumnType.BINARY), Map.entry("mediumblob", ColumnType.BINARY),
			Map.entry("longblob", ColumnType.BINARY), Map.entry("bytea", ColumnType.BINARY),
			Map.entry("binary varying", ColumnType.BINARY), Map.entry("binary large object", ColumnType.BINARY));

	private BuilderColumns() {
	}

	/**
	 * Return a column as the schema builder defines it.
	 * @param column the column of a catalog
	 * @return the builder's column
	 * @throws IllegalArgumentException if the builder has no such column
	 */
	static dev.migrations.schema.Column of(Column column) {
		if (column.autoIncrement()) {
			if (!column.type().equals("bigint")) {
				throw new IllegalArgumentException("column " + column.name() + " is an auto-increment " + column.type()
						+ ", and the schema builder's only auto-increment column is a bigint");
			}
			return new dev.migrations.schema.Column(column.name(), ColumnType.BIG_INCREMENTS, 0, 0, 0, false, null,
					null, false, column.comment());
		}
		String type = column.type().strip().toLowerCase(Locale.ROOT);
		Matcher parts = TYPE.matcher(type);
		if (!parts.matches()) {
			throw noType(column);
		}
		String name = parts.group(1);
		@Nullable String first = parts.group(2);
		@Nullable String second = parts.group(3);
		ColumnType builderType = builderType(column, name, first, second);
		int length = (builderType == ColumnType.STRING && first != null) ? Integer.parseInt(first) : 0;
		int precision = (builderType == ColumnType.DECIMAL && first != null) ? Integer.parseInt(first) : 0;
		int scale = (builderType == ColumnType.DECIMAL && second != null) ? Integer.parseInt(second) : 0;
		@Nullable String written = column.defaultValue();
		Object literal = (written != null) ? literal(written) : null;
		String expression = (written != null && literal == null) ? written : null;
		return new dev.migrations.schema.Column(column.name(), builderType, length, precision, scale, column.nullable(),
				literal, expression, false, column.comment());
	}

	private static ColumnType builderType(Column column, String name, @Nullable String first, @Nullable String second) {
		if (name.equals("tinyint") && "1".equals(first) && second == null) {
			return ColumnType.BOOLEAN;
		}
		if (name.equals("varchar") || name.equals("character varying")) {
			return (first != null) ? ColumnType.STRING : ColumnType.TEXT;
		}
		if (name.equals("decimal") || name.equals("numeric")) {
			if (first == null) {
				throw new IllegalArgumentException("column " + column.name() + " has type " + column.type()
						+ " without a precision, which the schema builder's decimal needs");
			}
			return ColumnType.DECIMAL;
		}
		ColumnType type = TYPES.get(name);
		if (type == null || first != null) {
			throw noType(column);
		}
		return type;
	}

	/**
	 * Return a default written as a number or a quoted string as that literal, or
	 * {@code null} for an expression.
	 */
	private static @Nullable Object literal(String written) {
		if (NUMBER.matcher(written).matches()) {
			return new BigDecimal(written);
		}
		Matcher string = STRING.matcher(written);
		if (string.matches()) {
			return string.group(1).replace("''", "'");
		}
		return null;
	}

	private static IllegalArgumentException noType(Column column) {
		return new IllegalArgumentException(
				"column " + column.name() + " has type " + column.type() + ", which the schema builder does not have");
	}

}
