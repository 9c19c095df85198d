package dev.migrations.runner;

import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;

import javax.sql.DataSource;

import dev.migrations.dialect.Dialect;
import dev.migrations.internal.Jdbc;
import dev.migrations.lock.LockHolder;
import dev.migrations.lock.MigrationLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The migration lock of a runner that creates the ledger's schema when it does not exist,
 * before the lock, whose table may live in that schema, is taken: every run that writes
 * takes the lock first. The schema's name is a plain identifier
 * ({@link dev.migrations.LedgerTable}), quoted as the dialect quotes it. Thread-safe.
 */
final class SchemaCreatingLock implements MigrationLock {

	private static final Logger logger = LoggerFactory.getLogger(SchemaCreatingLock.class);

	private final MigrationLock lock;

	private final DataSource connections;

	private final Dialect dialect;

	private final String schema;

	SchemaCreatingLock(MigrationLock lock, DataSource connections, Dialect dialect, String schema) {
		this.lock = lock;
		this.connections = connections;
		this.dialect = dialect;
		this.schema = schema;
	}

	@Override
	public <T> T withLock(Duration timeout, LockedAction<T> action) {
		Jdbc.withConnection(this.connections, (connection) -> {
			if (!this.dialect.schemaExists(connection, this.schema)) {
				String sql = "CREATE SCHEMA IF NOT EXISTS " + this.dialect.quote(this.schema);
				try (Statement statement = connection.createStatement()) {
					statement.execute(sql);
				}
				logger.info("Created schema {} for the migration ledger", this.schema);
			}
			return true;
		});
		return this.lock.withLock(timeout, action);
	}

	@Override
	public Optional<LockHolder> holder() {
		return this.lock.holder();
	}

	@Override
	public void breakLock(LockHolder holder) {
		this.lock.breakLock(holder);
	}

}
