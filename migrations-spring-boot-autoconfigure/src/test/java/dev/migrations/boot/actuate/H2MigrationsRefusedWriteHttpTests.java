package dev.migrations.boot.actuate;

import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import dev.migrations.boot.actuate.ActuatorClient.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A write operation of the {@code migrations} endpoint that the library refuses, or whose
 * statement the database fails, answered over real HTTP with what went wrong and what to
 * do, on an in-memory H2 database with the migrations of {@code db/broken}: the first
 * creates a table, the second inserts into a table that does not exist, so that an apply
 * fails at its statement and leaves a {@code FAILED} row, which a rollback then refuses
 * to pass.
 */
@SpringBootTest(classes = ObservedApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "migrations.locations=classpath:db/refused", "migrations.on-startup=none",
				"management.endpoint.migrations.access=unrestricted", "management.endpoints.web.exposure.include=*" })
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
class H2MigrationsRefusedWriteHttpTests {

	private static final String USERS = "m_20241201000000_create_users_table";

	private static final String BROKEN = "m_20241201000100_insert_into_missing_table";

	private static final String PASSWORD = "refused-endpoint-s3cret";

	private static DataSource database;

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void h2(DynamicPropertyRegistry registry) {
		String url = "jdbc:h2:mem:refused_" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1";
		database = new DriverManagerDataSource(url, "sa", PASSWORD);
		registry.add("spring.datasource.url", () -> url);
		registry.add("spring.datasource.username", () -> "sa");
		registry.add("spring.datasource.password", () -> PASSWORD);
	}

	@AfterAll
	static void dropDatabase() {
		if (database != null) {
			new JdbcTemplate(database).execute("SHUTDOWN");
		}
	}

	@Test
	void answersAFailedStatementAndARefusedRollbackWithTheErrorAndTheNextStep(CapturedOutput output) {
		ActuatorClient actuator = new ActuatorClient(this.port);

		Response failed = actuator.post("/migrations/apply", "{}");
		assertThat(failed.status()).isEqualTo(500);
		assertThat(failed.json().path("runner").asString()).isEqualTo("migrationRunner");
		assertThat(failed.json().path("action").asString()).isEqualTo("apply");
		assertThat(failed.json().path("error").asString()).contains("Migration " + BROKEN + " failed")
			.contains("INSERT INTO no_such_table (id, token) VALUES (1, '******')")
			.contains("Next step:")
			.contains("send the request again (restart the application first if you changed its migrations")
			.contains("Before it, this run applied and committed " + USERS + ".")
			.doesNotContain(PASSWORD);
		assertThat(states()).containsExactly(USERS + "=APPLIED", BROKEN + "=FAILED");
		assertThat(new JdbcTemplate(database).queryForObject("SELECT COUNT(*) FROM users", Integer.class)).isZero();

		Response refused = actuator.post("/migrations/rollback", "{}");
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.json().path("runner").asString()).isEqualTo("migrationRunner");
		assertThat(refused.json().path("action").asString()).isEqualTo("rollback");
		assertThat(refused.json().path("error").asString())
			.startsWith("Migrations cannot be rolled back; nothing was changed.")
			.contains(BROKEN)
			.contains("migrate:repair")
			.doesNotContain(PASSWORD);
		assertThat(states()).containsExactly(USERS + "=APPLIED", BROKEN + "=FAILED");
		assertThat(Tables.names(database)).contains("users");

		assertThat(output)
			.contains("ERROR",
					"POST /actuator/migrations/apply on migrationRunner failed: Migration " + BROKEN + " failed")
			.contains("WARN",
					"POST /actuator/migrations/rollback on migrationRunner was refused: Migrations cannot be "
							+ "rolled back")
			.doesNotContain(PASSWORD);
	}

	private static List<String> states() {
		return new JdbcTemplate(database).query("SELECT id, state FROM migrations_ledger ORDER BY id",
				(row, number) -> row.getString(1) + "=" + row.getString(2));
	}

}
