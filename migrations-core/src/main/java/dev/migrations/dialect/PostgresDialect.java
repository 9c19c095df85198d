package dev.migrations.dialect;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.List;

import javax.sql.DataSource;

import dev.migrations.ledger.LedgerTable;
import dev.migrations.lock.MigrationLock;
import dev.migrations.lock.PostgresAdvisoryLock;
import dev.migrations.schema.SchemaOperation;
import dev.migrations.schema.TableOperation;

/**
 * PostgreSQL: transactional DDL, dollar quoting, and a session advisory lock.
 */
public class PostgresDialect implements Dialect {

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
	public List<SchemaOperation> render(SchemaOperation operation) {
		if (operation instanceof TableOperation table) {
			return tableRenderer().render(table);
		}
		return Dialect.super.render(operation);
	}

	TableRenderer tableRenderer() {
		return new PostgresTableRenderer(this);
	}

}
