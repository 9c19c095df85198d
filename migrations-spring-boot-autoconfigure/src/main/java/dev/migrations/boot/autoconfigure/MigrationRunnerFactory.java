package dev.migrations.boot.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import javax.sql.DataSource;

import dev.migrations.LedgerTable;
import dev.migrations.Migration;
import dev.migrations.MigrationDefinitionException;
import dev.migrations.MigrationEntry;
import dev.migrations.MigrationId;
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
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Builds the auto-configured runners from the properties and the beans of the context:
 * {@link Migration} beans with {@link MigrationBean}, {@link Migration} classes found by
 * scanning (created by the bean factory), {@link MigrationEntry} beans,
 * {@link MigrationListener}s and {@link MigrationRunnerCustomizer}s.
 */
final class MigrationRunnerFactory {

	private static final Logger logger = LoggerFactory.getLogger(MigrationRunnerFactory.class);

	private final MigrationsProperties properties;

	private final ListableBeanFactory beanFactory;

	private final ClassLoader classLoader;

	private final RunnerDataSources dataSources;

	private final List<String> secrets;

	private final Environment environment;

	private final MigrationBeans migrationBeans;

	MigrationRunnerFactory(MigrationsProperties properties, ListableBeanFactory beanFactory,
			@Nullable ClassLoader classLoader, DedicatedDataSources dedicatedDataSources, Environment environment) {
		this.properties = properties;
		this.beanFactory = beanFactory;
		this.classLoader = (classLoader != null) ? classLoader : MigrationRunnerFactory.class.getClassLoader();
		this.dataSources = new RunnerDataSources(properties, beanFactory, this.classLoader, dedicatedDataSources);
		this.secrets = MigrationsSecrets.of(environment, properties.getInstances().values());
		this.environment = environment;
		this.migrationBeans = new MigrationBeans(beanFactory, properties.getInstances().keySet());
	}

	/**
	 * Create the single runner that the top-level properties describe.
	 * @param connectionDetails the connection of migrations' own, if any: a
	 * {@link MigrationsConnectionDetails} bean, or the one of {@code migrations.url}
	 * @param migrationsDataSource the {@link MigrationsDataSource @MigrationsDataSource}
	 * bean, if any
	 * @param applicationDataSource the application's single DataSource, if any
	 * @return the runner
	 */
	MigrationRunner createDefault(@Nullable MigrationsConnectionDetails connectionDetails,
			@Nullable DataSource migrationsDataSource, @Nullable DataSource applicationDataSource) {
		DataSource base = (migrationsDataSource != null) ? migrationsDataSource : applicationDataSource;
		String user = this.properties.getUser();
		String password = this.properties.getPassword();
		List<String> secrets = List.of();
		DataSource dataSource;
		if (connectionDetails != null) {
			dataSource = this.dataSources.dataSource(connectionDetails);
			user = connectionDetails.getUsername();
			password = connectionDetails.getPassword();
			secrets = RunnerDataSources.secretsOf(connectionDetails);
		}
		else {
			dataSource = this.dataSources.dataSource(base, null, user, password, this.properties.getDriverClassName(),
					null);
			if (migrationsDataSource == null && applicationDataSource != null) {
				SqlInitializationOverlap.warnIfOverlapping(this.environment, this.classLoader, applicationDataSource);
			}
		}
		LedgerTable table = ledgerTable(emptyToNull(this.properties.getSchema()), "migrations.schema",
				this.properties.getTable(), "migrations.table");
		RunSettings settings = RunSettings.of(this.properties);
		MigrationRunner.Builder builder = builder(dataSource, table, settings, this.secrets)
			.locations(this.properties.getLocations())
			.lockTimeout(this.properties.getLockTimeout())
			.transactionMode(this.properties.getTransactionMode())
			.outOfOrder(this.properties.getOutOfOrder())
			.validateOnApply(this.properties.isValidateOnApply())
			.allowDestructive(this.properties.isAllowDestructive())
			.encoding(this.properties.getEncoding())
			.verify(this.properties.getVerify())
			.baselineOnMigrate(this.properties.isBaselineOnMigrate())
			.baselineVersion(baselineVersion(this.properties.getBaselineVersion(), "migrations.baseline-version"))
			.flywayTable(flywayTable())
			.shadow(shadow(user, password))
			.javaPackages(this.properties.getJavaPackages())
			.javaMigrationFactory(this.migrationBeans.scanned(null))
			.entries(this.migrationBeans.javaMigrations(null))
			.entries(this.migrationBeans.entryBeans(null));
		settings.applyTo(builder);
		return build(builder, secrets);
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
		DataSource dataSource = this.dataSources.dataSource(base, instance.getUrl(), instance.getUser(),
				instance.getPassword(), instance.getDriverClassName(), name);
		List<String> locations = (instance.getLocations() != null) ? instance.getLocations()
				: List.of("classpath:db/migrations/" + name);
		String schema = (instance.getSchema() != null) ? instance.getSchema() : this.properties.getSchema();
		String tableName = (instance.getTable() != null) ? instance.getTable() : this.properties.getTable();
		LedgerTable table = ledgerTable(emptyToNull(schema),
				(instance.getSchema() != null) ? prefix + ".schema" : "migrations.schema", tableName,
				(instance.getTable() != null) ? prefix + ".table" : "migrations.table");
		RunSettings settings = RunSettings.of(this.properties, instance, prefix);
		MigrationRunner.Builder builder = builder(dataSource, table, settings, this.secrets).locations(locations)
			.lockTimeout(Objects.requireNonNullElse(instance.getLockTimeout(), this.properties.getLockTimeout()))
			.transactionMode(
					Objects.requireNonNullElse(instance.getTransactionMode(), this.properties.getTransactionMode()))
			.outOfOrder(Objects.requireNonNullElse(instance.getOutOfOrder(), this.properties.getOutOfOrder()))
			.validateOnApply(
					Objects.requireNonNullElse(instance.getValidateOnApply(), this.properties.isValidateOnApply()))
			.allowDestructive(this.properties.isAllowDestructive())
			.encoding(Objects.requireNonNullElse(instance.getEncoding(), this.properties.getEncoding()))
			.verify(this.properties.getVerify())
			.baselineOnMigrate(
					Objects.requireNonNullElse(instance.getBaselineOnMigrate(), this.properties.isBaselineOnMigrate()))
			.baselineVersion((instance.getBaselineVersion() != null)
					? baselineVersion(instance.getBaselineVersion(), prefix + ".baseline-version")
					: baselineVersion(this.properties.getBaselineVersion(), "migrations.baseline-version"))
			.flywayTable(flywayTable())
			.shadow(shadow((instance.getUser() != null) ? instance.getUser() : this.properties.getUser(),
					(instance.getPassword() != null) ? instance.getPassword() : this.properties.getPassword()))
			.javaMigrationFactory(this.migrationBeans.scanned(name))
			.entries(this.migrationBeans.javaMigrations(name))
			.entries(this.migrationBeans.entryBeans(name));
		settings.applyTo(builder);
		return build(builder, List.of());
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
	 * fresh connection. The lock's session runs the init SQL as every other connection
	 * does, as Flyway's {@code initSql} runs on each connection it opens: a
	 * {@code SET ROLE} or {@code SET search_path} holds there too.
	 */
	private static MigrationRunner.Builder builder(DataSource dataSource, LedgerTable table, RunSettings settings,
			List<String> secrets) {
		MigrationRunner.Builder builder = MigrationRunner.builder(dataSource).table(table.schema(), table.name());
		if (dataSource instanceof DedicatedDataSource dedicated && dedicated.isPooled()) {
			Dialect dialect = dedicated.detectDialect(settings.connectRetries(), settings.connectRetriesInterval(),
					secrets);
			builder.dialect(dialect)
				.lockOnConnections((connections) -> dedicated.runsOnFreshConnections(dialect.lock(connections, table)));
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

	private static @Nullable MigrationId baselineVersion(@Nullable String id, String property) {
		if (id == null || id.isBlank()) {
			return null;
		}
		try {
			return MigrationId.parse(id.strip());
		}
		catch (MigrationDefinitionException ex) {
			throw invalidName(ex, property, "set " + property + " to the id of the newest migration the database "
					+ "already has, for example " + property + "=m_20000101000003_create_orders");
		}
	}

	private String flywayTable() {
		String name = this.properties.getBaselineFlywayTable();
		try {
			LedgerTable.parse(name);
			return name;
		}
		catch (MigrationDefinitionException ex) {
			throw invalidName(ex, "migrations.baseline-flyway-table",
					"set migrations.baseline-flyway-table to the name of Flyway's history table (spring.flyway.table), "
							+ "for example migrations.baseline-flyway-table=flyway_schema_history (the default)");
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
	static Remedy correction(@Nullable String property, String step) {
		Remedy remedy = Remedy.of(Remedy.Kind.CORRECT_CONFIGURATION).with(Remedy.Fact.STEP, step);
		return (property != null) ? remedy.with(Remedy.Fact.SETTING, property) : remedy;
	}

	/**
	 * Build a runner that masks the configured passwords and those of its own
	 * connection's details, which the environment may not have (a container's, for
	 * example).
	 */
	private MigrationRunner build(MigrationRunner.Builder builder, List<String> connectionSecrets) {
		List<String> secrets = new ArrayList<>(this.secrets);
		connectionSecrets.stream().filter((secret) -> !secrets.contains(secret)).forEach(secrets::add);
		builder.classLoader(this.classLoader).secrets(secrets);
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

	private static @Nullable String emptyToNull(@Nullable String value) {
		return StringUtils.hasText(value) ? value : null;
	}

}
