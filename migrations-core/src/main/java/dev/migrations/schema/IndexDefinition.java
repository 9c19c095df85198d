package dev.migrations.schema;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An index or unique index being defined inside a {@link Blueprint}. Without
 * {@link #name(String)} it is named {@code TABLE_COLUMN1_COLUMN2_index} (or
 * {@code _unique}), shortened with a hash suffix beyond 60 characters. Not thread-safe.
 */
public final class IndexDefinition {

	private final String table;

	private final List<String> columns;

	private final boolean unique;

	private @Nullable String name;

	IndexDefinition(String table, List<String> columns, boolean unique) {
		this.table = table;
		this.columns = Identifiers.checkAll(columns, "index column");
		this.unique = unique;
	}

	/**
	 * Name the index explicitly.
	 * @param name the name
	 * @return this definition
	 */
	public IndexDefinition name(String name) {
		this.name = Identifiers.check(name, "index");
		return this;
	}

	Index toIndex() {
		String indexName = (this.name != null) ? this.name
				: Identifiers.generatedName(this.table, this.columns, this.unique ? "unique" : "index");
		return new Index(indexName, this.columns, this.unique);
	}

}
