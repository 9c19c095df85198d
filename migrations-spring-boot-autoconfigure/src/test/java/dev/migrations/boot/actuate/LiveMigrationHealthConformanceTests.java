package dev.migrations.boot.actuate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.migrations.Migration;
import dev.migrations.MigrationEntry;
import dev.migrations.MigrationId;
import dev.migrations.process.RunnerProcess;
import dev.migrations.runner.MigrationRunner;
import dev.migrations.schema.Schema;
import dev.migrations.testing.DatabaseDisplayNames;
import dev.migrations.testing.OnDatabase;
import dev.migrations.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code migrations} health of running instances while another process, a new
 * instance of a rolling deploy, applies a migration outside a transaction (its row
 * {@code RUNNING}, its lock held): an instance that applies its migrations itself stays
 * {@code UP} and names the process, an instance that leaves applying to others is
 * {@code OUT_OF_SERVICE} until it is done, and an older instance that does not know the
 * migration stays {@code UP}. Nobody reports the live run as dead ({@code DOWN}).
 */
@DisplayNameGeneration(DatabaseDisplayNames.class)
abstract class LiveMigrationHealthConformanceTests {

	private static final String SLOW = "m_20240101000200_slow_step";

	@TempDir
	Path directory;

	TestDatabase database;

	@BeforeEach
	void createDatabase() {
		// H2 in a file that the runner process opens too
		this.database = TestDatabase.createShared(getClass().getAnnotation(OnDatabase.class).value());
	}

	@AfterEach
	void dropDatabase() {
		if (this.database != null) {
			this.database.close();
		}
	}

	@Test
	void instancesStayInServiceWhileAnotherProcessAppliesAMigration() throws Exception {
		Path migrations = Files.createDirectories(this.directory.resolve("migrations"));
		Files.writeString(migrations.resolve("20240101000100_create_alpha.sql"), "CREATE TABLE alpha (id INT)");
		RunnerProcess newInstance = RunnerProcess.start(this.database.url(), "filesystem:" + migrations, 60,
				this.directory.resolve("runner.log"), "--slow", SLOW + ":6000");
		try {
			newInstance.awaitOutput("inside " + SLOW, 60);
			MigrationRunner sameVersion = runner(migrations, true);
			MigrationRunner olderVersion = runner(migrations, false);

			Health applying = new MigrationsHealthIndicator(sameVersion, true).health();
			assertThat(applying.getStatus()).as(applying.toString()).isEqualTo(Status.UP);
			assertThat(applying.getDetails()).containsEntry("inProgress", 1).containsEntry("running", 0);
			assertThat(applying.getDetails()).containsKey("inProgressIn");

			Health waiting = new MigrationsHealthIndicator(sameVersion, false).health();
			assertThat(waiting.getStatus()).as(waiting.toString()).isEqualTo(Status.OUT_OF_SERVICE);

			Health older = new MigrationsHealthIndicator(olderVersion, true).health();
			assertThat(older.getStatus()).as(older.toString()).isEqualTo(Status.UP);
			assertThat(older.getDetails()).containsEntry("unknown", List.of(SLOW));
		}
		finally {
			assertThat(newInstance.waitFor(60)).as(newInstance.output()).isZero();
		}
		Health after = new MigrationsHealthIndicator(runner(migrations, true), false).health();
		assertThat(after.getStatus()).as(after.toString()).isEqualTo(Status.UP);
		assertThat(after.getDetails()).containsEntry("inProgress", 0);
	}

	/**
	 * A runner of this version (the slow step is one of its own migrations) or of the
	 * version before it (only {@code alpha}).
	 */
	private MigrationRunner runner(Path migrations, boolean knowsTheSlowStep) throws IOException {
		MigrationRunner.Builder builder = MigrationRunner.builder(this.database.dataSource())
			.locations("filesystem:" + migrations);
		if (knowsTheSlowStep) {
			builder.entries(MigrationEntry.of(MigrationId.parse(SLOW), new Migration() {

				@Override
				public void up(Schema schema) {
					// The same plan as the process's step, so the same checksum
					schema.jdbc((connection) -> {
					});
				}

				@Override
				public boolean transactional() {
					return false;
				}

			}));
		}
		return builder.build();
	}

}
