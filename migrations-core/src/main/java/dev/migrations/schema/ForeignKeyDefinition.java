package dev.migrations.schema;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A foreign key being defined inside a {@link Blueprint}:
 * {@code t.foreign("team_id").references("teams", "id").onDelete(ReferentialAction.CASCADE)}.
 * Without {@link #name(String)} it is named {@code TABLE_COLUMN1_COLUMN2_foreign},
 * shortened with a hash suffix beyond 60 characters. Not thread-safe.
 */
public final class ForeignKeyDefinition {

	private final String table;

	private final List<String> columns;

	private @Nullable String referencedTable;

	private List<String> referencedColumns = List.of();

	private @Nullable ReferentialAction onDelete;

	private @Nullable ReferentialAction onUpdate;

	private @Nullable String name;

	ForeignKeyDefinition(String table, List<String> columns) {
		this.table = table;
		this.columns = Identifiers.checkAll(columns, "foreign key column");
	}

	/**
	 * Set the referenced table and columns.
	 * @param table the referenced table
	 * @param columns the referenced columns, as many as the referencing columns
	 * @return this definition
	 */
	public ForeignKeyDefinition references(String table, String... columns) {
		this.referencedTable = Identifiers.check(table, "table");
		this.referencedColumns = Identifiers.checkAll(List.of(columns), "referenced column");
		return this;
	}

	/**
	 * Set what happens to referencing rows when the referenced row is deleted.
	 * @param action the action
	 * @return this definition
	 */
	public ForeignKeyDefinition onDelete(ReferentialAction action) {
		this.onDelete = action;
		return this;
	}

	/**
	 * Set what happens to referencing rows when the referenced key is updated.
	 * @param action the action
	 * @return this definition
	 */
	public ForeignKeyDefinition onUpdate(ReferentialAction action) {
		this.onUpdate = action;
		return this;
	}

	/**
	 * Name the constraint explicitly.
	 * @param name the name
	 * @return this definition
	 */
	public ForeignKeyDefinition name(String name) {
		this.name = Identifiers.check(name, "foreign key");
		return this;
	}

	ForeignKey toForeignKey() {
		if (this.referencedTable == null) {
			throw new IllegalArgumentException("The foreign key on " + this.columns + " of table " + this.table
					+ " has no references(table, columns...)");
		}
		String keyName = (this.name != null) ? this.name
				: Identifiers.generatedName(this.table, this.columns, "foreign");
		return new ForeignKey(keyName, this.columns, this.referencedTable, this.referencedColumns, this.onDelete,
				this.onUpdate);
	}

}
