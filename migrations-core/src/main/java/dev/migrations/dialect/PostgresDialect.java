package dev.migrations.dialect;

import java.util.Locale;

import javax.sql.DataSource;

import dev.migrations.ledger.LedgerTable;
import dev.migrations.lock.MigrationLock;
import dev.migrations.lock.PostgresAdvisoryLock;

/**
 * PostgreSQL: transactional DDL, dollar quoting, and a session advisory lock.
 */
public class PostgresDialect extends TableRenderingDialect {

	@Override
	public String name() {
		return "postgresql";
	}

	@Override
	public String fold(String identifier) {
		return identifier.toLowerCase(Locale.ROOT);
	}

	@Override
	public boolean transactionalDdl() {
		return true;
	}

	@Override
	public MigrationLock lock(DataSource dataSource, LedgerTable table) {
		return new PostgresAdvisoryLock(dataSource, table);
	}

	@Override
	TableRenderer tableRenderer() {
		return new PostgresTableRenderer(this);
	}

}
