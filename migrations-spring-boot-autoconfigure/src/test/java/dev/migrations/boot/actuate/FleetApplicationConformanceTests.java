package dev.migrations.boot.actuate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.migrations.boot.actuate.ActuatorClient.Response;
import dev.migrations.boot.autoconfigure.MigrationFleetException;
import dev.migrations.runner.FleetResult;
import dev.migrations.runner.MigrationFleet;
import dev.migrations.runner.MigrationTarget;
import dev.migrations.testing.DatabaseDisplayNames;
import dev.migrations.testing.DatabaseKind;
import dev.migrations.testing.OnDatabase;
import dev.migrations.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An application with {@code migrations.fleet.schemas=tenant_%} over three tenant schemas
 * of a fresh database: start-up migrates every tenant and nothing else, a tenant that
 * fails fails start-up naming it once the others are done, and the endpoint, health and
 * metrics show the fleet by outcome.
 */
@DisplayNameGeneration(DatabaseDisplayNames.class)
abstract class FleetApplicationConformanceTests {

	private static final List<String> TENANTS = List.of("tenant_a", "tenant_b", "tenant_c");

	private TestDatabase database;

	private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

	@BeforeEach
	void createTenants() {
		this.database = TestDatabase.create(getClass().getAnnotation(OnDatabase.class).value());
		if (this.database.kind() == DatabaseKind.H2) {
			// Spring Boot connects to H2 as sa
			this.database.execute("CREATE USER sa PASSWORD '' ADMIN");
		}
		TENANTS.forEach((tenant) -> this.database.execute("CREATE SCHEMA " + tenant));
		this.database.execute("CREATE SCHEMA billing");
	}

	@AfterEach
	void close() {
		this.contexts.forEach(ConfigurableApplicationContext::close);
		if (this.database != null) {
			this.database.close();
		}
	}

	@Test
	void startupAppliesEveryTenantAndTheEndpointShowsTheFleet() {
		ConfigurableApplicationContext context = start("apply");
		for (String tenant : TENANTS) {
			assertThat(owners(tenant)).as(tenant).isEqualTo(1);
		}
		assertThat(tables("billing")).isZero();
		ActuatorClient actuator = actuator(context);
		JsonNode fleet = actuator.get("/migrations")
			.json()
			.path("contexts")
			.path("application")
			.path("fleets")
			.path("migrationFleet");
		assertThat(fleet.path("parallelism").asInt()).isEqualTo(2);
		assertThat(fleet.path("summary").path("UP_TO_DATE").asInt()).isEqualTo(3);
		assertThat(fleet.path("summary").path("FAILED").asInt()).isZero();
		List<String> names = new ArrayList<>();
		for (JsonNode target : fleet.path("targets")) {
			names.add(target.path("name").asString().toLowerCase(Locale.ROOT));
			assertThat(target.path("outcome").asString()).isEqualTo("UP_TO_DATE");
			assertThat(target.path("applied").asInt()).isEqualTo(2);
		}
		assertThat(names).containsExactlyElementsOf(TENANTS);
		String tenantB = fleet.path("targets").get(1).path("name").asString();
		Response page = actuator.get("/migrations/fleet/" + tenantB);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.json().path("ledger").asString().toLowerCase(Locale.ROOT)).startsWith("tenant_b.");
		assertThat(page.json().path("summary").path("applied").asInt()).isEqualTo(2);
		assertThat(page.json().path("migrations").get(1).path("id").asString())
			.isEqualTo("m_20241201000100_insert_owner");
		assertThat(actuator.get("/migrations/fleet/billing").status()).isEqualTo(404);
		Response health = actuator.get("/health/migrations");
		assertThat(health.json().path("status").asString()).isEqualTo("UP");
		assertThat(health.json().path("details").path("targets").asInt()).isEqualTo(3);
		assertThat(targetsGauge(actuator, "up_to_date")).isEqualTo(3);
		assertThat(targetsGauge(actuator, "failed")).isZero();
	}

	@Test
	void theEndpointLeavesTheFleetsTemplateRunnerOutAndWritesNothingThroughIt() {
		ActuatorClient actuator = actuator(start("apply", "management.endpoint.migrations.access=unrestricted"));
		JsonNode application = actuator.get("/migrations").json().path("contexts").path("application");
		assertThat(application.path("runners").size()).isZero();
		assertThat(application.path("fleets").path("migrationFleet").path("targets").size()).isEqualTo(3);
		Response apply = actuator.post("/migrations/apply", "{}");
		assertThat(apply.status()).isEqualTo(400);
		Response named = actuator.post("/migrations/apply", "{\"runner\":\"migrationRunner\"}");
		assertThat(named.status()).isEqualTo(400);
		assertThat(this.database.tables()).doesNotContain("accounts", "migrations_ledger");
	}

	@Test
	void aTenantAddedWhileTheApplicationRunsIsMigratedByTheFleetBean() {
		ConfigurableApplicationContext context = start("apply");
		this.database.execute("CREATE SCHEMA tenant_d");
		FleetResult.Target added = context.getBean(MigrationFleet.class).apply(MigrationTarget.schema("tenant_d"));
		assertThat(added.outcome()).isEqualTo(FleetResult.Outcome.APPLIED);
		assertThat(added.applied()).isEqualTo(2);
		assertThat(owners("tenant_d")).isEqualTo(1);
		JsonNode summary = actuator(context).get("/migrations")
			.json()
			.path("contexts")
			.path("application")
			.path("fleets")
			.path("migrationFleet")
			.path("summary");
		assertThat(summary.path("UP_TO_DATE").asInt()).isEqualTo(4);
	}

	@Test
	void aFailingTenantFailsStartupNamingItOnceTheOthersAreApplied() {
		breakTenantB();
		assertThatThrownBy(() -> start("apply")).hasRootCauseInstanceOf(MigrationFleetException.class)
			.rootCause()
			.satisfies((failure) -> {
				FleetResult result = ((MigrationFleetException) failure).getResult();
				assertThat(result.failures()).singleElement()
					.satisfies((target) -> assertThat(target.name()).isEqualToIgnoringCase("tenant_b"));
				assertThat(failure.getMessage().toLowerCase(Locale.ROOT))
					.contains("migrations failed in 1 of 3 fleet target(s): tenant_b");
			});
		assertThat(owners("tenant_a")).isEqualTo(1);
		assertThat(owners("tenant_c")).isEqualTo(1);
	}

	@Test
	void healthIsDownNamingTheFailedTenantAndTheEndpointShowsItsError() {
		breakTenantB();
		assertThatThrownBy(() -> start("apply")).hasRootCauseInstanceOf(MigrationFleetException.class);
		ActuatorClient actuator = actuator(start("none"));
		Response health = actuator.get("/health/migrations");
		assertThat(health.status()).isEqualTo(503);
		assertThat(health.json().path("status").asString()).isEqualTo("DOWN");
		JsonNode failed = health.json().path("details").path("failed");
		assertThat(failed.size()).isEqualTo(1);
		assertThat(failed.get(0).asString()).isEqualToIgnoringCase("tenant_b");
		assertThat(health.json().path("details").path("summary").path("FAILED").asInt()).isEqualTo(1);
		JsonNode targets = actuator.get("/migrations")
			.json()
			.path("contexts")
			.path("application")
			.path("fleets")
			.path("migrationFleet")
			.path("targets");
		assertThat(targets.get(1).path("outcome").asString()).isEqualTo("FAILED");
		assertThat(targets.get(1).path("error").asString()).contains("m_20241201000100_insert_owner");
		assertThat(targetsGauge(actuator, "failed")).isEqualTo(1);
		assertThat(targetsGauge(actuator, "up_to_date")).isEqualTo(2);
	}

	@Test
	void validateFailsStartupNamingTheTenantsWithPendingMigrations() {
		assertThatThrownBy(() -> start("validate")).hasRootCauseInstanceOf(MigrationFleetException.class)
			.rootCause()
			.satisfies((failure) -> assertThat(failure.getMessage().toLowerCase(Locale.ROOT))
				.contains("migrations are pending in 3 of 3 fleet target(s): tenant_a, tenant_b, tenant_c"));
		assertThat(tables("tenant_a")).isZero();
	}

	/**
	 * Give tenant_b the owner row already, so that its second migration, which runs
	 * outside a transaction, fails and stays recorded as failed.
	 */
	private void breakTenantB() {
		this.database.execute("CREATE TABLE tenant_b.accounts (id INT PRIMARY KEY, name VARCHAR(100))",
				"INSERT INTO tenant_b.accounts (id, name) VALUES (1, 'existing')");
	}

	private ConfigurableApplicationContext start(String onStartup, String... properties) {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(ObservedApplication.class)
			.properties("server.port=0", "spring.datasource.url=" + this.database.url(),
					"migrations.locations=classpath:db/fleet", "migrations.on-startup=" + onStartup,
					"migrations.fleet.schemas=tenant_%", "migrations.fleet.parallelism=2",
					"management.endpoints.web.exposure.include=*", "management.endpoint.health.show-details=always")
			.properties(properties)
			.run();
		this.contexts.add(context);
		return context;
	}

	private static ActuatorClient actuator(ConfigurableApplicationContext context) {
		return new ActuatorClient(((WebServerApplicationContext) context).getWebServer().getPort());
	}

	private static int targetsGauge(ActuatorClient actuator, String outcome) {
		Response response = actuator.get("/metrics/migrations.fleet.targets?tag=outcome:" + outcome);
		assertThat(response.status()).isEqualTo(200);
		return response.json().path("measurements").get(0).path("value").asInt();
	}

	private long owners(String schema) {
		return this.database.queryForLong("SELECT COUNT(*) FROM " + schema + ".accounts WHERE name = 'owner'");
	}

	private long tables(String schema) {
		return this.database.queryForLong("SELECT COUNT(*) FROM information_schema.tables WHERE LOWER(table_schema) = '"
				+ schema + "' AND LOWER(table_name) = 'accounts'");
	}

}
