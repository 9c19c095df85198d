package dev.migrations.dialect;

import java.util.List;

import dev.migrations.schema.SchemaOperation;
import dev.migrations.schema.TableOperation;

/**
 * A dialect that renders the schema builder's table operations with its own
 * {@link TableRenderer}, and everything else as {@link Dialect} does.
 */
abstract class TableRenderingDialect implements Dialect {

	@Override
	public List<SchemaOperation> render(SchemaOperation operation) {
		if (operation instanceof TableOperation table) {
			return tableRenderer().render(table);
		}
		return Dialect.super.render(operation);
	}

	/**
	 * Return the renderer of table operations for this database.
	 * @return the renderer
	 */
	abstract TableRenderer tableRenderer();

}
