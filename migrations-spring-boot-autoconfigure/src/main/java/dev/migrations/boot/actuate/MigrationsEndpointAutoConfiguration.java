package dev.migrations.boot.actuate;

import dev.migrations.boot.autoconfigure.MigrationFleetAutoConfiguration;
import dev.migrations.boot.autoconfigure.MigrationsAutoConfiguration;
import dev.migrations.runner.MigrationRunner;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for the {@link MigrationsEndpoint},
 * when Actuator is on the classpath and the endpoint is available.
 */
@AutoConfiguration(after = { MigrationsAutoConfiguration.class, MigrationFleetAutoConfiguration.class })
@ConditionalOnClass({ MigrationRunner.class, ConditionalOnAvailableEndpoint.class })
@ConditionalOnBean(MigrationRunner.class)
public final class MigrationsEndpointAutoConfiguration {

	// Nested so that its Actuator condition is read only once Actuator is known to be
	// on the classpath
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnAvailableEndpoint(MigrationsEndpoint.class)
	static class EndpointConfiguration {

		@Bean
		@ConditionalOnMissingBean
		MigrationsEndpoint migrationsEndpoint(ApplicationContext context) {
			return new MigrationsEndpoint(context);
		}

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnBean(MigrationsEndpoint.class)
		MigrationsEndpointWebExtension migrationsEndpointWebExtension(MigrationsEndpoint endpoint) {
			return new MigrationsEndpointWebExtension(endpoint);
		}

	}

}
