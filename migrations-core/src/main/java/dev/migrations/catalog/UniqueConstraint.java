package dev.migrations.catalog;

import java.util.List;

/**
 * A unique constraint. Immutable.
 *
 * @param name its name
 * @param columns its columns, in order
 */
public record UniqueConstraint(String name, List<String> columns) {

	public UniqueConstraint {
		columns = List.copyOf(columns);
	}

}
