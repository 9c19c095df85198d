package dev.migrations.catalog;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A primary key. Immutable.
 *
 * @param name the constraint's name, or {@code null} where the database does not name it
 * (MySQL's is always {@code PRIMARY}, SQLite's has none)
 * @param columns its columns, in key order
 */
public record PrimaryKey(@Nullable String name, List<String> columns) {

	public PrimaryKey {
		columns = List.copyOf(columns);
	}

}
