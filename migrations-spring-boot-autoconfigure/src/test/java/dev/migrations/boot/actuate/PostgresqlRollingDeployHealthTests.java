package dev.migrations.boot.actuate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;

import dev.migrations.LedgerTable;
import dev.migrations.boot.autoconfigure.MigrationStrategy;
import dev.migrations.boot.autoconfigure.MigrationsAutoConfiguration;
import dev.migrations.ledger.LedgerEntry;
import dev.migrations.ledger.LedgerState;
import dev.migrations.ledger.SqlMigrationLedger;
import dev.migrations.runner.MigrationRunner;
import dev.migrations.testing.DatabaseKind;
import dev.migrations.testing.LockHeldElsewhere;
import dev.migrations.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code migrations} health of an instance during a rolling deploy on a real
 * PostgreSQL database: an older version ({@code alpha}, {@code beta}) keeps running while
 * a newer one ({@code alpha} to {@code delta}) migrates the same database. Rows the older
 * version does not know never take it out of service; its own migrations do, when they
 * failed, or when they are pending and it does not apply them itself.
 */
class PostgresqlRollingDeployHealthTests {

	private static final String ALPHA = "m_20240101000000_create_alpha";

	private static final String BETA = "m_20240101000100_create_beta";

	private static final String GAMMA = "m_20240201000000_create_gamma";

	private static final String DELTA = "m_20240201000100_create_delta";

	@TempDir
	Path directory;

	private Path older;

	private Path newer;

	private TestDatabase database;

	@BeforeEach
	void createDatabaseAndVersions() throws IOException {
		this.database = TestDatabase.create(DatabaseKind.POSTGRESQL);
		this.older = Files.createDirectories(this.directory.resolve("older"));
		this.newer = Files.createDirectories(this.directory.resolve("newer"));
		for (String table : List.of("alpha", "beta")) {
			writeMigration(this.older, id(table), table);
			writeMigration(this.newer, id(table), table);
		}
		for (String table : List.of("gamma", "delta")) {
			writeMigration(this.newer, id(table), table);
		}
	}

	@AfterEach
	void dropDatabase() {
		// A database that is not available skips the test before it is created
		if (this.database != null) {
			this.database.close();
		}
	}

	@Test
	void rowsOfANewerVersionAreListedAsUnknownAndKeepTheOlderInstanceUpEvenWhenOneFailed() {
		runner(this.newer).applyAll();
		olderInstance().run((context) -> {
			assertThat(context).hasNotFailed();
			Health health = health(context);
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("unknown", List.of(GAMMA, DELTA))
				.containsEntry("applied", 2)
				.containsEntry("missing", 2)
				.containsEntry("pending", 0);
			this.database
				.execute("UPDATE migrations_ledger SET state = 'FAILED', error = 'relation exists' WHERE id = '" + DELTA
						+ "'");
			Health failedElsewhere = health(context);
			assertThat(failedElsewhere.getStatus()).isEqualTo(Status.UP);
			assertThat(failedElsewhere.getDetails()).containsEntry("unknown", List.of(GAMMA, DELTA))
				.containsEntry("failed", 1);
		});
		// A FAILED row blocks every run until it is repaired, so a restart does not start
		olderInstance().run((restarted) -> assertThat(restarted).hasFailed());
	}

	@Test
	void aMigrationOfANewerVersionInProgressKeepsTheOlderInstanceUpNamingWhoAppliesIt() throws Exception {
		MigrationRunner newerRunner = runner(this.newer);
		newerRunner.applyAll(2);
		LedgerTable table = new LedgerTable(null, LedgerTable.DEFAULT_NAME);
		SqlMigrationLedger ledger = new SqlMigrationLedger(newerRunner.dialect(), table);
		olderInstance().run((context) -> {
			try (LockHeldElsewhere newerInstance = LockHeldElsewhere
				.hold(newerRunner.dialect().lock(this.database.dataSource(), table), (held) -> {
					Connection connection = this.database.dataSource().getConnection();
					ledger.logApplied(connection, new LedgerEntry(GAMMA, null, 2, LedgerState.RUNNING, Instant.now(), 0,
							"newer", null, held.holder().identity()));
					return connection::close;
				})) {
				Health health = health(context);
				assertThat(health.getStatus()).isEqualTo(Status.UP);
				assertThat(health.getDetails()).containsEntry("unknown", List.of(GAMMA)).containsEntry("inProgress", 1);
				assertThat(health.getDetails().get("inProgressIn")).asString()
					.startsWith(newerInstance.held().holder().identity());
			}
		});
	}

	@Test
	void aFailedMigrationOfItsOwnTakesTheInstanceDown() {
		olderInstance().run((context) -> {
			assertThat(health(context).getStatus()).isEqualTo(Status.UP);
			this.database.execute(
					"UPDATE migrations_ledger SET state = 'FAILED', error = 'disk full' WHERE id = '" + BETA + "'");
			Health health = health(context);
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails()).containsEntry("failed", 1).doesNotContainKey("unknown");
		});
	}

	@Test
	void pendingMigrationsOfItsOwnKeepAnInstanceThatDoesNotApplyThemOutOfService() {
		for (String mode : List.of("none", "pretend")) {
			olderInstance().withPropertyValues("migrations.on-startup=" + mode).run((context) -> {
				Health health = health(context);
				assertThat(health.getStatus()).as(mode).isEqualTo(Status.OUT_OF_SERVICE);
				assertThat(health.getDetails()).containsEntry("pending", 2);
			});
		}
		olderInstance().withBean(MigrationStrategy.class, () -> (runner) -> {
		}).run((context) -> assertThat(health(context).getStatus()).isEqualTo(Status.OUT_OF_SERVICE));
		olderInstance().withPropertyValues("migrations.on-startup=none").run((context) -> {
			context.getBean(MigrationRunner.class).applyAll();
			assertThat(health(context).getStatus()).isEqualTo(Status.UP);
		});
	}

	@Test
	void pendingMigrationsOfItsOwnLeaveAnInstanceThatAppliesThemUp() {
		olderInstance().run((context) -> {
			context.getBean(MigrationRunner.class).rollback(1);
			Health health = health(context);
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("pending", 2);
		});
	}

	private ApplicationContextRunner olderInstance() {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
					MigrationsAutoConfiguration.class, MigrationsHealthContributorAutoConfiguration.class))
			.withPropertyValues("spring.datasource.url=" + this.database.url(),
					"migrations.locations=filesystem:" + this.older);
	}

	private MigrationRunner runner(Path location) {
		return MigrationRunner.builder(this.database.dataSource()).locations("filesystem:" + location).build();
	}

	private static Health health(AssertableApplicationContext context) {
		return context.getBean("migrationsHealthContributor", HealthIndicator.class).health();
	}

	private static String id(String table) {
		return switch (table) {
			case "alpha" -> ALPHA;
			case "beta" -> BETA;
			case "gamma" -> GAMMA;
			default -> DELTA;
		};
	}

	private static void writeMigration(Path location, String id, String table) throws IOException {
		String name = id.substring(2);
		Files.writeString(location.resolve(name + ".up.sql"), "CREATE TABLE " + table + " (id INT)");
		Files.writeString(location.resolve(name + ".down.sql"), "DROP TABLE " + table);
	}

}
