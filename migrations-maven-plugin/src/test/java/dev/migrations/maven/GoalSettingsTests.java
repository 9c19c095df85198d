package dev.migrations.maven;

import java.io.File;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.migrations.MigrationListener;
import dev.migrations.command.CommandLineUsageException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * How a goal reads its settings and which command it runs.
 */
class GoalSettingsTests {

	@Test
	void aParameterWinsOverTheEnvironment() {
		MigrateMojo goal = goal();
		goal.locations = List.of("classpath:db/from_the_pom");
		Map<String, String> environment = Map.of("MIGRATIONS_LOCATIONS", "classpath:db/from_the_environment");
		assertThat(goal.settings(environment).locations()).containsExactly("classpath:db/from_the_pom");
	}

	@Test
	void theEnvironmentIsReadWhenNoParameterIsSet() {
		Map<String, String> environment = Map.of("MIGRATIONS_LOCATIONS", "classpath:a, classpath:b");
		assertThat(goal().settings(environment).locations()).containsExactly("classpath:a", "classpath:b");
	}

	@Test
	void theLockTimeoutIsTheParameterElseTheEnvironmentElseTheRunnersDefault() {
		Map<String, String> environment = Map.of("MIGRATIONS_LOCK_TIMEOUT", "30");
		assertThat(goal().settings(Map.of()).lockTimeout()).isNull();
		assertThat(goal().settings(environment).lockTimeout()).isEqualTo(Duration.ofSeconds(30));
		MigrateMojo goal = goal();
		goal.lockTimeout = 5;
		assertThat(goal.settings(environment).lockTimeout()).isEqualTo(Duration.ofSeconds(5));
	}

	@Test
	void aRelativeFilesystemLocationIsTakenFromTheProjectsDirectory() {
		MigrateMojo goal = goal();
		goal.locations = List.of("filesystem:src/main/resources/db/migrations", "filesystem:/srv/sql");
		assertThat(goal.settings(Map.of()).locations()).containsExactly(
				"filesystem:" + new File("/work/orders/src/main/resources/db/migrations").toPath(),
				"filesystem:/srv/sql");
	}

	@Test
	void aUrlNoDriverAcceptsNamesWhereItIsSetAndWhereDriversGo() {
		MigrateMojo goal = goal();
		goal.url = "jdbc:nosuchdatabase://localhost/orders";
		assertThatExceptionOfType(CommandLineUsageException.class)
			.isThrownBy(() -> goal.settings(Map.of()).runner(new MigrationListener() {
			}))
			.withMessageContaining("No driver in the plugin's dependencies accepts 'jdbc:nosuchdatabase:")
			.withMessageContaining("(<url>, -Dmigrations.url or MIGRATIONS_URL)")
			.withMessageContaining("to the plugin's <dependencies>");
	}

	@Test
	void aMissingClassPathLocationSaysToRunAfterProcessResourcesOrReadTheSourceDirectory() {
		MigrateMojo goal = goal();
		goal.url = "jdbc:h2:mem:goal_settings";
		goal.locations = List.of("classpath:db/not_here");
		assertThatExceptionOfType(CommandLineUsageException.class)
			.isThrownBy(() -> goal.settings(Map.of()).runner(new MigrationListener() {
			}))
			.withMessageContaining("Migration location 'classpath:db/not_here' is not on the class path of the project")
			.withMessageContaining("filesystem:src/main/resources/db/not_here")
			.withMessageContaining("(<locations>, -Dmigrations.locations or MIGRATIONS_LOCATIONS)");
	}

	@Test
	void eachGoalRunsItsCommandWithItsOptions() {
		RollbackMojo rollback = new RollbackMojo();
		rollback.steps = 2;
		assertThat(rollback.command()).containsExactly("migrate:rollback", "--steps", "2");
		rollback.pretend = true;
		assertThat(rollback.command()).containsExactly("migrate:rollback", "--steps", "2", "--pretend");
		StatusMojo status = new StatusMojo();
		assertThat(status.command()).containsExactly("migrate:status");
		status.failOnPending = true;
		assertThat(status.command()).containsExactly("migrate:status", "--pending");
		MigrateMojo migrate = goal();
		migrate.pretend = true;
		migrate.limit = 1;
		assertThat(migrate.command()).containsExactly("migrate", "--limit", "1", "--pretend");
		BaselineMojo baseline = new BaselineMojo();
		baseline.baselineId = "m_20240101000000_create_alpha";
		assertThat(baseline.command()).containsExactly("migrate:baseline", "m_20240101000000_create_alpha");
		SquashMojo squash = new SquashMojo();
		squash.basedir = new File("/work/orders");
		squash.to = "m_20240101000000_create_alpha";
		squash.dir = new File("src/main/resources/db/squashed");
		assertThat(squash.command()).containsExactly("migrate:squash", "--to", "m_20240101000000_create_alpha", "--dir",
				new File("/work/orders/src/main/resources/db/squashed").toPath().toString());
	}

	private static MigrateMojo goal() {
		MigrateMojo goal = new MigrateMojo();
		goal.basedir = new File("/work/orders");
		return goal;
	}

}
