package dev.migrations.dialect;

/**
 * SQLite: transactional DDL; the lock is a lease row. SQLite has no schemas other than
 * attached databases.
 */
public class SqliteDialect extends TableRenderingDialect {

	@Override
	public String name() {
		return "sqlite";
	}

	@Override
	public boolean transactionalDdl() {
		return true;
	}

	@Override
	TableRenderer tableRenderer() {
		return new SqliteTableRenderer(this);
	}

}
