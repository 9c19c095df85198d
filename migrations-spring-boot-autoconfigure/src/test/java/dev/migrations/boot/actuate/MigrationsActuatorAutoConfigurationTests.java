package dev.migrations.boot.actuate;

import java.util.UUID;

import javax.sql.DataSource;

import dev.migrations.boot.autoconfigure.MigrationsAutoConfiguration;
import dev.migrations.runner.MigrationRunner;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MigrationsEndpointAutoConfiguration} and
 * {@link MigrationsHealthContributorAutoConfiguration}.
 */
class MigrationsActuatorAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrationsAutoConfiguration.class,
				MigrationsEndpointAutoConfiguration.class, MigrationsHealthContributorAutoConfiguration.class))
		.withPropertyValues("spring.datasource.url=" + h2Url(), "management.endpoints.web.exposure.include=migrations");

	@Test
	void configuresTheEndpointAndTheHealthContributor() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(MigrationsEndpoint.class);
			assertThat(context.getBean("migrationsHealthContributor")).isInstanceOf(MigrationsHealthIndicator.class);
			Health health = context.getBean("migrationsHealthContributor", HealthIndicator.class).health();
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("applied", 2).containsEntry("pending", 0);
		});
	}

	@Test
	void healthIsOutOfServiceWhileMigrationsArePending() {
		this.contextRunner.withPropertyValues("migrations.on-startup=none").run((context) -> {
			Health health = context.getBean("migrationsHealthContributor", HealthIndicator.class).health();
			assertThat(health.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
			assertThat(health.getDetails()).containsEntry("pending", 2).doesNotContainKey("current");
		});
	}

	@Test
	void doesNotConfigureTheEndpointWhenItIsNotExposed() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=health")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(MigrationsEndpoint.class));
	}

	@Test
	void healthContributorBacksOffWhenDisabled() {
		this.contextRunner.withPropertyValues("management.health.migrations.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean("migrationsHealthContributor"));
	}

	@Test
	void healthContributorBacksOffWhenUserDefinesOne() {
		this.contextRunner
			.withBean("migrationsHealthIndicator", HealthIndicator.class, () -> () -> Health.unknown().build())
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean("migrationsHealthContributor")
				.hasBean("migrationsHealthIndicator"));
	}

	@Test
	void healthHasOneComponentPerRunnerWhenThereAreSeveral() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(MigrationsHealthContributorAutoConfiguration.class))
			.withBean("ordersRunner", MigrationRunner.class, () -> runner("classpath:db/orders"))
			.withBean("reportingRunner", MigrationRunner.class, () -> runner("classpath:db/reporting"))
			.run((context) -> {
				HealthContributor contributor = context.getBean("migrationsHealthContributor", HealthContributor.class);
				assertThat(contributor).isInstanceOf(CompositeHealthContributor.class);
				CompositeHealthContributor composite = (CompositeHealthContributor) contributor;
				assertThat(((HealthIndicator) composite.getContributor("ordersRunner")).health().getStatus())
					.isEqualTo(Status.OUT_OF_SERVICE);
				assertThat(((HealthIndicator) composite.getContributor("reportingRunner")).health().getStatus())
					.isEqualTo(Status.OUT_OF_SERVICE);
			});
	}

	@Test
	void startsAndMigratesWithoutActuator() {
		this.contextRunner
			.withClassLoader(
					new FilteredClassLoader("org.springframework.boot.actuate", "org.springframework.boot.health"))
			.run((context) -> {
				assertThat(context).hasNotFailed()
					.hasSingleBean(MigrationRunner.class)
					.doesNotHaveBean(MigrationsEndpoint.class)
					.doesNotHaveBean("migrationsHealthContributor");
				assertThat(ledgerIds(context.getBean(DataSource.class)))
					.containsExactly("m_20241201000000_create_users_table", "m_20241201000100_insert_first_user");
			});
	}

	private static MigrationRunner runner(String location) {
		return MigrationRunner.builder(new DriverManagerDataSource(h2Url() + ";DB_CLOSE_DELAY=-1", "sa", ""))
			.locations(location)
			.build();
	}

	private static String h2Url() {
		return "jdbc:h2:mem:actuator_" + UUID.randomUUID().toString().replace("-", "");
	}

	static java.util.List<String> ledgerIds(DataSource dataSource) {
		return new JdbcTemplate(dataSource).queryForList("SELECT id FROM migrations_ledger ORDER BY id", String.class);
	}

}
