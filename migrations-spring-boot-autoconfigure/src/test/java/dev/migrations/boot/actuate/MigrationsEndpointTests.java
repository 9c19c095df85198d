package dev.migrations.boot.actuate;

import java.util.UUID;

import javax.sql.DataSource;

import dev.migrations.MigrationState;
import dev.migrations.boot.actuate.MigrationsEndpoint.ActionDescriptor;
import dev.migrations.boot.actuate.MigrationsEndpoint.ContextMigrationsDescriptor;
import dev.migrations.boot.actuate.MigrationsEndpoint.MigrationDetailDescriptor;
import dev.migrations.runner.MigrationRunner;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link MigrationsEndpoint} with several runners, in a parent and a child
 * context.
 */
class MigrationsEndpointTests {

	private static final String ORDERS = "m_20241201000000_create_orders_table";

	private static final String REPORTS = "m_20241201000000_create_reports_table";

	@Test
	void describesTheRunnersOfEveryContextByBeanName() {
		new ApplicationContextRunner().withBean("ordersRunner", MigrationRunner.class, () -> runner("db/orders"))
			.run((parent) -> new ApplicationContextRunner().withParent(parent)
				.withBean("reportsRunner", MigrationRunner.class, () -> runner("db/reporting"))
				.withBean(MigrationsEndpoint.class)
				.run((context) -> {
					MigrationsEndpoint endpoint = context.getBean(MigrationsEndpoint.class);
					var contexts = endpoint.migrations().contexts();
					assertThat(contexts).containsOnlyKeys(context.getId(), parent.getId());
					ContextMigrationsDescriptor child = contexts.get(context.getId());
					assertThat(child.parentId()).isEqualTo(parent.getId());
					assertThat(child.runners()).containsOnlyKeys("reportsRunner");
					assertThat(child.runners().get("reportsRunner").migrations()).singleElement()
						.satisfies((migration) -> {
							assertThat(migration.id()).isEqualTo(REPORTS);
							assertThat(migration.state()).isEqualTo(MigrationState.PENDING);
						});
					assertThat(contexts.get(parent.getId()).runners()).containsOnlyKeys("ordersRunner");
				}));
	}

	@Test
	void writeOperationsNeedTheRunnerNameWhenThereAreSeveral() {
		new ApplicationContextRunner().withBean("ordersRunner", MigrationRunner.class, () -> runner("db/orders"))
			.withBean("reportsRunner", MigrationRunner.class, () -> runner("db/reporting"))
			.withBean(MigrationsEndpoint.class)
			.run((context) -> {
				MigrationsEndpoint endpoint = context.getBean(MigrationsEndpoint.class);
				assertThatExceptionOfType(InvalidEndpointRequestException.class)
					.isThrownBy(() -> endpoint.migrate("apply", null, null, null))
					.withMessageContaining("There are 2 MigrationRunner beans");
				ActionDescriptor applied = endpoint.migrate("apply", null, null, "ordersRunner");
				assertThat(applied.runner()).isEqualTo("ordersRunner");
				assertThat(applied.migrations()).singleElement()
					.satisfies((migration) -> assertThat(migration.id()).isEqualTo(ORDERS));
				MigrationDetailDescriptor orders = (MigrationDetailDescriptor) endpoint.migration(ORDERS, null);
				assertThat(orders.runner()).isEqualTo("ordersRunner");
				assertThat(orders.migration().state()).isEqualTo(MigrationState.APPLIED);
				assertThat(
						((MigrationDetailDescriptor) endpoint.migration(REPORTS, "reportsRunner")).migration().state())
					.isEqualTo(MigrationState.PENDING);
				assertThat(endpoint.migration(REPORTS, "ordersRunner")).isNull();
			});
	}

	@Test
	void namesTheDatabaseAndItsVersion() {
		assertThat(MigrationsEndpoint.database("PostgreSQL", "15.20 (Debian 15.20-0+deb12u1)"))
			.isEqualTo("PostgreSQL 15.20");
		assertThat(MigrationsEndpoint.database("H2", "2.4.240 (2025-09-22)")).isEqualTo("H2 2.4.240");
		assertThat(MigrationsEndpoint.database("MySQL", "8.4.0")).isEqualTo("MySQL 8.4.0");
		assertThat(MigrationsEndpoint.database("MariaDB", "10.11.19-MariaDB-0+deb12u1")).isEqualTo("MariaDB 10.11.19");
	}

	@Test
	void namesMariadbBehindTheMysqlDriver() {
		assertThat(MigrationsEndpoint.database("MySQL", "5.5.5-10.11.19-MariaDB")).isEqualTo("MariaDB 10.11.19");
		assertThat(MigrationsEndpoint.database("MySQL", "5.5.5-10.11.19-MariaDB-0+deb12u1"))
			.isEqualTo("MariaDB 10.11.19");
	}

	private static MigrationRunner runner(String location) {
		String url = "jdbc:h2:mem:endpoint_" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1";
		DataSource dataSource = new DriverManagerDataSource(url, "sa", "");
		return MigrationRunner.builder(dataSource).locations("classpath:" + location).build();
	}

}
