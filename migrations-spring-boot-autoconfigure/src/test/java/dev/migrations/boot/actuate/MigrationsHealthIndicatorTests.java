package dev.migrations.boot.actuate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;

import dev.migrations.LedgerTable;
import dev.migrations.ledger.LedgerEntry;
import dev.migrations.ledger.LedgerState;
import dev.migrations.ledger.SqlMigrationLedger;
import dev.migrations.lock.MigrationLock;
import dev.migrations.runner.MigrationRunner;
import dev.migrations.testing.DatabaseKind;
import dev.migrations.testing.LockHeldElsewhere;
import dev.migrations.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The health of migrations while another instance applies them: a {@code RUNNING} row
 * written by the run that holds the lock is in progress, which is no failure; it keeps
 * out of service only an instance that waits for someone else to apply its migrations.
 */
class MigrationsHealthIndicatorTests {

	@TempDir
	Path directory;

	private TestDatabase database;

	@BeforeEach
	void createDatabase() {
		this.database = TestDatabase.create(DatabaseKind.H2);
	}

	@AfterEach
	void dropDatabase() {
		this.database.close();
	}

	@Test
	void aMigrationInProgressInAnotherRunIsUpNamingThatRun() throws Exception {
		Files.writeString(this.directory.resolve("20240101000000_create_alpha.sql"), "CREATE TABLE alpha (id INT)");
		MigrationRunner runner = MigrationRunner.builder(this.database.dataSource())
			.locations("filesystem:" + this.directory)
			.build();
		LedgerTable table = new LedgerTable(null, LedgerTable.DEFAULT_NAME);
		SqlMigrationLedger ledger = new SqlMigrationLedger(runner.dialect(), table);
		MigrationLock lock = runner.dialect().lock(this.database.dataSource(), table);
		MigrationsHealthIndicator health = new MigrationsHealthIndicator(runner);
		try (LockHeldElsewhere otherInstance = LockHeldElsewhere.hold(lock, (held) -> {
			Connection connection = this.database.dataSource().getConnection();
			ledger.ensureInitialized(connection);
			ledger.logApplied(connection, new LedgerEntry("m_20240101000000_create_alpha", null, 1, LedgerState.RUNNING,
					Instant.now(), 0, "test", null, held.holder().identity()));
			return () -> {
				ledger.markApplied(connection, "m_20240101000000_create_alpha", 1);
				connection.close();
			};
		})) {
			Health inProgress = health.health();
			assertThat(inProgress.getStatus()).isEqualTo(Status.UP);
			assertThat(inProgress.getDetails()).containsEntry("inProgress", 1).containsEntry("running", 0);
			assertThat(inProgress.getDetails().get("inProgressIn")).asString()
				.startsWith(otherInstance.held().holder().identity());
		}
		assertThat(health.health().getStatus()).isEqualTo(Status.UP);
		this.database.execute("UPDATE migrations_ledger SET state = 'RUNNING'");
		Health died = health.health();
		assertThat(died.getStatus()).isEqualTo(Status.DOWN);
		assertThat(died.getDetails()).containsEntry("running", 1).containsEntry("inProgress", 0);
	}

	@Test
	void aMigrationInProgressInAnotherRunKeepsAnInstanceThatDoesNotApplyItOutOfService() throws Exception {
		Files.writeString(this.directory.resolve("20240101000000_create_alpha.sql"), "CREATE TABLE alpha (id INT)");
		MigrationRunner runner = MigrationRunner.builder(this.database.dataSource())
			.locations("filesystem:" + this.directory)
			.build();
		LedgerTable table = new LedgerTable(null, LedgerTable.DEFAULT_NAME);
		SqlMigrationLedger ledger = new SqlMigrationLedger(runner.dialect(), table);
		MigrationLock lock = runner.dialect().lock(this.database.dataSource(), table);
		MigrationsHealthIndicator health = new MigrationsHealthIndicator(runner, false);
		assertThat(health.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
		try (LockHeldElsewhere job = LockHeldElsewhere.hold(lock, (held) -> {
			Connection connection = this.database.dataSource().getConnection();
			ledger.ensureInitialized(connection);
			ledger.logApplied(connection, new LedgerEntry("m_20240101000000_create_alpha", null, 1, LedgerState.RUNNING,
					Instant.now(), 0, "job", null, held.holder().identity()));
			return () -> {
				ledger.markApplied(connection, "m_20240101000000_create_alpha", 1);
				connection.close();
			};
		})) {
			Health inProgress = health.health();
			assertThat(inProgress.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
			assertThat(inProgress.getDetails()).containsEntry("inProgress", 1).containsKey("inProgressIn");
		}
		assertThat(health.health().getStatus()).isEqualTo(Status.UP);
	}

}
