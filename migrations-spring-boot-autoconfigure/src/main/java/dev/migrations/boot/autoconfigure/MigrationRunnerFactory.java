package dev.migrations.boot.autoconfigure;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import javax.sql.DataSource;

import dev.migrations.Credentials;
import dev.migrations.LedgerTable;
import dev.migrations.Migration;
import dev.migrations.MigrationDefinitionException;
import dev.migrations.MigrationEntry;
import dev.migrations.MigrationException;
import dev.migrations.MigrationListener;
import dev.migrations.Remedy;
import dev.migrations.boot.autoconfigure.MigrationsProperties.Instance;
import dev.migrations.dialect.Dialect;
import dev.migrations.runner.MigrationRunner;
import dev.migrations.runner.ShadowDatabase;
import dev.migrations.source.MigrationIndex;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aot.AotDetector;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.boot.jdbc.metadata.CompositeDataSourcePoolMetadataProvider;
import org.springframework.boot.jdbc.metadata.DataSourcePoolMetadata;
import org.springframework.boot.jdbc.metadata.DataSourcePoolMetadataProvider;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * Builds the auto-configured runners from the properties and the beans of the context:
 * {@link Migration} beans with {@link MigrationBean}, {@link MigrationEntry} beans,
 * {@link MigrationListener}s and {@link MigrationRunnerCustomizer}s.
 */
final class MigrationRunnerFactory {

	private static final Logger logger = LoggerFactory.getLogger(MigrationRunnerFactory.class);

	private final MigrationsProperties properties;

	private final ListableBeanFactory beanFactory;

	private final ClassLoader classLoader;

	private final DedicatedDataSources dedicatedDataSources;

	private final List<String> secrets;

	private final Environment environment;

	MigrationRunnerFactory(MigrationsProperties properties, ListableBeanFactory beanFactory,
			@Nullable ClassLoader classLoader, DedicatedDataSources dedicatedDataSources, Environment environment) {
		this.properties = properties;
		this.beanFactory = beanFactory;
		this.classLoader = (classLoader != null) ? classLoader : MigrationRunnerFactory.class.getClassLoader();
		this.dedicatedDataSources = dedicatedDataSources;
		this.secrets = MigrationsSecrets.of(environment);
		this.environment = environment;
	}

	/**
	 * Create the single runner that the top-level properties describe.
	 * @param migrationsDataSource the {@link MigrationsDataSource @MigrationsDataSource}
	 * bean, if any
	 * @param applicationDataSource the application's single DataSource, if any
	 * @return the runner
	 */
	MigrationRunner createDefault(@Nullable DataSource migrationsDataSource,
			@Nullable DataSource applicationDataSource) {
		DataSource base = (migrationsDataSource != null) ? migrationsDataSource : applicationDataSource;
		DataSource dataSource = dataSource(base, this.properties.getUrl(), this.properties.getUser(),
				this.properties.getPassword(), null);
		LedgerTable table = ledgerTable(emptyToNull(this.properties.getSchema()), "migrations.schema",
				this.properties.getTable(), "migrations.table");
		MigrationRunner.Builder builder = builder(dataSource, table).locations(this.properties.getLocations())
			.lockTimeout(this.properties.getLockTimeout())
			.transactionMode(this.properties.getTransactionMode())
			.outOfOrder(this.properties.getOutOfOrder())
			.validateOnApply(this.properties.isValidateOnApply())
			.allowDestructive(this.properties.isAllowDestructive())
			.encoding(this.properties.getEncoding())
			.verify(this.properties.getVerify())
			.shadow(shadow(this.properties.getUser(), this.properties.getPassword()))
			.entries(javaMigrations(null))
			.entries(entryBeans(null));
		return build(builder);
	}

	/**
	 * Create the runner of one {@code migrations.instances.<name>} entry.
	 * @param name the name of the instance
	 * @return the runner
	 */
	MigrationRunner createInstance(String name) {
		Instance instance = this.properties.getInstances().get(name);
		if (instance == null) {
			throw new IllegalStateException("No migrations.instances." + name + " is configured");
		}
		DataSource base = (instance.getDataSource() != null)
				? this.beanFactory.getBean(instance.getDataSource(), DataSource.class)
				: this.beanFactory.getBeanProvider(DataSource.class).getIfUnique();
		String prefix = "migrations.instances." + name;
		DataSource dataSource = dataSource(base, instance.getUrl(), instance.getUser(), instance.getPassword(), name);
		List<String> locations = (instance.getLocations() != null) ? instance.getLocations()
				: List.of("classpath:db/migrations/" + name);
		String schema = (instance.getSchema() != null) ? instance.getSchema() : this.properties.getSchema();
		String tableName = (instance.getTable() != null) ? instance.getTable() : this.properties.getTable();
		LedgerTable table = ledgerTable(emptyToNull(schema),
				(instance.getSchema() != null) ? prefix + ".schema" : "migrations.schema", tableName,
				(instance.getTable() != null) ? prefix + ".table" : "migrations.table");
		MigrationRunner.Builder builder = builder(dataSource, table).locations(locations)
			.lockTimeout(Objects.requireNonNullElse(instance.getLockTimeout(), this.properties.getLockTimeout()))
			.transactionMode(
					Objects.requireNonNullElse(instance.getTransactionMode(), this.properties.getTransactionMode()))
			.outOfOrder(Objects.requireNonNullElse(instance.getOutOfOrder(), this.properties.getOutOfOrder()))
			.validateOnApply(
					Objects.requireNonNullElse(instance.getValidateOnApply(), this.properties.isValidateOnApply()))
			.allowDestructive(this.properties.isAllowDestructive())
			.encoding(this.properties.getEncoding())
			.verify(this.properties.getVerify())
			.shadow(shadow((instance.getUser() != null) ? instance.getUser() : this.properties.getUser(),
					(instance.getPassword() != null) ? instance.getPassword() : this.properties.getPassword()))
			.entries(javaMigrations(name))
			.entries(entryBeans(name));
		return build(builder);
	}

	/**
	 * Return the shadow database: the one {@code migrations.shadow-url} names, or a
	 * temporary one reached as the database to migrate is, with the user and password of
	 * the migrations' own connection or else of {@code spring.datasource}, since a pool
	 * does not tell its password.
	 */
	private ShadowDatabase shadow(@Nullable String user, @Nullable String password) {
		String shadowUrl = emptyToNull(this.properties.getShadowUrl());
		if (shadowUrl != null) {
			return ShadowDatabase.of(shadowUrl, this.properties.getShadowUser(), this.properties.getShadowPassword());
		}
		String shadowUser = (this.properties.getShadowUser() != null) ? this.properties.getShadowUser()
				: (user != null) ? user : this.environment.getProperty("spring.datasource.username");
		String shadowPassword = (this.properties.getShadowPassword() != null) ? this.properties.getShadowPassword()
				: (user != null) ? password : this.environment.getProperty("spring.datasource.password");
		return ShadowDatabase.temporary(shadowUser, shadowPassword);
	}

	/**
	 * Start a builder for a DataSource and ledger. The runs of a connection of
	 * migrations' own take fresh connections, and everything else its pool; the lock,
	 * which tells the two apart, needs the dialect first, so it is detected here, on a
	 * fresh connection.
	 */
	private static MigrationRunner.Builder builder(DataSource dataSource, LedgerTable table) {
		MigrationRunner.Builder builder = MigrationRunner.builder(dataSource).table(table.schema(), table.name());
		if (dataSource instanceof DedicatedDataSource dedicated && dedicated.isPooled()) {
			Dialect dialect = dedicated.detectDialect();
			builder.dialect(dialect).lock(dedicated.runsOnFreshConnections(dialect.lock(dedicated, table)));
		}
		return builder;
	}

	/**
	 * Check the ledger's names here, where the properties that set them are known, so
	 * that the failure can name the property to correct.
	 */
	private static LedgerTable ledgerTable(@Nullable String schema, String schemaProperty, String table,
			String tableProperty) {
		try {
			new LedgerTable(null, table);
		}
		catch (MigrationDefinitionException ex) {
			String correction = table.contains(".")
					? "set " + tableProperty + " to the table name alone, for example " + tableProperty + "="
							+ LedgerTable.DEFAULT_NAME + ", and the schema in " + schemaProperty
					: "set " + tableProperty + " to such a name, for example " + tableProperty + "="
							+ LedgerTable.DEFAULT_NAME + " (the default)";
			throw invalidName(ex, tableProperty, correction);
		}
		try {
			return new LedgerTable(schema, table);
		}
		catch (MigrationDefinitionException ex) {
			throw invalidName(ex, schemaProperty, "set " + schemaProperty + " to such a name, that of an existing "
					+ "schema, or leave it empty to keep the ledger in the connection's current schema");
		}
	}

	private static MigrationDefinitionException invalidName(MigrationDefinitionException ex, String property,
			String correction) {
		return new MigrationDefinitionException(ex.description() + ".",
				correction(property, correction + "; then start the application again. Nothing was applied."), ex);
	}

	/**
	 * The remedy of a configuration that only this application knows how to correct.
	 */
	private static Remedy correction(@Nullable String property, String step) {
		Remedy remedy = Remedy.of(Remedy.Kind.CORRECT_CONFIGURATION).with(Remedy.Fact.STEP, step);
		return (property != null) ? remedy.with(Remedy.Fact.SETTING, property) : remedy;
	}

	private MigrationRunner build(MigrationRunner.Builder builder) {
		builder.classLoader(this.classLoader).secrets(this.secrets);
		if (AotDetector.useGeneratedArtifacts()) {
			// The index that process-aot wrote: the scripts are not listed, read or
			// hashed at start-up
			MigrationIndex index = MigrationIndex.find(this.classLoader);
			if (index != null) {
				logger.info("Reading the SQL migrations of the class path from the index written at build time, {}",
						MigrationIndex.RESOURCE);
			}
			builder.index(index);
		}
		this.beanFactory.getBeanProvider(MigrationListener.class).orderedStream().forEach(builder::listener);
		this.beanFactory.getBeanProvider(MigrationRunnerCustomizer.class)
			.orderedStream()
			.forEach((customizer) -> customizer.customize(builder));
		return builder.build();
	}

	private List<MigrationEntry> javaMigrations(@Nullable String instanceName) {
		Map<String, Instance> instances = this.properties.getInstances();
		List<MigrationEntry> entries = new ArrayList<>();
		for (String beanName : this.beanFactory.getBeanNamesForType(Migration.class)) {
			MigrationBean annotation = this.beanFactory.findAnnotationOnBean(beanName, MigrationBean.class);
			if (annotation == null) {
				throw new MigrationDefinitionException("Migration bean '" + beanName + "' has no id.",
						correction(null,
								"annotate its class or @Bean method with @" + MigrationBean.class.getName()
										+ "(\"m_<yyyyMMddHHmmss>_<name>\"), for example "
										+ "@MigrationBean(\"m_20241201000000_create_users_table\")."),
						null);
			}
			String target = annotation.instance();
			if (instanceName == null && !target.isEmpty()) {
				throw new MigrationDefinitionException(
						"Migration bean '" + beanName + "' is for instance '" + target
								+ "', but no migrations.instances are configured.",
						correction("migrations.instances." + target, "remove instance = \"" + target
								+ "\" from its @MigrationBean, or configure migrations.instances." + target + "."),
						null);
			}
			if (instanceName != null && !instances.containsKey(target)) {
				throw new MigrationDefinitionException(
						"Migration bean '" + beanName + "' does not name one of the configured migrations.instances "
								+ instances.keySet() + ".",
						correction(null, "add instance = \"<name>\" to its @MigrationBean."), null);
			}
			if (Objects.equals(target, (instanceName != null) ? instanceName : "")) {
				entries.add(new MigrationEntry(parseId(beanName, annotation.value()),
						this.beanFactory.getBean(beanName, Migration.class), "bean '" + beanName + "'"));
			}
		}
		return entries;
	}

	private List<MigrationEntry> entryBeans(@Nullable String instanceName) {
		List<MigrationEntry> entries = this.beanFactory.getBeanProvider(MigrationEntry.class).orderedStream().toList();
		if (instanceName != null && !entries.isEmpty()) {
			throw new MigrationDefinitionException(
					"MigrationEntry beans cannot be assigned to one of several migrations.instances.",
					correction(null, "declare each as a Migration bean with "
							+ "@MigrationBean(value = \"m_...\", instance = \"<name>\") instead."),
					null);
		}
		return entries;
	}

	private static dev.migrations.MigrationId parseId(String beanName, String id) {
		try {
			return dev.migrations.MigrationId.parse(id);
		}
		catch (MigrationException ex) {
			throw new MigrationDefinitionException("Migration bean '" + beanName + "': " + ex.getMessage());
		}
	}

	private DataSource dataSource(@Nullable DataSource base, @Nullable String url, @Nullable String user,
			@Nullable String password, @Nullable String instance) {
		String prefix = (instance != null) ? "migrations.instances." + instance : "migrations";
		if (StringUtils.hasText(url)) {
			DataSourceBuilder<?> builder = DataSourceBuilder.create(this.classLoader)
				.url(url)
				.driverClassName(driverClassName(url, prefix + ".url"));
			if (user != null) {
				builder.username(user);
			}
			if (password != null) {
				builder.password(password);
			}
			return dedicated(builder, prefix);
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

	private DataSource dedicated(DataSourceBuilder<?> builder, String prefix) {
		return this.dedicatedDataSources.register(DedicatedDataSource.create(builder, prefix, this.classLoader));
	}

	/**
	 * Refuse a pool that opens one connection at most now: a run needs two at once (the
	 * lock holds one), and the second would fail only after the pool's wait for it.
	 */
	private void requireTwoConnections(DataSource dataSource, String prefix) {
		List<DataSourcePoolMetadataProvider> providers = this.beanFactory
			.getBeanProvider(DataSourcePoolMetadataProvider.class)
			.orderedStream()
			.toList();
		DataSourcePoolMetadata pool = new CompositeDataSourcePoolMetadataProvider(providers)
			.getDataSourcePoolMetadata(dataSource);
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
	 * Find the driver for a URL now, so that a URL no driver accepts fails naming the
	 * property instead of at the first connection, with "Driver has not been set".
	 */
	private String driverClassName(String url, String property) {
		DatabaseDriver database = url.startsWith("jdbc:") ? DatabaseDriver.fromJdbcUrl(url) : DatabaseDriver.UNKNOWN;
		String known = database.getDriverClassName();
		if (known != null && ClassUtils.isPresent(known, this.classLoader)) {
			return known;
		}
		try {
			return DriverManager.getDriver(url).getClass().getName();
		}
		catch (SQLException ex) {
			String description = "No JDBC driver accepts " + property + " '" + Credentials.mask(url) + "'";
			if (known != null) {
				throw new MigrationException(description + ": its driver, " + known + ", is not on the class path.",
						correction(property, "add that driver to the application's dependencies, or correct " + property
								+ "; then start the application again."),
						ex);
			}
			throw new MigrationException(description + ".",
					correction(property, "correct " + property + ": a JDBC URL names its database after jdbc:, for "
							+ "example jdbc:postgresql://localhost:5432/app or jdbc:mariadb://localhost:3306/app, "
							+ "and that database's driver must be on the class path; then start the application "
							+ "again."),
					ex);
		}
	}

	private static @Nullable String emptyToNull(@Nullable String value) {
		return StringUtils.hasText(value) ? value : null;
	}

}
