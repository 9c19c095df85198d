package dev.migrations.boot.autoconfigure;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import dev.migrations.dialect.Dialect;
import dev.migrations.dialect.Dialects;
import dev.migrations.lock.LockHolder;
import dev.migrations.lock.MigrationLock;
import dev.migrations.runner.RetryingDataSource;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.util.ClassUtils;

/**
 * The DataSource of a connection that migrations open for themselves
 * ({@code migrations.url}, or {@code migrations.user} on the application's URL). A run
 * (whatever holds the migration lock: apply, rollback, repair, baseline) opens fresh
 * connections, which close when it ends, so that the lock's session ends with the run and
 * no session with DDL rights is left behind. Everything else (the health contributor, the
 * gauges, the endpoint's reads, {@code status} and {@code validate}) borrows from a pool
 * of at most {@value #POOL_SIZE} connections, which {@link #close()} closes with the
 * application context. Without HikariCP on the class path, every connection is fresh.
 * Thread-safe.
 */
final class DedicatedDataSource implements DataSource, AutoCloseable {

	/**
	 * The most connections the pool keeps: one check reads the ledger and, while a
	 * migration is in progress, asks who holds the lock.
	 */
	static final int POOL_SIZE = 2;

	/** HikariCP's DataSource, Spring Boot's default pool. */
	static final String HIKARI = "com.zaxxer.hikari.HikariDataSource";

	/** Whether the current thread is in a run, which takes fresh connections. */
	private final ThreadLocal<Boolean> inRun = new ThreadLocal<>();

	private final DataSource fresh;

	private final @Nullable DataSource pool;

	private DedicatedDataSource(DataSource fresh, @Nullable DataSource pool) {
		this.fresh = fresh;
		this.pool = pool;
	}

	/**
	 * Create the DataSource that a builder describes: fresh connections from a
	 * {@link SimpleDriverDataSource}, and a HikariCP pool named {@code poolName} when
	 * HikariCP is on the class path.
	 * @param builder the URL, driver and credentials
	 * @param poolName the name of the pool, as its log lines show it
	 * @param classLoader the class loader to look for HikariCP with
	 * @return the DataSource
	 */
	static DedicatedDataSource create(DataSourceBuilder<?> builder, String poolName, ClassLoader classLoader) {
		DataSource fresh = builder.type(SimpleDriverDataSource.class).build();
		DataSource pool = ClassUtils.isPresent(HIKARI, classLoader) ? HikariPool.create(builder, poolName) : null;
		return new DedicatedDataSource(fresh, pool);
	}

	/**
	 * Return a lock whose runs take fresh connections from this DataSource, on the thread
	 * that runs them, from taking the lock to releasing it.
	 * @param lock the lock, on this DataSource
	 * @return the lock
	 */
	MigrationLock runsOnFreshConnections(MigrationLock lock) {
		return new RunScopedLock(lock);
	}

	/**
	 * Detect the database's dialect on a fresh connection, as a run would connect, trying
	 * again while the database is not up yet, and failing with the secrets masked, as the
	 * runner's own connections do.
	 * @param connectRetries how many times to try again, 0 for never
	 * @param connectRetriesInterval the longest wait between two attempts
	 * @param secrets values no log line or failure may carry
	 * @return the dialect
	 */
	Dialect detectDialect(int connectRetries, Duration connectRetriesInterval, List<String> secrets) {
		return Dialects.detect(new RetryingDataSource(this.fresh, connectRetries, connectRetriesInterval, secrets));
	}

	/**
	 * Whether a pool serves the connections outside runs.
	 * @return whether there is a pool
	 */
	boolean isPooled() {
		return this.pool != null;
	}

	@Override
	public Connection getConnection() throws SQLException {
		return target().getConnection();
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return target().getConnection(username, password);
	}

	private DataSource target() {
		DataSource pool = this.pool;
		return (pool == null || Boolean.TRUE.equals(this.inRun.get())) ? this.fresh : pool;
	}

	@Override
	public void close() {
		if (this.pool instanceof AutoCloseable closeable) {
			try {
				closeable.close();
			}
			catch (Exception ex) {
				throw new IllegalStateException("Could not close the pool of the migrations' connections", ex);
			}
		}
	}

	@Override
	public PrintWriter getLogWriter() throws SQLException {
		return this.fresh.getLogWriter();
	}

	@Override
	public void setLogWriter(PrintWriter out) throws SQLException {
		this.fresh.setLogWriter(out);
	}

	@Override
	public void setLoginTimeout(int seconds) throws SQLException {
		this.fresh.setLoginTimeout(seconds);
	}

	@Override
	public int getLoginTimeout() throws SQLException {
		return this.fresh.getLoginTimeout();
	}

	@Override
	public Logger getParentLogger() throws SQLFeatureNotSupportedException {
		return this.fresh.getParentLogger();
	}

	@Override
	public <T> T unwrap(Class<T> type) throws SQLException {
		return type.isInstance(this) ? type.cast(this) : this.fresh.unwrap(type);
	}

	@Override
	public boolean isWrapperFor(Class<?> type) throws SQLException {
		return type.isInstance(this) || this.fresh.isWrapperFor(type);
	}

	/**
	 * Marks the thread that holds the lock as in a run, from before the lock's own
	 * connection opens until after it closes.
	 */
	private final class RunScopedLock implements MigrationLock {

		private final MigrationLock lock;

		RunScopedLock(MigrationLock lock) {
			this.lock = lock;
		}

		@Override
		public <T> T withLock(Duration timeout, LockedAction<T> action) {
			boolean outermost = !Boolean.TRUE.equals(DedicatedDataSource.this.inRun.get());
			DedicatedDataSource.this.inRun.set(Boolean.TRUE);
			try {
				return this.lock.withLock(timeout, action);
			}
			finally {
				if (outermost) {
					DedicatedDataSource.this.inRun.remove();
				}
			}
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

	/**
	 * The pool, in a class of its own so that nothing loads HikariCP unless it is on the
	 * class path.
	 */
	private static final class HikariPool {

		/** How long a check waits for a connection before it fails. */
		private static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(5);

		/** How long an idle connection stays open. */
		private static final Duration IDLE_TIMEOUT = Duration.ofMinutes(1);

		static DataSource create(DataSourceBuilder<?> builder, String poolName) {
			HikariDataSource pool = builder.type(HikariDataSource.class).build();
			pool.setPoolName(poolName);
			pool.setMaximumPoolSize(POOL_SIZE);
			pool.setMinimumIdle(0);
			pool.setIdleTimeout(IDLE_TIMEOUT.toMillis());
			pool.setConnectionTimeout(CONNECTION_TIMEOUT.toMillis());
			return pool;
		}

	}

}
