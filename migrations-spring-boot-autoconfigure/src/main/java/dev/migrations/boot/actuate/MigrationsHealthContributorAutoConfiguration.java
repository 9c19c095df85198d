package dev.migrations.boot.actuate;

import java.util.List;
import java.util.Map;

import dev.migrations.boot.autoconfigure.MigrationFleetAutoConfiguration;
import dev.migrations.boot.autoconfigure.MigrationsAutoConfiguration;
import dev.migrations.boot.autoconfigure.MigrationsInitializer;
import dev.migrations.boot.autoconfigure.MigrationsSecrets;
import dev.migrations.runner.MigrationFleet;
import dev.migrations.runner.MigrationRunner;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for the {@code migrations} health
 * contributor: a {@link MigrationsHealthIndicator} for a single runner, or one per runner
 * bean, by name, when there are several; a {@link MigrationFleetHealthIndicator} instead
 * when there is a fleet, whose targets the runner's migrations are run in. Each knows
 * from the {@link MigrationsInitializer} whether the application applies pending
 * migrations itself; without one, it does not. Disabled with
 * {@code management.health.migrations.enabled=false}.
 */
@AutoConfiguration(after = { MigrationsAutoConfiguration.class, MigrationFleetAutoConfiguration.class })
@ConditionalOnClass({ MigrationRunner.class, ConditionalOnEnabledHealthIndicator.class })
@ConditionalOnBean(MigrationRunner.class)
public final class MigrationsHealthContributorAutoConfiguration {

	// Nested so that its health condition is read only once Spring Boot's health support
	// is known to be on the classpath
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnEnabledHealthIndicator("migrations")
	static class HealthContributorConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = { "migrationsHealthIndicator", "migrationsHealthContributor" })
		HealthContributor migrationsHealthContributor(Map<String, MigrationRunner> runners,
				ObjectProvider<MigrationsInitializer> initializer, ObjectProvider<MigrationFleet> fleet,
				Environment environment) {
			MigrationsInitializer startup = initializer.getIfUnique();
			boolean appliesMigrations = startup != null && startup.appliesMigrations();
			List<String> secrets = MigrationsSecrets.of(environment);
			MigrationFleet migrationFleet = fleet.getIfUnique();
			if (migrationFleet != null) {
				return new MigrationFleetHealthIndicator(migrationFleet, appliesMigrations, secrets);
			}
			if (runners.size() == 1) {
				return new MigrationsHealthIndicator(runners.values().iterator().next(), appliesMigrations, secrets);
			}
			return CompositeHealthContributor.fromMap(runners,
					(runner) -> new MigrationsHealthIndicator(runner, appliesMigrations, secrets));
		}

	}

}
