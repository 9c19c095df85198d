package dev.migrations.samples.quickstart;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.migrations.testing.RunningApplication;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The quickstart on H2: as a newcomer runs it (nothing configured, an in-memory
 * database), and on an H2 file database that survives a restart.
 */
class H2QuickstartIT extends QuickstartConformanceIT {

	@Test
	void startsOnTheEmbeddedDefaultWithNothingConfigured() throws Exception {
		try (RunningApplication application = RunningApplication.start("quickstart", this.directory, List.of(),
				environment())) {
			assertThat(application.output()).contains("Applied 4 migration(s) in batch 1");
			assertMigrated(application, databaseName());
			assertNoDrift(application);
			assertHealthAndMetrics(application);
			assertThat(noteTitles(application)).containsExactly("Welcome", "See what ran");
		}
	}

	@Test
	void startsAndIsReadyWithMigrationsOrTheirHealthContributorDisabled() throws Exception {
		for (String disabled : List.of("--management.health.migrations.enabled=false", "--migrations.enabled=false")) {
			try (RunningApplication application = RunningApplication.start("quickstart", this.directory,
					List.of(disabled), environment())) {
				HttpResponse<String> readiness = application.get("/actuator/health/readiness");
				assertThat(readiness.statusCode()).as(disabled + ": " + readiness.body()).isEqualTo(200);
				assertThat(readiness.body()).as(disabled).contains("readinessState").doesNotContain("migrations");
			}
		}
	}

	@Override
	List<String> arguments() {
		return List.of("--spring.datasource.url=" + url(), "--spring.datasource.username=sa");
	}

	@Override
	Map<String, String> environment() {
		Map<String, String> environment = new HashMap<>();
		environment.put("SPRING_PROFILES_ACTIVE", null);
		environment.put("SPRING_DATASOURCE_URL", null);
		return environment;
	}

	@Override
	Connection connect() throws SQLException {
		return DriverManager.getConnection(url(), "sa", "");
	}

	@Override
	String databaseName() {
		return "H2";
	}

	private String url() {
		return "jdbc:h2:file:" + this.directory.resolve("notes");
	}

}
