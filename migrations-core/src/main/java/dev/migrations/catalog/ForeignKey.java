package dev.migrations.catalog;

import java.util.List;

/**
 * A foreign key. Immutable.
 *
 * @param name its name
 * @param columns its columns, in order
 * @param referencedTable the table it references
 * @param referencedColumns the columns it references, in the order of {@code columns}
 * @param onDelete its action on delete, upper case: {@code NO ACTION}, {@code RESTRICT},
 * {@code CASCADE}, {@code SET NULL}, {@code SET DEFAULT}
 * @param onUpdate its action on update, as {@code onDelete}
 */
public record ForeignKey(String name, List<String> columns, String referencedTable, List<String> referencedColumns,
		String onDelete, String onUpdate) {

	public ForeignKey {
		columns = List.copyOf(columns);
		referencedColumns = List.copyOf(referencedColumns);
	}

}
