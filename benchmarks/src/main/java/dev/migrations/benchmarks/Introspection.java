package dev.migrations.benchmarks;

/**
 * What an {@link IntrospectChild} asks its tool to do with a database of N migrated
 * tables.
 */
enum Introspection {

	/**
	 * Read the whole schema from the database's catalog: this library's
	 * {@code describeSchema()}, Liquibase's {@code snapshot}.
	 */
	DESCRIBE("describe",
			"Describe the schema of N tables (migrations: describeSchema(); Liquibase: the snapshot command)"),

	/**
	 * Find what differs between the database and the schema it should hold: this
	 * library's {@code drift()} (replay the ledger's migrations on a shadow database,
	 * read both, compare), Liquibase's {@code diff} against a second database built by
	 * the same migrations (snapshot both, compare). Neither may find a difference.
	 */
	DIFF("drift", "Drift check on N tables (migrations: drift(), replaying on a shadow database; "
			+ "Liquibase: the diff command against a second database of the same schema)");

	private final String optionName;

	private final String title;

	Introspection(String optionName, String title) {
		this.optionName = optionName;
		this.title = title;
	}

	String optionName() {
		return this.optionName;
	}

	String title() {
		return this.title;
	}

}
