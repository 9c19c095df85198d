package dev.migrations.samples.multidatasource;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * The two DataSources, bound to {@code app.datasource.orders.*} and
 * {@code app.datasource.reporting.*}. Defining them makes Spring Boot's own DataSource
 * back off; the orders one is {@code @Primary} so that {@code JdbcTemplate} and other
 * single-DataSource auto-configuration still find one.
 */
@Configuration(proxyBeanMethods = false)
class DataSourcesConfiguration {

	@Bean
	@Primary
	@ConfigurationProperties("app.datasource.orders")
	HikariDataSource ordersDataSource() {
		return DataSourceBuilder.create().type(HikariDataSource.class).build();
	}

	@Bean
	@ConfigurationProperties("app.datasource.reporting")
	HikariDataSource reportingDataSource() {
		return DataSourceBuilder.create().type(HikariDataSource.class).build();
	}

}
