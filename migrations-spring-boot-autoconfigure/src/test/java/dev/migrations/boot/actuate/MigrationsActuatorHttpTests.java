package dev.migrations.boot.actuate;

import java.util.ArrayList;
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
 * The {@code migrations} endpoint, health contributor and gauges over real HTTP, on a
 * database whose migrations are in every state (see {@link ObservedDatabase}), with the
 * endpoint's default access.
 */
@SpringBootTest(classes = ObservedApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "migrations.locations=" + ObservedDatabase.LOCATION, "migrations.on-startup=none",
				"management.endpoints.web.exposure.include=*", "management.endpoint.health.show-details=always",
				"management.endpoint.health.group.readiness.include=readinessState,migrations" })
@DirtiesContext
abstract class MigrationsActuatorHttpTests {

	private static final List<String> IDS = List.of("m_20241201000000_create_users_table",
			"m_20241201000100_create_posts_table", "m_20241201000200_create_comments_table",
			"m_20241201000300_create_tags_table", "m_20241201000400_create_likes_table",
			"m_20241201000500_create_follows_table");

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

	/**
	 * Return the product name the endpoint reports, such as {@code H2}.
	 * @return the name
	 */
	abstract String databaseProduct();

	/**
	 * Return the credentials the application was configured with, none of which may
	 * appear in a response.
	 * @return the credentials
	 */
	abstract List<String> secrets();

	@Test
	void endpointShowsEveryMigrationState() {
		Response response = this.actuator.get("/migrations");
		assertThat(response.status()).isEqualTo(200);
		JsonNode runner = response.json().path("contexts").path("application").path("runners").path("migrationRunner");
		assertThat(runner.path("database").asString()).matches(databaseProduct() + " \\d+\\.\\d+(\\.\\d+)?");
		assertThat(runner.path("ledger").asString()).endsWithIgnoringCase("migrations_ledger");
		assertThat(runner.has("lock")).isTrue();
		assertThat(runner.path("lock").isNull()).isTrue();
		JsonNode summary = runner.path("summary");
		assertThat(summary.has("broken")).isFalse();
		assertThat(summary.path("applied").asInt()).isEqualTo(3);
		assertThat(summary.path("pending").asInt()).isEqualTo(2);
		assertThat(summary.path("failed").asInt()).isEqualTo(1);
		assertThat(summary.path("running").asInt()).isZero();
		assertThat(summary.path("outOfOrder").asInt()).isEqualTo(1);
		assertThat(summary.path("checksumMismatch").asInt()).isEqualTo(1);
		assertThat(summary.path("lastBatch").asInt()).isEqualTo(1);
		assertThat(summary.path("current").asString()).isEqualTo("m_20241201000400_create_likes_table");
		JsonNode migrations = runner.path("migrations");
		assertThat(migrations.valueStream().map((migration) -> migration.path("id").asString()))
			.containsExactlyElementsOf(IDS);
		assertThat(migrations.valueStream().map((migration) -> migration.path("state").asString()))
			.containsExactly("APPLIED", "CHECKSUM_MISMATCH", "FAILED", "OUT_OF_ORDER", "APPLIED", "PENDING");
		JsonNode users = migrations.get(0);
		assertThat(users.path("name").asString()).isEqualTo("create_users_table");
		assertThat(users.path("batch").asInt()).isEqualTo(1);
		assertThat(users.path("appliedAt").asString()).matches("\\d{4}-\\d{2}-\\d{2}T.*Z");
		assertThat(users.path("executionMs").isNumber()).isTrue();
		assertThat(users.path("checksum").asString()).startsWith("v1:");
		assertThat(users.path("source").asString())
			.isEqualTo("classpath:db/observed/20241201000000_create_users_table.up.sql");
		JsonNode posts = migrations.get(1);
		assertThat(posts.path("appliedChecksum").asString()).isEqualTo("v1:edited");
		assertThat(posts.path("checksum").asString()).startsWith("v1:").isNotEqualTo("v1:edited");
		assertThat(migrations.get(2).path("error").asString()).contains("create_comments_table failed")
			.contains("password=******");
		JsonNode follows = migrations.get(5);
		assertThat(follows.has("batch")).isFalse();
		assertThat(follows.has("appliedAt")).isFalse();
	}

	@Test
	void endpointShowsOneMigrationWithItsUpSql() {
		Response response = this.actuator.get("/migrations/m_20241201000500_create_follows_table");
		assertThat(response.status()).isEqualTo(200);
		JsonNode body = response.json();
		assertThat(body.path("runner").asString()).isEqualTo("migrationRunner");
		assertThat(body.path("migration").path("state").asString()).isEqualTo("PENDING");
		List<String> upSql = body.path("upSql").valueStream().map(JsonNode::asString).toList();
		assertThat(upSql).hasSize(1);
		assertThat(upSql.get(0)).contains("CREATE TABLE follows");
		JsonNode applied = this.actuator.get("/migrations/m_20241201000000_create_users_table").json();
		assertThat(applied.path("migration").path("state").asString()).isEqualTo("APPLIED");
		assertThat(applied.path("upSql").get(0).asString()).contains("CREATE TABLE users");
	}

	@Test
	void endpointAnswersNotFoundForAnUnknownMigration() {
		assertThat(this.actuator.get("/migrations/m_20991231000000_no_such_migration").status()).isEqualTo(404);
	}

	@Test
	void healthIsDownWithTheSummaryAndTakesTheReadinessGroupDown() {
		Response health = this.actuator.get("/health");
		assertThat(health.status()).isEqualTo(503);
		JsonNode migrations = health.json().path("components").path("migrations");
		assertThat(migrations.path("status").asString()).isEqualTo("DOWN");
		assertThat(migrations.path("details").path("failed").asInt()).isEqualTo(1);
		assertThat(migrations.path("details").path("checksumMismatch").asInt()).isEqualTo(1);
		assertThat(migrations.path("details").path("pending").asInt()).isEqualTo(2);
		Response readiness = this.actuator.get("/health/readiness");
		assertThat(readiness.status()).isEqualTo(503);
		assertThat(readiness.json().path("status").asString()).isEqualTo("DOWN");
	}

	@Test
	void writeOperationsAreRefusedWithTheDefaultAccess() {
		List<String> before = Tables.ledgerIds(dataSource());
		assertThat(this.actuator.post("/migrations/apply", "{}").status()).isBetween(400, 499);
		assertThat(this.actuator.post("/migrations/apply", "{\"limit\":1}").status()).isBetween(400, 499);
		assertThat(this.actuator.post("/migrations/rollback", "{\"steps\":1}").status()).isBetween(400, 499);
		assertThat(this.actuator.post("/migrations/pretend", "{}").status()).isBetween(400, 499);
		assertThat(Tables.ledgerIds(dataSource())).isEqualTo(before).hasSize(4);
		assertThat(Tables.names(dataSource())).doesNotContain("follows");
	}

	@Test
	void gaugesCountPendingAndAppliedMigrations() {
		assertThat(gauge("migrations.pending")).isEqualTo(2.0);
		assertThat(gauge("migrations.applied")).isEqualTo(3.0);
	}

	@Test
	void noResponseContainsACredential() {
		List<Response> responses = new ArrayList<>();
		responses.add(this.actuator.get("/migrations"));
		IDS.forEach((id) -> responses.add(this.actuator.get("/migrations/" + id)));
		responses.add(this.actuator.get("/health"));
		responses.add(this.actuator.get("/health/migrations"));
		responses.add(this.actuator.get("/health/readiness"));
		responses.add(this.actuator.get("/metrics/migrations.pending"));
		List<String> secrets = new ArrayList<>(secrets());
		secrets.add(ObservedDatabase.LEDGER_SECRET);
		for (Response response : responses) {
			assertThat(response.body()).isNotBlank();
			for (String secret : secrets) {
				assertThat(response.body()).doesNotContain(secret);
			}
		}
		assertThat(responses.get(0).body()).contains("password=******");
	}

	private double gauge(String name) {
		Response response = this.actuator.get("/metrics/" + name + "?tag=runner:migrationRunner");
		assertThat(response.status()).isEqualTo(200);
		JsonNode measurement = response.json().path("measurements").get(0);
		assertThat(measurement.path("statistic").asString()).isEqualTo("VALUE");
		return measurement.path("value").asDouble();
	}

}
