package dev.migrations.boot.autoconfigure;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfigMXBean;
import com.zaxxer.hikari.HikariDataSource;
import dev.migrations.Credentials;
import dev.migrations.MigrationException;
import dev.migrations.Remedy;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.jdbc.DataSourceUnwrapper;
import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.boot.jdbc.metadata.CompositeDataSourcePoolMetadataProvider;
import org.springframework.boot.jdbc.metadata.DataSourcePoolMetadata;
import org.springframework.boot.jdbc.metadata.DataSourcePoolMetadataProvider;
import org.springframework.boot.jdbc.metadata.HikariDataSourcePoolMetadata;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * Builds the DataSources that the auto-configured runners migrate: the application's, one
 * derived from it for another user, or a dedicated one for {@code migrations.url}, an
 * instance's {@code url} or a {@link MigrationsConnectionDetails} bean, whose driver is
 * found (or refused, naming the property) before the first connection.
 */
final class RunnerDataSources {

	private static final Logger logger = LoggerFactory.getLogger(RunnerDataSources.class);

	private final MigrationsProperties properties;

	private final ListableBeanFactory beanFactory;

	private final ClassLoader classLoader;

	private final DedicatedDataSources dedicatedDataSources;

	RunnerDataSources(MigrationsProperties properties, ListableBeanFactory beanFactory, ClassLoader classLoader,
			DedicatedDataSources dedicatedDataSources) {
		this.properties = properties;
		this.beanFactory = beanFactory;
		this.classLoader = classLoader;
		this.dedicatedDataSources = dedicatedDataSources;
	}

	/**
	 * Return the DataSource to migrate: a dedicated one for a URL, or for a user other
	 * than the base DataSource's, or else the base DataSource itself.
	 * @param base the DataSource bean to migrate, if any
	 * @param url the JDBC URL of a connection of migrations' own, if any
	 * @param user the login user, if any
	 * @param password the login password, if any
	 * @param driverClassName the configured driver of the URL, if any
	 * @param instance the name of the instance, or {@code null} for the top-level
	 * properties
	 * @return the DataSource
	 */
	DataSource dataSource(@Nullable DataSource base, @Nullable String url, @Nullable String user,
			@Nullable String password, @Nullable String driverClassName, @Nullable String instance) {
		String prefix = (instance != null) ? "migrations.instances." + instance : "migrations";
		if (StringUtils.hasText(url)) {
			DataSourceBuilder<?> builder = DataSourceBuilder.create(this.classLoader)
				.url(url)
				.driverClassName(StringUtils.hasText(driverClassName) ? RunSettings.requireDriver(driverClassName,
						prefix + ".driver-class-name", url, this.classLoader) : driverClassName(url, prefix + ".url"));
			if (user != null) {
				builder.username(user);
			}
			if (password != null) {
				builder.password(password);
			}
			return dedicated(builder, prefix);
		}
		if (StringUtils.hasText(driverClassName)) {
			warnUnusedDriver(prefix);
		}
		if (base == null) {
			throw new NoMigrationsDataSourceException(instance,
					List.of(this.beanFactory.getBeanNamesForType(DataSource.class, true, false)));
		}
		if (StringUtils.hasText(user)) {
			DataSourceBuilder<?> builder = DataSourceBuilder.derivedFrom(base).username(user);
			if (password != null) {
				builder.password(password);
			}
			return dedicated(builder, prefix);
		}
		requireTwoConnections(base, prefix);
		return base;
	}

	/**
	 * Warn that a driver class is configured where no URL of migrations' own is: it would
	 * be read only for that URL, and the DataSource migrated keeps its driver.
	 * @param prefix the prefix of the properties, such as {@code migrations}
	 */
	private static void warnUnusedDriver(String prefix) {
		logger.warn(
				"{}.driver-class-name is set but {}.url is not: the driver is used only for {}.url, and the "
						+ "DataSource migrated keeps its own driver. Remove {}.driver-class-name, or set {}.url.",
				prefix, prefix, prefix, prefix, prefix);
	}

	/**
	 * Open the connection that connection details describe, as {@code migrations.url}
	 * does.
	 */
	DataSource dataSource(MigrationsConnectionDetails connectionDetails) {
		boolean fromProperties = connectionDetails instanceof PropertiesMigrationsConnectionDetails;
		String url = connectionDetails.getJdbcUrl();
		if (!StringUtils.hasText(url)) {
			throw new MigrationException("The MigrationsConnectionDetails bean has no JDBC URL.",
					MigrationRunnerFactory.correction(null,
							"return the JDBC URL of the database to migrate from its getJdbcUrl(); then "
									+ "start the application again. Nothing was applied."));
		}
		String driver = connectionDetails.getDriverClassName();
		String configuredDriver = fromProperties ? this.properties.getDriverClassName() : null;
		if (configuredDriver != null && StringUtils.hasText(configuredDriver)) {
			driver = RunSettings.requireDriver(configuredDriver, "migrations.driver-class-name", url, this.classLoader);
		}
		else if (driver == null || !ClassUtils.isPresent(driver, this.classLoader)) {
			driver = driverClassName(url, fromProperties ? "migrations.url" : null);
		}
		DataSourceBuilder<?> builder = DataSourceBuilder.create(this.classLoader).url(url).driverClassName(driver);
		String user = connectionDetails.getUsername();
		if (user != null) {
			builder.username(user);
		}
		String password = connectionDetails.getPassword();
		if (password != null) {
			builder.password(password);
		}
		return dedicated(builder, "migrations");
	}

	/**
	 * Return the values that connection details carry and no message may: the passwords
	 * of the JDBC URL and the password.
	 */
	static List<String> secretsOf(MigrationsConnectionDetails connectionDetails) {
		List<String> secrets = new ArrayList<>(Credentials.secretsIn(connectionDetails.getJdbcUrl()));
		String password = connectionDetails.getPassword();
		if (StringUtils.hasLength(password)) {
			secrets.add(password);
		}
		return secrets;
	}

	private DataSource dedicated(DataSourceBuilder<?> builder, String prefix) {
		return this.dedicatedDataSources.register(DedicatedDataSource.create(builder, prefix, this.classLoader));
	}

	/**
	 * Refuse a pool that opens one connection at most now: a run needs two at once (the
	 * lock holds one), and the second would fail only after the pool's wait for it.
	 */
	private void requireTwoConnections(DataSource dataSource, String prefix) {
		DataSourcePoolMetadata pool = poolMetadata(dataSource);
		Integer max = (pool != null) ? pool.getMax() : null;
		if (max != null && max == 1) {
			String subject = prefix.equals("migrations") ? "The DataSource to migrate" : "The DataSource of " + prefix;
			throw new MigrationException(
					subject + " is a connection pool of at most one connection, and a run needs two at once: the "
							+ "migration lock holds one for the whole run. Nothing was applied.",
					Remedy.of(Remedy.Kind.SECOND_CONNECTION).with(Remedy.Fact.SETTING, prefix));
		}
	}

	/**
	 * Describe the pool a DataSource is, if it is one: HikariCP's, Spring Boot's default,
	 * directly; any other through the {@link DataSourcePoolMetadataProvider} beans, which
	 * are created only then.
	 */
	private @Nullable DataSourcePoolMetadata poolMetadata(DataSource dataSource) {
		if (ClassUtils.isPresent(DedicatedDataSource.HIKARI, this.classLoader)) {
			DataSourcePoolMetadata hikari = Hikari.metadata(dataSource);
			if (hikari != null) {
				return hikari;
			}
		}
		List<DataSourcePoolMetadataProvider> providers = this.beanFactory
			.getBeanProvider(DataSourcePoolMetadataProvider.class)
			.orderedStream()
			.toList();
		return new CompositeDataSourcePoolMetadataProvider(providers).getDataSourcePoolMetadata(dataSource);
	}

	/**
	 * Find the driver for a URL now, so that a URL no driver accepts fails naming the
	 * property (or else the {@link MigrationsConnectionDetails} bean) instead of at the
	 * first connection, with "Driver has not been set".
	 */
	private String driverClassName(String url, @Nullable String property) {
		DatabaseDriver database = url.startsWith("jdbc:") ? DatabaseDriver.fromJdbcUrl(url) : DatabaseDriver.UNKNOWN;
		String known = database.getDriverClassName();
		if (known != null && ClassUtils.isPresent(known, this.classLoader)) {
			return known;
		}
		try {
			return DriverManager.getDriver(url).getClass().getName();
		}
		catch (SQLException ex) {
			String subject = (property != null) ? property : "the JDBC URL of the MigrationsConnectionDetails bean";
			String corrected = (property != null) ? property : "the URL that bean returns";
			String description = "No JDBC driver accepts " + subject + " '" + Credentials.mask(url) + "'";
			if (known != null) {
				throw new MigrationException(description + ": its driver, " + known + ", is not on the class path.",
						MigrationRunnerFactory.correction(property,
								"add that driver to the application's dependencies, or correct " + corrected
										+ "; then start the application again."),
						ex);
			}
			throw new MigrationException(description + ".", MigrationRunnerFactory.correction(property,
					"correct " + corrected + ": a JDBC URL names its database after jdbc:, for "
							+ "example jdbc:postgresql://localhost:5432/app or jdbc:mariadb://localhost:3306/app, "
							+ "and that database's driver must be on the class path; then start the application "
							+ "again."),
					ex);
		}
	}

	/**
	 * Return the JDBC URL a DataSource connects to, if it tells it without a connection:
	 * a HikariCP pool, Spring Boot's default, does.
	 * @param dataSource the DataSource
	 * @param classLoader the class loader to look for HikariCP with
	 * @return the URL, or {@code null}
	 */
	static @Nullable String jdbcUrl(DataSource dataSource, ClassLoader classLoader) {
		return ClassUtils.isPresent(DedicatedDataSource.HIKARI, classLoader) ? Hikari.jdbcUrl(dataSource) : null;
	}

	/**
	 * What a HikariCP pool tells, in a class of its own so that nothing loads HikariCP
	 * unless it is on the class path.
	 */
	private static final class Hikari {

		static @Nullable DataSourcePoolMetadata metadata(DataSource dataSource) {
			HikariDataSource pool = unwrap(dataSource);
			return (pool != null) ? new HikariDataSourcePoolMetadata(pool) : null;
		}

		static @Nullable String jdbcUrl(DataSource dataSource) {
			HikariDataSource pool = unwrap(dataSource);
			return (pool != null) ? pool.getJdbcUrl() : null;
		}

		private static @Nullable HikariDataSource unwrap(DataSource dataSource) {
			return DataSourceUnwrapper.unwrap(dataSource, HikariConfigMXBean.class, HikariDataSource.class);
		}

	}

}
