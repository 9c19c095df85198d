package dev.migrations.boot.actuate;

import java.util.List;

import javax.sql.DataSource;

import dev.migrations.boot.actuate.ActuatorClient.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The write operations of the {@code migrations} endpoint over real HTTP, with
 * {@code management.endpoint.migrations.access=unrestricted}, on a database where the two
 * migrations of {@code db/operated} are pending at startup; and the metrics the
 * observations of those runs yield.
 */
@SpringBootTest(classes = ObservedApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "migrations.locations=classpath:db/operated", "migrations.on-startup=none",
				"management.endpoint.migrations.access=unrestricted", "management.endpoints.web.exposure.include=*",
				"management.endpoint.health.show-details=always" })
@DirtiesContext
abstract class MigrationsWriteOperationsHttpTests {

	private static final String ACCOUNTS = "m_20241201000000_create_accounts_table";

	private static final String INVOICES = "m_20241201000100_create_invoices_table";

	@LocalServerPort
	private int port;

	private ActuatorClient actuator;

	@BeforeEach
	void createClient() {
		this.actuator = new ActuatorClient(this.port);
	}

	/**
	 * Return the database the application migrates.
	 * @return the data source
	 */
	abstract DataSource dataSource();

	@Test
	void pretendsAppliesAndRollsBackOverHttp() {
		assertHealth(503, "OUT_OF_SERVICE", 0, 2);

		Response pretend = this.actuator.post("/migrations/pretend", "{}");
		assertThat(pretend.status()).isEqualTo(200);
		assertThat(ids(pretend)).containsExactly(ACCOUNTS, INVOICES);
		assertThat(pretend.json().path("migrations").get(0).path("statements").get(0).asString())
			.contains("CREATE TABLE accounts");
		assertThat(Tables.names(dataSource())).doesNotContain("accounts", "migrations_ledger");

		Response applyOne = this.actuator.post("/migrations/apply", "{\"limit\":1}");
		assertThat(applyOne.status()).isEqualTo(200);
		assertThat(applyOne.json().path("batch").asInt()).isEqualTo(1);
		assertThat(ids(applyOne)).containsExactly(ACCOUNTS);
		assertThat(Tables.ledgerIds(dataSource())).containsExactly(ACCOUNTS);
		assertThat(Tables.names(dataSource())).contains("accounts").doesNotContain("invoices");
		assertHealth(503, "OUT_OF_SERVICE", 1, 1);

		Response applyRest = this.actuator.post("/migrations/apply", "{}");
		assertThat(applyRest.status()).isEqualTo(200);
		assertThat(applyRest.json().path("batch").asInt()).isEqualTo(2);
		assertThat(ids(applyRest)).containsExactly(INVOICES);
		assertThat(Tables.names(dataSource())).contains("accounts", "invoices");
		assertHealth(200, "UP", 2, 0);
		assertThat(count("migrations.migration?tag=direction:up&tag=outcome:success")).isEqualTo(2);
		assertThat(count("migrations.run?tag=direction:up")).isEqualTo(2);
		assertThat(count("migrations.lock.wait")).isEqualTo(2);

		Response rollback = this.actuator.post("/migrations/rollback", "{\"steps\":1}");
		assertThat(rollback.status()).isEqualTo(200);
		assertThat(ids(rollback)).containsExactly(INVOICES);
		assertThat(rollback.json().path("migrations").get(0).path("direction").asString()).isEqualTo("DOWN");
		assertThat(Tables.ledgerIds(dataSource())).containsExactly(ACCOUNTS);
		assertThat(Tables.names(dataSource())).contains("accounts").doesNotContain("invoices");
		assertHealth(503, "OUT_OF_SERVICE", 1, 1);
		assertThat(count("migrations.migration?tag=direction:down&tag=outcome:success")).isEqualTo(1);
	}

	@Test
	void refusesAnUnknownActionOrANonPositiveCount() {
		assertThat(this.actuator.post("/migrations/migrate-everything", "{}").status()).isEqualTo(400);
		assertThat(this.actuator.post("/migrations/apply", "{\"limit\":0}").status()).isEqualTo(400);
		assertThat(this.actuator.post("/migrations/rollback", "{\"steps\":-1}").status()).isEqualTo(400);
		assertThat(this.actuator.post("/migrations/apply", "{\"runner\":\"noSuchRunner\"}").status()).isEqualTo(400);
	}

	@Test
	void refusesACountTheActionDoesNotTakeAndRunsNothing() {
		List<String> tables = Tables.names(dataSource());
		List<String> ledger = ledgerIds();
		Response applySteps = this.actuator.post("/migrations/apply", "{\"steps\":1}");
		assertThat(applySteps.status()).isEqualTo(400);
		assertThat(this.actuator.post("/migrations/rollback", "{\"limit\":1}").status()).isEqualTo(400);
		assertThat(this.actuator.post("/migrations/pretend", "{\"limit\":1,\"steps\":1}").status()).isEqualTo(400);
		assertThat(Tables.names(dataSource())).isEqualTo(tables);
		assertThat(ledgerIds()).isEqualTo(ledger);
	}

	@Test
	void theDevelopmentResetsAreNotReachable() {
		List<String> tables = Tables.names(dataSource());
		List<String> ledger = ledgerIds();
		for (String reset : List.of("reset", "refresh", "fresh", "migrate:reset", "migrate:fresh")) {
			Response refused = this.actuator.post("/migrations/" + reset, "{\"force\":true}");
			assertThat(refused.status()).as(reset).isIn(400, 404);
		}
		assertThat(Tables.names(dataSource())).isEqualTo(tables);
		assertThat(ledgerIds()).isEqualTo(ledger);
	}

	private List<String> ledgerIds() {
		return Tables.names(dataSource()).contains("migrations_ledger") ? Tables.ledgerIds(dataSource()) : List.of();
	}

	private void assertHealth(int httpStatus, String status, int applied, int pending) {
		Response health = this.actuator.get("/health/migrations");
		assertThat(health.status()).isEqualTo(httpStatus);
		JsonNode body = health.json();
		assertThat(body.path("status").asString()).isEqualTo(status);
		assertThat(body.path("details").path("applied").asInt()).isEqualTo(applied);
		assertThat(body.path("details").path("pending").asInt()).isEqualTo(pending);
	}

	private List<String> ids(Response response) {
		return response.json().path("migrations").valueStream().map((node) -> node.path("id").asString()).toList();
	}

	private long count(String metric) {
		Response response = this.actuator.get("/metrics/" + metric);
		assertThat(response.status()).as(metric).isEqualTo(200);
		JsonNode count = response.json()
			.path("measurements")
			.valueStream()
			.filter((measurement) -> measurement.path("statistic").asString().equals("COUNT"))
			.findFirst()
			.orElseThrow();
		return (long) count.path("value").asDouble();
	}

}
