package dev.migrations.dialect;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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
		return new PostgresAdvisoryLock(dataSource, lockKey(table));
	}

	static long lockKey(LedgerTable table) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(("migrations:" + table).getBytes(StandardCharsets.UTF_8));
			return ByteBuffer.wrap(digest).getLong();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

	@Override
	TableRenderer tableRenderer() {
		return new PostgresTableRenderer(this);
	}

}
