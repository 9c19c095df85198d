package dev.migrations.schema;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The immutable definition of a foreign key. Thread-safe.
 *
 * @param name the constraint name
 * @param columns the referencing columns
 * @param referencedTable the referenced table
 * @param referencedColumns the referenced columns, as many as {@code columns}
 * @param onDelete what happens when the referenced row is deleted, or {@code null} for
 * the database's default
 * @param onUpdate what happens when the referenced key is updated, or {@code null} for
 * the database's default
 */
public record ForeignKey(String name, List<String> columns, String referencedTable, List<String> referencedColumns,
		@Nullable ReferentialAction onDelete, @Nullable ReferentialAction onUpdate) {

	public ForeignKey {
		Identifiers.check(name, "foreign key");
		columns = Identifiers.checkAll(columns, "foreign key column");
		Identifiers.check(referencedTable, "table");
		referencedColumns = Identifiers.checkAll(referencedColumns, "referenced column");
		if (columns.size() != referencedColumns.size()) {
			throw new IllegalArgumentException("Foreign key " + name + " has " + columns.size()
					+ " columns but references " + referencedColumns.size());
		}
	}

	/**
	 * Return the dialect-neutral text of this foreign key, such as
	 * {@code foreign posts_user_id_foreign (user_id) references users (id) onDelete cascade}.
	 * @return the canonical text
	 */
	public String canonical() {
		StringBuilder text = new StringBuilder("foreign ").append(this.name)
			.append(" (")
			.append(String.join(", ", this.columns))
			.append(") references ")
			.append(this.referencedTable)
			.append(" (")
			.append(String.join(", ", this.referencedColumns))
			.append(')');
		if (this.onDelete != null) {
			text.append(" onDelete ").append(this.onDelete.sql().toLowerCase(Locale.ROOT));
		}
		if (this.onUpdate != null) {
			text.append(" onUpdate ").append(this.onUpdate.sql().toLowerCase(Locale.ROOT));
		}
		return text.toString();
	}

}
