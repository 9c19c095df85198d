package dev.migrations.maven;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs Maven on a small project whose goals never reach a database.
 */
class MavenPluginSettingsIT {

	@TempDir
	Path project;

	@Test
	void aUrlNoDriverAcceptsFailsTheBuildNamingThePluginsDependenciesAndSkipRunsNothing() throws IOException {
		MavenBuild.writeProject(this.project, "com.h2database:h2", org.h2.Driver.class);
		String url = "jdbc:oracle:thin:@//127.0.0.1:1521/orders";
		MavenBuild.Result noDriver = MavenBuild.run(this.project, Map.of("MIGRATIONS_URL", url), "migrations:status");
		assertThat(noDriver.succeeded()).as(noDriver.output()).isFalse();
		assertThat(noDriver.output()).contains("No driver in the plugin's dependencies accepts '" + url + "'")
			.contains("to the plugin's <dependencies>")
			.contains("BUILD FAILURE");
		MavenBuild.Result skipped = MavenBuild.run(this.project, Map.of(), "migrations:migrate",
				"-Dmigrations.url=" + url, "-Dmigrations.skip");
		assertThat(skipped.succeeded()).as(skipped.output()).isTrue();
		assertThat(skipped.output()).contains("Skipping migrate");
	}

}
