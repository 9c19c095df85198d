package dev.migrations.testing;

/**
 * The databases every conformance test runs on.
 */
public enum DatabaseKind {

	POSTGRESQL("PostgreSQL", "MIGRATIONS_TEST_POSTGRES_URL"),

	MARIADB("MariaDB", "MIGRATIONS_TEST_MARIADB_URL"),

	H2("H2", null),

	SQLITE("SQLite", null);

	private final String productName;

	private final String environmentVariable;

	DatabaseKind(String productName, String environmentVariable) {
		this.productName = productName;
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

	/**
	 * Return the name of the product, such as {@code PostgreSQL}, for messages.
	 * @return the product name
	 */
	public String productName() {
		return this.productName;
	}

}
