package dev.migrations.samples.quickstart;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import dev.migrations.testing.RunningApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the quickstart's packaged jar as a separate process against a database that
 * outlives it: the first start applies every migration, which leave the database with no
 * drift from the schema they build; a restart applies nothing and keeps the data.
 */
abstract class QuickstartConformanceIT {

	static final List<String> MIGRATION_IDS = List.of("m_20241201000000_create_notebooks",
			"m_20241201000100_create_notes", "m_20241201000200_add_pinned_to_notes",
			"m_20241201000300_seed_welcome_notes");

	private static final String RUNNER = "$.contexts.application.runners.migrationRunner";

	private static final Configuration JSON = Configuration.defaultConfiguration()
		.addOptions(Option.DEFAULT_PATH_LEAF_TO_NULL);

	@TempDir
	Path directory;

	/**
	 * Return the application arguments that point the quickstart at the database.
	 * @return the arguments
	 */
	abstract List<String> arguments();

	/**
	 * Return the environment that points the quickstart at the database.
	 * @return the variables to set ({@code null} to remove one)
	 */
	abstract Map<String, String> environment();

	/**
	 * Open a connection to the database the quickstart uses.
	 * @return the connection
	 */
	abstract Connection connect() throws SQLException;

	/**
	 * Return how {@code /actuator/migrations} names the database, such as {@code H2}.
	 * @return the start of the database description
	 */
	abstract String databaseName();

	@Test
	void appliesEveryMigrationOnceAndARestartAppliesNothing() throws Exception {
		List<String> appliedAt;
		try (RunningApplication application = start()) {
			assertThat(application.output()).contains("Applied 4 migration(s) in batch 1");
			appliedAt = assertMigrated(application, databaseName());
			assertNoDrift(application);
			assertHealthAndMetrics(application);
			assertThat(noteTitles(application)).containsExactly("Welcome", "See what ran");
			HttpResponse<String> created = application.post("/notes",
					"{\"notebook\":\"Getting started\",\"title\":\"Written before the restart\"}");
			assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
			assertThat(JsonPath.parse(created.body()).read("$.title", String.class))
				.isEqualTo("Written before the restart");
		}
		try (RunningApplication application = start()) {
			assertThat(application.output())
				.containsPattern("Database is up to date at m_\\d{14}_\\w+: no pending migrations")
				.doesNotContainPattern("Applied \\d+ migration");
			assertThat(assertMigrated(application, databaseName())).as("appliedAt after the restart")
				.isEqualTo(appliedAt);
			assertHealthAndMetrics(application);
			assertThat(noteTitles(application)).containsExactly("Welcome", "See what ran",
					"Written before the restart");
		}
		try (Connection connection = connect();
				Statement statement = connection.createStatement();
				ResultSet ledger = statement.executeQuery("SELECT COUNT(*), MAX(batch) FROM migrations_ledger")) {
			assertThat(ledger.next()).isTrue();
			assertThat(ledger.getInt(1)).as("ledger rows").isEqualTo(4);
			assertThat(ledger.getInt(2)).as("newest batch").isEqualTo(1);
		}
	}

	private RunningApplication start() throws Exception {
		return RunningApplication.start("quickstart", this.directory, arguments(), environment());
	}

	/**
	 * Check {@code /actuator/migrations}: every migration applied, in batch 1, nothing
	 * pending or wrong.
	 * @return the {@code appliedAt} of each migration, in order
	 */
	static List<String> assertMigrated(RunningApplication application, String databaseName) throws Exception {
		HttpResponse<String> response = application.get("/actuator/migrations");
		assertThat(response.statusCode()).as("GET /actuator/migrations: " + response.body()).isEqualTo(200);
		DocumentContext json = JsonPath.using(JSON).parse(response.body());
		assertThat(json.read(RUNNER + ".database", String.class)).as(response.body()).startsWith(databaseName);
		assertThat(json.read(RUNNER + ".ledger", String.class)).as(response.body())
			.containsIgnoringCase("migrations_ledger");
		assertThat(json.read(RUNNER + ".summary", Map.class)).as(response.body())
			.containsEntry("applied", 4)
			.containsEntry("pending", 0)
			.containsEntry("failed", 0)
			.containsEntry("outOfOrder", 0)
			.containsEntry("checksumMismatch", 0)
			.containsEntry("lastBatch", 1)
			.containsEntry("current", "m_20241201000300_seed_welcome_notes");
		assertThat(json.read(RUNNER + ".lock", Object.class)).as("lock holder").isNull();
		assertThat(json.read(RUNNER + ".migrations[*].id", List.class)).as(response.body())
			.containsExactlyElementsOf(MIGRATION_IDS);
		assertThat(json.read(RUNNER + ".migrations[*].state", List.class)).as(response.body())
			.containsOnly("APPLIED")
			.hasSize(4);
		assertThat(json.read(RUNNER + ".migrations[*].batch", List.class)).as(response.body())
			.containsOnly(1)
			.hasSize(4);
		assertThat(json.read(RUNNER + ".migrations[*].checksum", List.class)).as(response.body())
			.allSatisfy((checksum) -> assertThat(checksum).asString().startsWith("v1:"));
		assertThat(json.read(RUNNER + ".migrations[0].source", String.class)).as(response.body())
			.endsWith("20241201000000_create_notebooks.up.sql");
		List<String> appliedAt = json.read(RUNNER + ".migrations[*].appliedAt");
		assertThat(appliedAt).as(response.body()).hasSize(4).doesNotContainNull();
		return appliedAt;
	}

	/**
	 * Check {@code /actuator/migrations/drift}: the database holds the schema its applied
	 * migrations build, replayed on a shadow database.
	 */
	static void assertNoDrift(RunningApplication application) throws Exception {
		HttpResponse<String> response = application.get("/actuator/migrations/drift");
		assertThat(response.statusCode()).as("GET /actuator/migrations/drift: " + response.body()).isEqualTo(200);
		DocumentContext json = JsonPath.using(JSON).parse(response.body());
		assertThat(json.read("$.runners.migrationRunner.drift", Boolean.class)).as(response.body()).isFalse();
		assertThat(json.read("$.runners.migrationRunner.changes", List.class)).as(response.body()).isEmpty();
		assertThat(json.read("$.runners.migrationRunner.error", String.class)).as(response.body()).isNull();
	}

	/**
	 * Check {@code /actuator/health} and the readiness group, each with the
	 * {@code migrations} contributor, and that the migration gauges are published.
	 */
	static void assertHealthAndMetrics(RunningApplication application) throws Exception {
		HttpResponse<String> health = application.get("/actuator/health");
		assertThat(health.statusCode()).as("GET /actuator/health: " + health.body()).isEqualTo(200);
		DocumentContext json = JsonPath.using(JSON).parse(health.body());
		assertThat(json.read("$.status", String.class)).as(health.body()).isEqualTo("UP");
		assertThat(json.read("$.components.migrations.status", String.class)).as(health.body()).isEqualTo("UP");
		HttpResponse<String> readiness = application.get("/actuator/health/readiness");
		assertThat(readiness.statusCode()).as("GET /actuator/health/readiness: " + readiness.body()).isEqualTo(200);
		assertThat(JsonPath.using(JSON).parse(readiness.body()).read("$.components.migrations.status", String.class))
			.as(readiness.body())
			.isEqualTo("UP");
		HttpResponse<String> metrics = application.get("/actuator/metrics");
		assertThat(metrics.statusCode()).as("GET /actuator/metrics: " + metrics.body()).isEqualTo(200);
		assertThat(JsonPath.parse(metrics.body()).read("$.names", List.class)).as(metrics.body())
			.contains("migrations.applied", "migrations.pending");
	}

	/**
	 * Read the app's own endpoint.
	 * @return the titles of the notes, pinned first
	 */
	static List<String> noteTitles(RunningApplication application) throws Exception {
		HttpResponse<String> notes = application.get("/notes");
		assertThat(notes.statusCode()).as("GET /notes: " + notes.body()).isEqualTo(200);
		assertThat(JsonPath.parse(notes.body()).read("$[*].notebook", List.class)).as(notes.body())
			.containsOnly("Getting started");
		assertThat(JsonPath.parse(notes.body()).read("$[0].pinned", Boolean.class)).as(notes.body()).isTrue();
		return JsonPath.read(notes.body(), "$[*].title");
	}

}
