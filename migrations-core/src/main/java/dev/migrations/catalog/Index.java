package dev.migrations.catalog;

import java.util.List;

/**
 * An index. Immutable.
 *
 * @param name its name
 * @param columns its columns (or expressions, as the database writes them), in order
 * @param unique whether it is unique
 */
public record Index(String name, List<String> columns, boolean unique) {

	public Index {
		columns = List.copyOf(columns);
	}

}
