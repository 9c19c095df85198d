package dev.migrations;

import org.jspecify.annotations.Nullable;

/**
 * The validated name of the ledger table, optionally in a schema. Names come from
 * configuration, so they are checked against a strict identifier pattern and always
 * quoted by the dialect, never concatenated raw. Instances are immutable and thread-safe.
 *
 * @param schema the schema, or {@code null} for the connection's current schema
 * @param name the table name
 */
public record LedgerTable(@Nullable String schema, String name) {

	/** The default ledger table name. */
	public static final String DEFAULT_NAME = "migrations_ledger";

	private static final int LONGEST_IDENTIFIER = 60;

	public LedgerTable {
		check(name, "table");
		if (schema != null) {
			check(schema, "schema");
		}
	}

	/**
	 * Parse {@code table} or {@code schema.table}.
	 * @param qualifiedName the name
	 * @return the ledger table
	 * @throws MigrationDefinitionException if a part is not a plain identifier
	 */
	public static LedgerTable parse(String qualifiedName) {
		if (qualifiedName == null) {
			throw new MigrationDefinitionException("Ledger table name must not be null");
		}
		int dot = qualifiedName.indexOf('.');
		if (dot < 0) {
			return new LedgerTable(null, qualifiedName);
		}
		return new LedgerTable(qualifiedName.substring(0, dot), qualifiedName.substring(dot + 1));
	}

	/**
	 * Return the table that holds the lock lease next to this ledger.
	 * @return the lock table
	 */
	public LedgerTable lockTable() {
		return new LedgerTable(this.schema, this.name + "_lock");
	}

	/**
	 * Whether a name passes the check a ledger table's schema and name must pass.
	 * @param identifier the name
	 * @return whether it is a plain identifier
	 */
	public static boolean isPlainIdentifier(String identifier) {
		if (identifier.isEmpty() || identifier.length() > LONGEST_IDENTIFIER || isDigit(identifier.charAt(0))) {
			return false;
		}
		for (int i = 0; i < identifier.length(); i++) {
			char c = identifier.charAt(i);
			if (!(c >= 'a' && c <= 'z') && !(c >= 'A' && c <= 'Z') && !isDigit(c) && c != '_') {
				return false;
			}
		}
		return true;
	}

	private static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
	}

	@Override
	public String toString() {
		return (this.schema != null) ? this.schema + "." + this.name : this.name;
	}

	private static void check(String identifier, String what) {
		if (identifier == null || !isPlainIdentifier(identifier)) {
			throw new MigrationDefinitionException("Invalid ledger " + what + " name '" + identifier
					+ "': use letters, digits and underscores, starting with a letter or underscore, at most 60 characters");
		}
	}

}
