package dev.migrations.catalog;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * What changing a column's type does to the values it holds. Types are compared as the
 * catalog readers normalise them ({@link Column#type()}), with the names each database
 * uses for the same type taken as one ({@code int4} and {@code integer},
 * {@code character varying(20)} and {@code varchar(20)}, {@code datetime} and
 * {@code timestamp}).
 * <p>
 * A change <em>narrows</em> a column when a value the old type holds may not fit the new
 * one, or fits only changed: a shorter string, a smaller integer, fewer digits, a lower
 * precision, fewer enum values, a date from a timestamp, a change of kind (a string to a
 * number). Widening (a longer string, a larger integer, a number or a date to a text)
 * does not. Where databases read a name differently, the reading that narrows wins:
 * {@code float} is single precision, as on MySQL and MariaDB (PostgreSQL and H2 write
 * theirs as {@code real} and {@code double precision}); {@code text} holds 65,535 bytes,
 * as MySQL's does, less than {@code mediumtext} and {@code longtext}; a time without a
 * precision against one with a precision is taken as whichever default (6 on PostgreSQL
 * and H2, 0 on MySQL) narrows. An unknown type changed to another is taken as narrowing:
 * the guard this serves errs towards asking.
 */
public final class ColumnTypes {

	private static final Pattern TYPE = Pattern
		.compile("^([a-z][a-z0-9 ]*?)\\s*(?:\\((.*)\\))?\\s*((?:unsigned|zerofill|\\s)*)$");

	private static final Pattern TIME_PRECISION = Pattern
		.compile("^(timestamp|time)\\s*(?:\\((\\d+)\\))?\\s*(with time zone|without time zone)?$");

	private static final Map<String, String> ALIASES = Map.ofEntries(Map.entry("int", "integer"),
			Map.entry("int4", "integer"), Map.entry("int8", "bigint"), Map.entry("int2", "smallint"),
			Map.entry("serial", "integer"), Map.entry("bigserial", "bigint"), Map.entry("smallserial", "smallint"),
			Map.entry("character varying", "varchar"), Map.entry("character", "char"),
			Map.entry("varchar_ignorecase", "varchar"), Map.entry("decimal", "numeric"), Map.entry("dec", "numeric"),
			Map.entry("double precision", "double"), Map.entry("float8", "double"), Map.entry("float", "real"),
			Map.entry("float4", "real"), Map.entry("bool", "boolean"), Map.entry("datetime", "timestamp"),
			Map.entry("timestamptz", "timestamp with time zone"), Map.entry("timetz", "time with time zone"),
			Map.entry("character large object", "clob"), Map.entry("binary varying", "varbinary"),
			Map.entry("binary large object", "longblob"), Map.entry("bytea", "longblob"));

	private static final List<String> INTEGERS = List.of("boolean", "tinyint", "smallint", "mediumint", "integer",
			"bigint");

	/** The digits of the largest value of each integer type, signed. */
	private static final int[] INTEGER_DIGITS = { 1, 3, 5, 7, 10, 19 };

	/** The digits of the largest value of each integer type, unsigned. */
	private static final int[] UNSIGNED_INTEGER_DIGITS = { 1, 3, 5, 8, 10, 20 };

	/**
	 * The text types without a declared length, by how much they hold: MySQL's
	 * {@code text} holds 65,535 bytes, less than its {@code mediumtext} and
	 * {@code longtext}, so that shortening one to another narrows it.
	 */
	private static final Map<String, Long> UNBOUNDED_TEXT = Map.of("tinytext", 255L, "text", 65_535L, "mediumtext",
			16_777_215L, "longtext", Long.MAX_VALUE, "clob", Long.MAX_VALUE, "json", Long.MAX_VALUE, "jsonb",
			Long.MAX_VALUE);

	/** The binary types without a declared length, by how much they hold, as text. */
	private static final Map<String, Long> UNBOUNDED_BINARY = Map.of("tinyblob", 255L, "blob", 65_535L, "mediumblob",
			16_777_215L, "longblob", Long.MAX_VALUE);

	/**
	 * The length of the shortest text without a declared length that holds any value
	 * written as text.
	 */
	private static final long TEXT = 65_535L;

	private ColumnTypes() {
	}

	/**
	 * Return whether changing a column from one type to another may lose or refuse a
	 * value the column holds.
	 * @param from the type it has, as a catalog reader writes it
	 * @param to the type it is changed to
	 * @return whether the change narrows the column
	 */
	public static boolean narrows(String from, String to) {
		Type source = Type.parse(from);
		Type target = Type.parse(to);
		if (source.equals(target)) {
			return false;
		}
		if (target.textLength() >= TEXT && source.family() != Family.TEXT && !source.isBinary()) {
			return false;
		}
		return switch (source.family()) {
			case INTEGER -> narrowsInteger(source, target);
			case EXACT -> narrowsExact(source, target);
			case APPROXIMATE -> !(target.family() == Family.APPROXIMATE
					&& (target.name().equals("double") || source.name().equals("real")));
			case TEXT -> target.family() != Family.TEXT || target.textLength() < source.textLength();
			case BINARY -> target.family() != Family.BINARY || target.binaryLength() < source.binaryLength();
			case TIME -> narrowsTime(source, target);
			case ENUM -> target.family() != Family.ENUM || !target.values().containsAll(source.values());
			case OTHER -> true;
		};
	}

	private static boolean narrowsInteger(Type source, Type target) {
		if (target.family() == Family.INTEGER) {
			if (source.unsigned() != target.unsigned()) {
				return !target.unsigned() ? target.integerRank() <= source.integerRank() : true;
			}
			return target.integerRank() < source.integerRank();
		}
		if (target.family() == Family.EXACT) {
			return target.precision() - target.scale() < source.integerDigits();
		}
		if (target.family() == Family.APPROXIMATE) {
			return source.name().equals("bigint") || (source.name().equals("integer") && target.name().equals("real"));
		}
		return true;
	}

	private static boolean narrowsExact(Type source, Type target) {
		if (target.family() == Family.EXACT && target.arguments().isEmpty()) {
			// PostgreSQL's numeric without a precision holds any number
			return false;
		}
		if (target.family() == Family.EXACT) {
			return target.scale() < source.scale()
					|| target.precision() - target.scale() < source.precision() - source.scale();
		}
		if (target.family() == Family.INTEGER) {
			// numeric(10) holds 9999999999, more than an integer of ten digits
			return source.scale() > 0 || target.unsigned()
					|| source.precision() - source.scale() >= target.integerDigits();
		}
		return true;
	}

	private static boolean narrowsTime(Type source, Type target) {
		if (target.family() != Family.TIME) {
			return true;
		}
		if (source.name().equals("date")) {
			return target.name().equals("time");
		}
		if (target.name().equals("date") || !source.name().startsWith("time") || !target.name().startsWith("time")) {
			return true;
		}
		boolean sourceHasDate = source.name().startsWith("timestamp");
		boolean targetHasDate = target.name().startsWith("timestamp");
		if (sourceHasDate != targetHasDate) {
			return true;
		}
		if (source.name().endsWith("with time zone") && !target.name().endsWith("with time zone")) {
			return true;
		}
		return narrowsPrecision(source, target);
	}

	/**
	 * Whether fewer fractional seconds are kept. A time without a precision has the
	 * database's default, 6 on PostgreSQL and H2 and 0 on MySQL and MariaDB: against a
	 * written precision, it is taken as whichever narrows.
	 */
	private static boolean narrowsPrecision(Type source, Type target) {
		boolean sourceWritten = !source.arguments().isEmpty();
		boolean targetWritten = !target.arguments().isEmpty();
		if (sourceWritten && targetWritten) {
			return target.precision() < source.precision();
		}
		if (sourceWritten) {
			return source.precision() > 0;
		}
		if (targetWritten) {
			return target.precision() < 6;
		}
		return false;
	}

	enum Family {

		INTEGER, EXACT, APPROXIMATE, TEXT, BINARY, TIME, ENUM, OTHER

	}

	/**
	 * A type taken apart: its name with aliases resolved, its arguments and whether it is
	 * unsigned.
	 */
	private record Type(String name, List<String> arguments, boolean unsigned) {

		static Type parse(String written) {
			String type = written.strip().toLowerCase(Locale.ROOT);
			Matcher time = TIME_PRECISION.matcher(type);
			if (time.matches()) {
				String zone = "with time zone".equals(time.group(3)) ? " with time zone" : "";
				return new Type(time.group(1) + zone, (time.group(2) != null) ? List.of(time.group(2)) : List.of(),
						false);
			}
			Matcher matcher = TYPE.matcher(type);
			if (!matcher.matches()) {
				return new Type(type, List.of(), false);
			}
			String name = ALIASES.getOrDefault(matcher.group(1).strip(), matcher.group(1).strip());
			String arguments = matcher.group(2);
			List<String> values = (arguments != null) ? splitArguments(arguments) : List.of();
			if (name.equals("tinyint") && values.equals(List.of("1"))) {
				return new Type("boolean", List.of(), false);
			}
			if (name.equals("timestamp with time zone") || name.equals("timestamp")) {
				return new Type(name, values, false);
			}
			boolean unsigned = matcher.group(3) != null && matcher.group(3).contains("unsigned");
			return new Type(name, INTEGERS.contains(name) ? List.of() : values, unsigned);
		}

		private static List<String> splitArguments(String arguments) {
			return List.of(arguments.split("\\s*,\\s*(?=(?:[^']*'[^']*')*[^']*$)"))
				.stream()
				.map(String::strip)
				.toList();
		}

		Family family() {
			if (INTEGERS.contains(this.name)) {
				return Family.INTEGER;
			}
			if (this.name.equals("numeric") || this.name.equals("number")) {
				return Family.EXACT;
			}
			if (this.name.equals("double") || this.name.equals("real")) {
				return Family.APPROXIMATE;
			}
			if (textLength() > 0) {
				return Family.TEXT;
			}
			if (binaryLength() > 0) {
				return Family.BINARY;
			}
			if (this.name.equals("date") || this.name.startsWith("time")) {
				return Family.TIME;
			}
			if (this.name.equals("enum") || this.name.equals("set")) {
				return Family.ENUM;
			}
			return Family.OTHER;
		}

		boolean isBinary() {
			return family() == Family.BINARY;
		}

		int integerRank() {
			return INTEGERS.indexOf(this.name);
		}

		int integerDigits() {
			return (this.unsigned ? UNSIGNED_INTEGER_DIGITS : INTEGER_DIGITS)[integerRank()];
		}

		long textLength() {
			if (this.name.equals("varchar") || this.name.equals("char") || this.name.equals("nvarchar")
					|| this.name.equals("nchar")) {
				return argument(0, Long.MAX_VALUE);
			}
			return UNBOUNDED_TEXT.getOrDefault(this.name, 0L);
		}

		long binaryLength() {
			if (this.name.equals("varbinary") || this.name.equals("binary")) {
				return argument(0, Long.MAX_VALUE);
			}
			return UNBOUNDED_BINARY.getOrDefault(this.name, 0L);
		}

		int precision() {
			long defaultPrecision = (family() == Family.TIME) ? 6 : 1000;
			return (int) argument(0, defaultPrecision);
		}

		int scale() {
			return (int) argument(1, 0);
		}

		List<String> values() {
			return this.arguments;
		}

		private long argument(int index, long otherwise) {
			@Nullable String value = (index < this.arguments.size()) ? this.arguments.get(index) : null;
			if (value == null) {
				return otherwise;
			}
			try {
				return Long.parseLong(value);
			}
			catch (NumberFormatException ex) {
				return otherwise;
			}
		}

	}

}
