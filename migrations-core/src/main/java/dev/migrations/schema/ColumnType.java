package dev.migrations.schema;

/**
 * The dialect-neutral column types of the schema builder. Each dialect maps them to its
 * own types; the mapping is documented in {@code docs/schema-builder.md}. Thread-safe.
 */
public enum ColumnType {

	/** An auto-incrementing 64-bit integer primary key. */
	BIG_INCREMENTS("bigIncrements"),

	/** A 32-bit integer. */
	INTEGER("integer"),

	/** A 64-bit integer. */
	BIG_INTEGER("bigInteger"),

	/** A 16-bit integer. */
	SMALL_INTEGER("smallInteger"),

	/** An exact number with a precision and a scale. */
	DECIMAL("decimal"),

	/** A single-precision floating-point number. */
	FLOAT("float"),

	/** A double-precision floating-point number. */
	DOUBLE("double"),

	/** A boolean. */
	BOOLEAN("boolean"),

	/** A character string of at most a given length. */
	STRING("string"),

	/** A character string without a declared length. */
	TEXT("text"),

	/** A date without time. */
	DATE("date"),

	/** A time of day without date. */
	TIME("time"),

	/** A date and time without time zone. */
	TIMESTAMP("timestamp"),

	/** A date and time with time zone where the database has one. */
	TIMESTAMP_TZ("timestampTz"),

	/** A UUID. */
	UUID("uuid"),

	/** A JSON document. */
	JSON("json"),

	/** Binary data. */
	BINARY("binary");

	private final String canonicalName;

	ColumnType(String canonicalName) {
		this.canonicalName = canonicalName;
	}

	/**
	 * Return the name of the type in canonical text, such as {@code bigInteger}.
	 * @return the canonical name
	 */
	public String canonicalName() {
		return this.canonicalName;
	}

}
