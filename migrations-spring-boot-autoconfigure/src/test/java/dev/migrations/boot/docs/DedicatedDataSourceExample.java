package dev.migrations.boot.docs;

import javax.sql.DataSource;

import dev.migrations.boot.autoconfigure.MigrationsDataSource;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;

/**
 * The two DataSources of docs/spring-boot.md, "Dedicated DataSource".
 */
@Configuration(proxyBeanMethods = false)
class DedicatedDataSourceExample {

	@Bean
	@Primary
	DataSource dataSource(DataSourceProperties properties) { // the application's
		return properties.initializeDataSourceBuilder().build();
	}

	@Bean
	@MigrationsDataSource
	DataSource migrationsDataSource(Environment environment) { // owner with DDL rights
		return DataSourceBuilder.create()
			.url(environment.getProperty("app.migrations.url"))
			.username(environment.getProperty("app.migrations.user"))
			.password(environment.getProperty("app.migrations.password"))
			.build();
	}

}
