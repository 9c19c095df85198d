package dev.migrations.runner;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;

import javax.sql.DataSource;

import dev.migrations.Credentials;
import dev.migrations.internal.DelegatingDataSource;
import dev.migrations.internal.ShutdownInterrupt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A data source that tries its first connection again while the database is not up yet:
 * at most {@code retries} more times, waiting 1 second, then twice as long each time, at
 * most the interval. Each retry is logged with the driver's failure, and the failure it
 * ends with is thrown, masked: a driver such as MariaDB's quotes a URL's password in its
 * message ("Incorrect port value : secret@host"). Once a connection has opened, a failure
 * is reported at once. With no retries, it only masks. Thread-safe.
 */
public final class RetryingDataSource extends DelegatingDataSource {

	private static final Logger logger = LoggerFactory.getLogger(RetryingDataSource.class);

	private static final long FIRST_WAIT_MILLIS = 1000;

	private final int retries;

	private final long intervalMillis;

	private final List<String> secrets;

	private volatile boolean connected;

	/**
	 * Create a data source that retries the first connection of another.
	 * @param dataSource the data source
	 * @param retries how many times to try again after the first attempt fails, 0 for
	 * never
	 * @param interval the longest wait between two attempts
	 * @param secrets values, such as the password, that no log line or failure may carry
	 */
	public RetryingDataSource(DataSource dataSource, int retries, Duration interval, Collection<String> secrets) {
		super(dataSource);
		if (retries < 0) {
			throw new IllegalArgumentException("connect retries must be 0 or more, got " + retries);
		}
		if (interval.isNegative()) {
			throw new IllegalArgumentException("connect retries interval must not be negative, got " + interval);
		}
		this.retries = retries;
		this.intervalMillis = interval.toMillis();
		this.secrets = List.copyOf(secrets);
	}

	@Override
	public Connection getConnection() throws SQLException {
		return connect(() -> delegate().getConnection());
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return connect(() -> delegate().getConnection(username, password));
	}

	private Connection connect(Opener opener) throws SQLException {
		if (this.connected) {
			try {
				return opener.open();
			}
			catch (SQLException ex) {
				throw Credentials.maskFailure(ex, this.secrets);
			}
		}
		ShutdownInterrupt onShutdown = null;
		try {
			for (int attempt = 1;; attempt++) {
				try {
					Connection connection = opener.open();
					this.connected = true;
					return connection;
				}
				catch (SQLException ex) {
					SQLException masked = Credentials.maskFailure(ex, this.secrets);
					if (attempt > this.retries) {
						throw masked;
					}
					long wait = Math.min(FIRST_WAIT_MILLIS << Math.min(attempt - 1, 20), this.intervalMillis);
					logger.warn("Could not connect to the database (attempt {} of {}), trying again in {} ms: {}",
							attempt, this.retries + 1L, wait, masked.getMessage());
					if (onShutdown == null) {
						// Retries may last minutes: a JVM that shuts down ends them
						onShutdown = ShutdownInterrupt.register(Thread.currentThread());
					}
					sleep(wait, masked);
				}
			}
		}
		finally {
			if (onShutdown != null) {
				onShutdown.close();
			}
		}
	}

	private static void sleep(long millis, SQLException failure) throws SQLException {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			failure.addSuppressed(ex);
			throw failure;
		}
	}

	@FunctionalInterface
	private interface Opener {

		Connection open() throws SQLException;

	}

}
