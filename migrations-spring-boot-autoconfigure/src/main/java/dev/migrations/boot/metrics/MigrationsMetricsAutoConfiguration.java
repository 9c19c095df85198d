package dev.migrations.boot.metrics;

import dev.migrations.boot.autoconfigure.MigrationFleetAutoConfiguration;
import dev.migrations.boot.autoconfigure.MigrationsAutoConfiguration;
import dev.migrations.runner.MigrationFleet;
import dev.migrations.runner.MigrationRunner;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for migration metrics when there is
 * a {@link MeterRegistry}: the gauges of {@link MigrationsMeterBinder} and the lock wait
 * timer of {@link MigrationsLockWaitListener}, and with a fleet those of
 * {@link MigrationFleetMeterBinder}.
 */
@AutoConfiguration(after = { MigrationsAutoConfiguration.class, MigrationFleetAutoConfiguration.class,
		MetricsAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class,
		SimpleMetricsExportAutoConfiguration.class })
@ConditionalOnClass({ MigrationRunner.class, MeterRegistry.class })
@ConditionalOnBean({ MeterRegistry.class, MigrationRunner.class })
public final class MigrationsMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	MigrationsMeterBinder migrationsMeterBinder(ListableBeanFactory beanFactory) {
		return new MigrationsMeterBinder(beanFactory);
	}

	@Bean
	@ConditionalOnMissingBean
	MigrationsLockWaitListener migrationsLockWaitListener(MeterRegistry meterRegistry) {
		return new MigrationsLockWaitListener(meterRegistry);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBean(MigrationFleet.class)
	static class FleetMetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		MigrationFleetMeterBinder migrationFleetMeterBinder(MigrationFleet fleet) {
			return new MigrationFleetMeterBinder(fleet);
		}

	}

}
