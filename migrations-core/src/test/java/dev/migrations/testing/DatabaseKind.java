package dev.migrations.testing;

/**
 * The databases every conformance test runs on.
 */
public enum DatabaseKind {

	POSTGRESQL("MIGRATIONS_TEST_POSTGRES_URL"),

	MARIADB("MIGRATIONS_TEST_MARIADB_URL"),

	H2(null),

	SQLITE(null);

	private final String environmentVariable;

	DatabaseKind(String environmentVariable) {
		this.environmentVariable = environmentVariable;
	}

	/**
	 * Return the environment variable that holds an administrative JDBC URL for this
	 * database, or {@code null} for embedded databases.
	 * @return the variable name
	 */
	public String environmentVariable() {
		return this.environmentVariable;
	}

	/**
	 * Return the lower-case name shown in test names, such as {@code postgresql}.
	 * @return the display name
	 */
	public String displayName() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

}
