package dev.migrations.test.spring.examples.instances;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import dev.migrations.Migration;
import dev.migrations.MigrationListener;
import dev.migrations.boot.autoconfigure.MigrationBean;
import dev.migrations.test.spring.examples.Recording;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * An application with two DataSources, each migrated by an instance of its own: orders,
 * with a placeholder and a Migration bean, and reporting, with its own ledger table and a
 * Java migration found by scanning its location's package, configured in
 * {@code instances.properties}. It records the migrations its own runners apply.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class InstancesApplication {

	/** The runs of the Migration bean in this JVM: once per template. */
	public static final AtomicInteger SEED_RUNS = new AtomicInteger();

	/** The ids of the migrations the application's runners applied, in this JVM. */
	public static final List<String> APPLIED_BY_APPLICATION = new CopyOnWriteArrayList<>();

	@Bean
	@Primary
	DataSource ordersDataSource() {
		return DataSourceBuilder.create().url("jdbc:h2:mem:orders").build();
	}

	@Bean
	DataSource reportingDataSource() {
		return DataSourceBuilder.create().url("jdbc:h2:mem:reporting").build();
	}

	@Bean
	@MigrationBean(value = "m_20240401000200_seed_orders", instance = "orders")
	Migration seedOrders() {
		return Recording.counted(SEED_RUNS, "INSERT INTO orders (id) VALUES (1)", "DELETE FROM orders WHERE id = 1");
	}

	@Bean
	MigrationListener appliedMigrations() {
		return Recording.applied(APPLIED_BY_APPLICATION);
	}

}
