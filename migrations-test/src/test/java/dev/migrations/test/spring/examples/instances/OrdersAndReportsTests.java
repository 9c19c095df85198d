package dev.migrations.test.spring.examples.instances;

import javax.sql.DataSource;

import dev.migrations.MigrationState;
import dev.migrations.MigrationStatus;
import dev.migrations.runner.MigrationRunner;
import dev.migrations.test.spring.AutoConfigureMigratedDatabase;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

@SpringBootTest(classes = InstancesApplication.class)
@TestPropertySource("instances.properties")
@AutoConfigureMigratedDatabase
class OrdersAndReportsTests {

	@Autowired
	@Qualifier("ordersDataSource")
	private DataSource orders;

	@Autowired
	@Qualifier("reportingDataSource")
	private DataSource reporting;

	@Autowired
	@Qualifier("ordersMigrationRunner")
	private MigrationRunner ordersRunner;

	@Autowired
	@Qualifier("reportingMigrationRunner")
	private MigrationRunner reportingRunner;

	@Test
	void eachDataSourceStartsFromEveryMigrationOfItsInstanceAndWrites() {
		assertThat(this.ordersRunner.status()).extracting((status) -> status.id().toString(), MigrationStatus::state)
			.containsExactly(applied("m_20240401000100_create_orders"), applied("m_20240401000200_seed_orders"));
		assertThat(this.reportingRunner.status()).extracting((status) -> status.id().toString(), MigrationStatus::state)
			.containsExactly(applied("m_20240401000100_create_reports"), applied("m_20240401000200_add_weekly_report"));
		JdbcTemplate orders = new JdbcTemplate(this.orders);
		assertThat(orders.queryForList("SELECT currency FROM orders", String.class)).containsExactly("EUR");
		assertThat(new JdbcTemplate(this.reporting).queryForList("SELECT name FROM reports ORDER BY id", String.class))
			.containsExactly("daily", "weekly");
		orders.update("INSERT INTO orders (id) VALUES (2)");
	}

	private static Tuple applied(String id) {
		return tuple(id, MigrationState.APPLIED);
	}

}
