package dev.migrations.boot.actuate;

import javax.sql.DataSource;

import dev.migrations.boot.actuate.ActuatorClient.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /actuator/migrations/drift} over real HTTP, on a database the application
 * applied {@code db/operated} to at startup: no drift, then the change made by hand, then
 * none again once it is undone.
 */
@SpringBootTest(classes = ObservedApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "migrations.locations=classpath:db/operated", "management.endpoints.web.exposure.include=*" })
@DirtiesContext
abstract class MigrationsDriftHttpTests {

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
	 * Return a name as this database stores an unquoted one.
	 * @param name the name
	 * @return the name as stored
	 */
	String name(String name) {
		return name;
	}

	@Test
	void driftIsFalseAfterStartupAndShowsAChangeMadeByHand() {
		JsonNode clean = drift();
		assertThat(clean.path("drift").asBoolean(true)).as(clean.toString()).isFalse();
		assertThat(clean.path("changes").isEmpty()).isTrue();
		assertThat(clean.has("error")).isFalse();
		JdbcTemplate jdbc = new JdbcTemplate(dataSource());
		jdbc.execute("ALTER TABLE accounts ADD nickname VARCHAR(20)");
		try {
			JsonNode changed = drift();
			assertThat(changed.path("drift").asBoolean(false)).isTrue();
			assertThat(changed.path("changes").valueStream().map(JsonNode::asString).toList())
				.containsExactly("+ column " + name("accounts") + "." + name("nickname") + ": varchar(20) null");
		}
		finally {
			jdbc.execute("ALTER TABLE accounts DROP COLUMN nickname");
		}
		assertThat(drift().path("drift").asBoolean(true)).isFalse();
	}

	@Test
	void driftOfAnUnknownRunnerIsABadRequest() {
		assertThat(this.actuator.get("/migrations/drift?runner=noSuchRunner").status()).isEqualTo(400);
	}

	/**
	 * Return the drift of the application's one runner.
	 */
	private JsonNode drift() {
		Response response = this.actuator.get("/migrations/drift");
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		JsonNode runners = response.json().path("runners");
		assertThat(runners.propertyNames()).containsExactly("migrationRunner");
		return runners.path("migrationRunner");
	}

}
