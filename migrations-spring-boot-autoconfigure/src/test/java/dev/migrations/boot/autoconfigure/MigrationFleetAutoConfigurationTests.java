package dev.migrations.boot.autoconfigure;

import java.util.List;

import dev.migrations.boot.actuate.MigrationFleetHealthIndicator;
import dev.migrations.boot.actuate.MigrationsHealthContributorAutoConfiguration;
import dev.migrations.runner.MigrationFleet;
import dev.migrations.runner.MigrationRunner;
import dev.migrations.runner.MigrationTarget;
import dev.migrations.runner.MigrationTargets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MigrationFleetAutoConfiguration} on H2 schemas: when a fleet exists,
 * where its targets come from, and that an application without one is migrated as before.
 */
class MigrationFleetAutoConfigurationTests {

	private final H2Database database = H2Database.create();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrationsAutoConfiguration.class,
				MigrationFleetAutoConfiguration.class, MigrationsHealthContributorAutoConfiguration.class))
		.withPropertyValues("spring.datasource.url=" + this.database.url(), "migrations.locations=classpath:db/fleet");

	@AfterEach
	void dropDatabase() {
		this.database.drop();
	}

	@Test
	void withoutFleetPropertiesOrTargetsTheConnectionsOwnSchemaIsMigrated() {
		createSchemas("TENANT_A");
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed().doesNotHaveBean(MigrationFleet.class);
			assertThat(this.database.tables()).contains("accounts", "migrations_ledger");
			assertThat(accounts("TENANT_A")).isZero();
		});
	}

	@Test
	void schemasTakeNamesAndPatternsAndLeaveTheConnectionsOwnSchemaAlone() {
		createSchemas("TENANT_A", "TENANT_B", "BILLING", "REPORTS");
		this.contextRunner.withPropertyValues("migrations.fleet.schemas=tenant_%,BILLING").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(MigrationFleet.class).targets()).extracting(MigrationTarget::name)
				.containsExactly("TENANT_A", "TENANT_B", "BILLING");
			assertThat(accounts("TENANT_A")).isOne();
			assertThat(accounts("TENANT_B")).isOne();
			assertThat(accounts("BILLING")).isOne();
			assertThat(accounts("REPORTS")).isZero();
			assertThat(this.database.tables()).doesNotContain("accounts", "migrations_ledger");
			assertThat(context.getBean("migrationsHealthContributor"))
				.isInstanceOf(MigrationFleetHealthIndicator.class);
		});
	}

	@Test
	void aMigrationTargetsBeanWinsOverTheProperty() {
		createSchemas("TENANT_A", "TENANT_B");
		this.contextRunner.withPropertyValues("migrations.fleet.schemas=tenant_%")
			.withBean(MigrationTargets.class, () -> MigrationTargets.schemas("TENANT_B"))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(accounts("TENANT_A")).isZero();
				assertThat(accounts("TENANT_B")).isOne();
			});
	}

	@Test
	void aMigrationTargetsBeanAloneMakesAFleet() {
		createSchemas("TENANT_A");
		this.contextRunner.withBean(MigrationTargets.class, () -> MigrationTargets.schemas("TENANT_A"))
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(MigrationFleet.class);
				assertThat(accounts("TENANT_A")).isOne();
			});
	}

	@Test
	void parallelismIsTakenFromThePropertyAndMustBePositive() {
		createSchemas("TENANT_A");
		this.contextRunner.withPropertyValues("migrations.fleet.schemas=tenant_%", "migrations.fleet.parallelism=3")
			.run((context) -> assertThat(context.getBean(MigrationFleet.class).parallelism()).isEqualTo(3));
		this.contextRunner.withPropertyValues("migrations.fleet.schemas=tenant_%", "migrations.fleet.parallelism=0")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("migrations.fleet.parallelism must be 1 or more, got 0"));
	}

	@Test
	void anInvalidSchemaNameFailsStartupNamingIt() {
		this.contextRunner.withPropertyValues("migrations.fleet.schemas=tenant_a;drop")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("Invalid schema name 'tenant_a;drop'"));
	}

	@Test
	void aFleetOverSeveralRunnersFailsStartupNamingThemAndMigratesNothing() {
		createSchemas("TENANT_A");
		this.contextRunner
			.withPropertyValues("migrations.fleet.schemas=tenant_%",
					"migrations.instances.orders.locations=classpath:db/fleet",
					"migrations.instances.reports.locations=classpath:db/fleet",
					"migrations.instances.reports.table=reports_ledger")
			.run((context) -> {
				assertThat(context).getFailure()
					.rootCause()
					.hasMessageContaining("runs the migrations of one MigrationRunner in many schemas, and there are "
							+ "several: ordersMigrationRunner, reportsMigrationRunner");
				assertThat(accounts("TENANT_A")).isZero();
			});
	}

	@Test
	void backsOffWhenUserDefinesAFleet() {
		createSchemas("TENANT_A", "TENANT_B");
		this.contextRunner.withPropertyValues("migrations.fleet.schemas=tenant_%")
			.withUserConfiguration(TenantFleetConfiguration.class)
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(MigrationFleet.class).hasBean("tenantFleet");
				assertThat(accounts("TENANT_A")).isOne();
				assertThat(accounts("TENANT_B")).isZero();
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class TenantFleetConfiguration {

		@Bean
		MigrationFleet tenantFleet(MigrationRunner runner) {
			return MigrationFleet.builder(runner).schemas("TENANT_A").build();
		}

	}

	private void createSchemas(String... schemas) {
		List.of(schemas).forEach((schema) -> this.database.execute("CREATE SCHEMA " + schema));
	}

	private long accounts(String schema) {
		return new JdbcTemplate(this.database.dataSource()).queryForObject(
				"SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = ? AND table_name = 'ACCOUNTS'",
				Long.class, schema);
	}

}
