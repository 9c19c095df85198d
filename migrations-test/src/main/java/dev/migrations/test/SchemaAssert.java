package dev.migrations.test;

import java.util.List;
import java.util.Optional;

import dev.migrations.MigrationState;
import dev.migrations.MigrationStatus;
import dev.migrations.catalog.Catalog;
import dev.migrations.catalog.Table;

/**
 * Assertions on the schema of a migrated database, for tests of migrations themselves:
 * read once from the database's catalog and ledger when made, so make a new one after
 * applying or rolling back. Names are compared ignoring case, since H2 stores unquoted
 * names in upper case. A failed assertion throws an {@link AssertionError} that says what
 * the database holds. Not thread-safe.
 */
public final class SchemaAssert {

	private final Catalog schema;

	private final List<MigrationStatus> status;

	private SchemaAssert(Catalog schema, List<MigrationStatus> status) {
		this.schema = schema;
		this.status = status;
	}

	/**
	 * Read the schema and the ledger of a copy.
	 * @param database the copy
	 * @return the assertions
	 */
	public static SchemaAssert assertThatSchema(DatabaseCopy database) {
		return new SchemaAssert(database.schema(), database.runner().status());
	}

	/**
	 * Assert that the schema has a table.
	 * @param table the table's name
	 * @return this
	 */
	public SchemaAssert hasTable(String table) {
		if (table(table).isEmpty()) {
			throw new AssertionError("Expected a table " + table + ", but the tables are " + tableNames());
		}
		return this;
	}

	/**
	 * Assert that the schema has no table of a name.
	 * @param table the table's name
	 * @return this
	 */
	public SchemaAssert doesNotHaveTable(String table) {
		if (table(table).isPresent()) {
			throw new AssertionError("Expected no table " + table + ", but there is one");
		}
		return this;
	}

	/**
	 * Assert that a table has a column.
	 * @param table the table's name
	 * @param column the column's name
	 * @return this
	 */
	public SchemaAssert hasColumn(String table, String column) {
		List<String> columns = columns(table);
		if (columns.stream().noneMatch(column::equalsIgnoreCase)) {
			throw new AssertionError(
					"Expected a column " + column + " in " + table + ", but its columns are " + columns);
		}
		return this;
	}

	/**
	 * Assert that a table has no column of a name.
	 * @param table the table's name
	 * @param column the column's name
	 * @return this
	 */
	public SchemaAssert doesNotHaveColumn(String table, String column) {
		if (columns(table).stream().anyMatch(column::equalsIgnoreCase)) {
			throw new AssertionError("Expected no column " + column + " in " + table + ", but there is one");
		}
		return this;
	}

	/**
	 * Assert that every migration is applied: none pending, failed or changed.
	 * @return this
	 */
	public SchemaAssert isUpToDate() {
		List<String> notApplied = this.status.stream()
			.filter((migration) -> migration.state() != MigrationState.APPLIED
					&& migration.state() != MigrationState.BASELINE)
			.map((migration) -> migration.id() + " " + migration.state())
			.toList();
		if (!notApplied.isEmpty()) {
			throw new AssertionError("Expected every migration applied, but " + notApplied);
		}
		return this;
	}

	/**
	 * Assert that a migration is applied and that none after it is.
	 * @param id the migration's id, such as {@code m_20241201000000_create_users_table}
	 * @return this
	 */
	public SchemaAssert isAt(String id) {
		List<String> applied = this.status.stream()
			.filter((migration) -> migration.state() == MigrationState.APPLIED
					|| migration.state() == MigrationState.BASELINE)
			.map((migration) -> migration.id().toString())
			.toList();
		String normalized = id.startsWith("m_") ? id : "m_" + id;
		if (applied.isEmpty() || !applied.get(applied.size() - 1).equals(normalized)) {
			throw new AssertionError("Expected " + normalized + " to be the last applied migration, but the applied "
					+ "ones are " + applied);
		}
		return this;
	}

	private Optional<Table> table(String name) {
		return this.schema.tables().stream().filter((table) -> table.name().equalsIgnoreCase(name)).findFirst();
	}

	private List<String> columns(String table) {
		return table(table)
			.orElseThrow(() -> new AssertionError("Expected a table " + table + ", but the tables are " + tableNames()))
			.columns()
			.stream()
			.map(dev.migrations.catalog.Column::name)
			.toList();
	}

	private List<String> tableNames() {
		return this.schema.tables().stream().map(Table::name).toList();
	}

}
