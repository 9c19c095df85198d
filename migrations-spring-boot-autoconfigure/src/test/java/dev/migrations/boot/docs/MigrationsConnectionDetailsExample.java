package dev.migrations.boot.docs;

import dev.migrations.boot.autoconfigure.MigrationsConnectionDetails;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The connection details bean of docs/spring-boot.md, "Service connections".
 */
@Configuration(proxyBeanMethods = false)
class MigrationsConnectionDetailsExample {

	@Bean
	MigrationsConnectionDetails migrationsConnectionDetails(Environment environment) {
		return new MigrationsConnectionDetails() {

			@Override
			public String getJdbcUrl() {
				return environment.getRequiredProperty("app.owner.url");
			}

			@Override
			public String getUsername() {
				return environment.getRequiredProperty("app.owner.user");
			}

			@Override
			public String getPassword() {
				return environment.getRequiredProperty("app.owner.password");
			}

		};
	}

}
