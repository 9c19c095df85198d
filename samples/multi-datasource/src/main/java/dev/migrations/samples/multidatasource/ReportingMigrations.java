package dev.migrations.samples.multidatasource;

import dev.migrations.Migration;
import dev.migrations.boot.autoconfigure.MigrationBean;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A Java migration that belongs to one instance: {@code instance = "reporting"} sends it
 * to the reporting database, between the SQL files of
 * {@code classpath:db/migrations/reporting}.
 */
@Configuration(proxyBeanMethods = false)
class ReportingMigrations {

	@Bean
	@MigrationBean(value = "m_20241201000100_add_order_count_to_daily_totals", instance = "reporting")
	Migration addOrderCountToDailyTotals() {
		return (schema) -> schema.table("daily_totals", (table) -> table.integer("order_count").defaultValue(0));
	}

}
