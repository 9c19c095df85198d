package dev.migrations.dialect;

import java.util.List;

import dev.migrations.schema.SchemaOperation;
import dev.migrations.schema.TableOperation;

/**
 * SQLite: transactional DDL; the lock is a lease row. SQLite has no schemas other than
 * attached databases.
 */
public class SqliteDialect implements Dialect {

	@Override
	public String name() {
		return "sqlite";
	}

	@Override
	public boolean transactionalDdl() {
		return true;
	}

	@Override
	public List<SchemaOperation> render(SchemaOperation operation) {
		if (operation instanceof TableOperation table) {
			return tableRenderer().render(table);
		}
		return Dialect.super.render(operation);
	}

	TableRenderer tableRenderer() {
		return new SqliteTableRenderer(this);
	}

}
