package dev.migrations.runner;

import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import dev.migrations.internal.SessionDataSource;

/**
 * How a runner opens its connections to a database, as its builder was set: the first
 * connection tried again while the database is not up yet, and init SQL run on each. The
 * same for every database a runner or its fleet migrates. Immutable.
 *
 * @param retries how many times the first connection is tried again, 0 for never
 * @param retriesInterval the longest wait between two attempts
 * @param initSqls the statements run on each new connection, in order
 */
record Connecting(int retries, Duration retriesInterval, List<String> initSqls) {

	Connecting {
		initSqls = List.copyOf(initSqls);
	}

	/**
	 * Return a data source that opens the connections of another this way.
	 * @param dataSource the database
	 * @param secrets values that no log line or failure about the connections may carry
	 * @return the data source
	 */
	DataSource open(DataSource dataSource, List<String> secrets) {
		DataSource opened = dataSource;
		if (this.retries > 0) {
			opened = new RetryingDataSource(opened, this.retries, this.retriesInterval, secrets);
		}
		if (!this.initSqls.isEmpty()) {
			opened = new SessionDataSource(opened, new InitSqls(this.initSqls));
		}
		return opened;
	}

}
