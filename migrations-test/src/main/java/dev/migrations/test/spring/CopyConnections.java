package dev.migrations.test.spring;

import java.sql.SQLException;
import java.util.function.Function;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.migrations.test.DatabaseCopy;
import org.jspecify.annotations.Nullable;

import org.springframework.util.ClassUtils;

/**
 * How the application reaches a copy: through a HikariCP pool of the copy's own when
 * HikariCP is on the class path, as Spring Boot's default pool; else through a new
 * connection per request.
 */
final class CopyConnections {

	private static final String HIKARI = "com.zaxxer.hikari.HikariDataSource";

	private CopyConnections() {
	}

	/**
	 * Return what opens the connections to a copy in place of an application's
	 * DataSource: a new pool for each copy, set up as the application's DataSource when
	 * that is a HikariCP pool, which the caller closes before the copy is dropped; or the
	 * copy's own data source.
	 * @param application the application's DataSource
	 * @return a function of the copy
	 */
	static Function<DatabaseCopy, DataSource> like(DataSource application) {
		if (!ClassUtils.isPresent(HIKARI, CopyConnections.class.getClassLoader())) {
			return DatabaseCopy::dataSource;
		}
		return HikariPools.like(application);
	}

	/**
	 * The pools, in a class of their own so that nothing loads HikariCP unless it is on
	 * the class path.
	 */
	private static final class HikariPools {

		static Function<DatabaseCopy, DataSource> like(DataSource application) {
			HikariConfig settings = settingsOf(application);
			return (copy) -> pool(copy, settings);
		}

		private static @Nullable HikariConfig settingsOf(DataSource application) {
			try {
				return application.isWrapperFor(HikariDataSource.class) ? application.unwrap(HikariDataSource.class)
						: null;
			}
			catch (SQLException ex) {
				return null;
			}
		}

		/**
		 * Return a pool of connections to a copy, from its data source, so that the
		 * credentials stay there. The settings that decide what a connection does and how
		 * many there are come from the application's pool; the pool opens connections
		 * only as they are asked for, since a copy lives for one test class or method.
		 */
		private static DataSource pool(DatabaseCopy copy, @Nullable HikariConfig application) {
			HikariDataSource pool = new HikariDataSource();
			if (application != null) {
				pool.setAutoCommit(application.isAutoCommit());
				pool.setReadOnly(application.isReadOnly());
				pool.setTransactionIsolation(application.getTransactionIsolation());
				pool.setConnectionInitSql(application.getConnectionInitSql());
				pool.setSchema(application.getSchema());
				pool.setMaximumPoolSize(application.getMaximumPoolSize());
				pool.setConnectionTimeout(application.getConnectionTimeout());
				pool.setValidationTimeout(application.getValidationTimeout());
				pool.setConnectionTestQuery(application.getConnectionTestQuery());
				pool.setLeakDetectionThreshold(application.getLeakDetectionThreshold());
			}
			pool.setMinimumIdle(0);
			pool.setPoolName(copy.name());
			pool.setDataSource(copy.dataSource());
			return pool;
		}

	}

}
