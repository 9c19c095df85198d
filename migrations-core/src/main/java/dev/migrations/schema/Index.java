package dev.migrations.schema;

import java.util.List;

/**
 * The immutable definition of an index or unique index. Thread-safe.
 *
 * @param name the index name
 * @param columns the indexed columns, in order
 * @param unique whether the index enforces uniqueness
 */
public record Index(String name, List<String> columns, boolean unique) {

	public Index {
		Identifiers.check(name, "index");
		columns = Identifiers.checkAll(columns, "index column");
	}

	/**
	 * Return the dialect-neutral text of this index, such as
	 * {@code unique users_email_unique (email)}.
	 * @return the canonical text
	 */
	public String canonical() {
		return (this.unique ? "unique " : "index ") + this.name + " (" + String.join(", ", this.columns) + ")";
	}

}
