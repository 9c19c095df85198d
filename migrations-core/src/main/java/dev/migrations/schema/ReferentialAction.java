package dev.migrations.schema;

/**
 * What a foreign key does when the referenced row is deleted or its key updated.
 * Thread-safe.
 */
public enum ReferentialAction {

	/** Delete or update the referencing rows too. */
	CASCADE("CASCADE"),

	/** Set the referencing columns to null. */
	SET_NULL("SET NULL"),

	/** Set the referencing columns to their default. Not supported by MySQL/MariaDB. */
	SET_DEFAULT("SET DEFAULT"),

	/** Refuse immediately. */
	RESTRICT("RESTRICT"),

	/** Refuse at the end of the statement (the SQL default). */
	NO_ACTION("NO ACTION");

	private final String sql;

	ReferentialAction(String sql) {
		this.sql = sql;
	}

	/**
	 * Return the action as SQL, such as {@code SET NULL}.
	 * @return the SQL
	 */
	public String sql() {
		return this.sql;
	}

}
