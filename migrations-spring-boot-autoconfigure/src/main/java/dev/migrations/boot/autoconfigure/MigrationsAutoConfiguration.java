package dev.migrations.boot.autoconfigure;

import javax.sql.DataSource;

import dev.migrations.boot.autoconfigure.MigrationsDataSourceCondition.InstancesConfiguredCondition;
import dev.migrations.boot.autoconfigure.MigrationsDataSourceCondition.MigrationsUrlCondition;
import dev.migrations.boot.autoconfigure.MigrationsDataSourceCondition.NoInstancesConfiguredCondition;
import dev.migrations.runner.MigrationFleet;
import dev.migrations.runner.MigrationRunner;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for migrations: builds a
 * {@link MigrationRunner} (or one per {@code migrations.instances} entry) and a
 * {@link MigrationsInitializer} that acts on it before anything else uses the database.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class)
@ConditionalOnClass(MigrationRunner.class)
@Conditional(MigrationsDataSourceCondition.class)
@ConditionalOnBooleanProperty(name = "migrations.enabled", matchIfMissing = true)
@EnableConfigurationProperties(MigrationsProperties.class)
@Import(DatabaseInitializationDependencyConfigurer.class)
public final class MigrationsAutoConfiguration {

	@Bean
	MigrationsSchemaManagementProvider migrationsSchemaManagementProvider(ObjectProvider<MigrationRunner> runners) {
		return new MigrationsSchemaManagementProvider(runners);
	}

	@Bean
	DedicatedDataSources migrationsDedicatedDataSources() {
		return new DedicatedDataSources();
	}

	@Bean
	@ConditionalOnMissingBean
	MigrationsInitializer migrationsInitializer(ObjectProvider<MigrationRunner> runners,
			ObjectProvider<MigrationStrategy> strategy, ObjectProvider<MigrationFleet> fleet,
			MigrationsProperties properties) {
		return new MigrationsInitializer(runners.orderedStream().toList(), properties.getOnStartup(),
				strategy.getIfAvailable(), fleet.getIfAvailable());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingBean(MigrationRunner.class)
	@Conditional(NoInstancesConfiguredCondition.class)
	static class SingleRunnerConfiguration {

		@Bean
		MigrationRunner migrationRunner(MigrationsProperties properties, ConfigurableListableBeanFactory beanFactory,
				Environment environment, ObjectProvider<DataSource> dataSource,
				@MigrationsDataSource ObjectProvider<DataSource> migrationsDataSource,
				ObjectProvider<MigrationsConnectionDetails> connectionDetails,
				DedicatedDataSources dedicatedDataSources) {
			return new MigrationRunnerFactory(properties, beanFactory, beanFactory.getBeanClassLoader(),
					dedicatedDataSources, environment)
				.createDefault(connectionDetails.getIfAvailable(), migrationsDataSource.getIfAvailable(),
						dataSource.getIfUnique());
		}

		@Configuration(proxyBeanMethods = false)
		@ConditionalOnMissingBean(MigrationsConnectionDetails.class)
		@Conditional(MigrationsUrlCondition.class)
		static class PropertiesConnectionDetailsConfiguration {

			@Bean
			PropertiesMigrationsConnectionDetails migrationsConnectionDetails(MigrationsProperties properties) {
				return new PropertiesMigrationsConnectionDetails(properties);
			}

		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingBean(MigrationRunner.class)
	@Conditional(InstancesConfiguredCondition.class)
	@Import(MigrationInstancesRegistrar.class)
	static class InstanceRunnersConfiguration {

	}

}
