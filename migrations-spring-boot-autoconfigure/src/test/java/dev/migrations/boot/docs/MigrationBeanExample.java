package dev.migrations.boot.docs;

import dev.migrations.Migration;
import dev.migrations.boot.autoconfigure.MigrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code Migration} bean of docs/spring-boot.md, "Getting started in three steps".
 */
@Configuration(proxyBeanMethods = false)
class MigrationBeanExample {

	@Bean
	@MigrationBean("m_20241201000050_add_name_to_users") // dev.migrations.boot.autoconfigure.MigrationBean
	Migration addNameToUsers() {
		return (schema) -> schema.sql("ALTER TABLE users ADD COLUMN name VARCHAR(100)");
	}

}
