package dev.migrations.boot.metrics;

import dev.migrations.boot.autoconfigure.MigrationsAutoConfiguration;
import dev.migrations.runner.MigrationRunner;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for observations of migration runs:
 * a {@link MigrationsObservationListener}, which the auto-configured runners pick up like
 * any {@link dev.migrations.MigrationListener} bean, when there is an
 * {@link ObservationRegistry}.
 */
@AutoConfiguration(after = { MigrationsAutoConfiguration.class, ObservationAutoConfiguration.class })
@ConditionalOnClass({ MigrationRunner.class, ObservationRegistry.class })
@ConditionalOnBean({ ObservationRegistry.class, MigrationRunner.class })
public final class MigrationsObservationAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	MigrationsObservationListener migrationsObservationListener(ObservationRegistry observationRegistry) {
		return new MigrationsObservationListener(observationRegistry);
	}

}
