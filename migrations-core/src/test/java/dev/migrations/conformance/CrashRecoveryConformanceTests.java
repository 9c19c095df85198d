package dev.migrations.conformance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import dev.migrations.MigrationResult;
import dev.migrations.MigrationState;
import dev.migrations.MigrationStatus;
import dev.migrations.MigrationValidationException;
import dev.migrations.process.RunnerProcess;
import dev.migrations.runner.MigrationRunner;
import dev.migrations.testing.DatabaseKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A runner process killed with SIGKILL in the middle of a migration must leave no lock
 * that blocks the next start, and either nothing of the migration (transactional DDL) or
 * a RUNNING row that names it and the repair step.
 */
abstract class CrashRecoveryConformanceTests extends FreshDatabaseTests {

	private static final Duration LOCK_TIMEOUT = Duration.ofSeconds(30);

	@Test
	void aRunnerKilledMidMigrationLeavesNoStuckLock() throws Exception {
		Path migrations = Files.createDirectories(this.directory.resolve("migrations"));
		String sleep = (this.database.kind() == DatabaseKind.POSTGRESQL) ? "SELECT pg_sleep(8)" : "SELECT SLEEP(8)";
		Files.writeString(migrations.resolve("20240101000000_create_alpha.sql"), "CREATE TABLE alpha (id INT)");
		Files.writeString(migrations.resolve("20240102000000_slow_beta.sql"),
				sleep + ";\nCREATE TABLE beta (id INT);\n");
		Files.writeString(migrations.resolve("20240103000000_create_gamma.sql"), "CREATE TABLE gamma (id INT)");
		RunnerProcess victim = RunnerProcess.start(this.database.url(), "filesystem:" + migrations, 30,
				this.directory.resolve("victim.log"));
		MigrationRunner runner = MigrationRunner.builder(this.database.dataSource())
			.locations("filesystem:" + migrations)
			.lockTimeout(LOCK_TIMEOUT)
			.build();
		awaitAppliedAlpha(runner, victim);
		Thread.sleep(1500);
		victim.kill();

		long start = System.nanoTime();
		assertThat(activeSleeps()).as("the killed run's statement still runs on the server").isEqualTo(1);
		if (this.database.kind() == DatabaseKind.POSTGRESQL) {
			assertThat(runner.status().get(1).state()).as("the killed migration was rolled back")
				.isEqualTo(MigrationState.PENDING);
			MigrationResult result = runner.applyAll();
			assertThat(result.migrations()).extracting((migration) -> migration.id().slug())
				.containsExactly("slow_beta", "create_gamma");
		}
		else {
			assertThat(runner.status().get(1).state()).isEqualTo(MigrationState.RUNNING);
			assertThatExceptionOfType(MigrationValidationException.class).isThrownBy(runner::applyAll)
				.withMessageContaining("m_20240102000000_slow_beta")
				.withMessageContaining("never finished")
				.withMessageContaining("that run's last statement may still be running")
				.withMessageContaining("run repair");
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(LOCK_TIMEOUT);
			assertThat(runner.repair(false)).containsExactly("Removed RUNNING row of m_20240102000000_slow_beta");
			assertThat(runner.applyAll().migrations()).hasSize(2);
		}
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(LOCK_TIMEOUT);
		assertThat(runner.status()).extracting(MigrationStatus::state).containsOnly(MigrationState.APPLIED);
		assertThat(this.database.tables()).contains("alpha", "beta", "gamma");
	}

	/**
	 * Count the sessions still running the slow migration's statement: the server goes on
	 * with it after its client was killed, until it has a result to send.
	 */
	private long activeSleeps() {
		return (this.database.kind() == DatabaseKind.POSTGRESQL) ? this.database.queryForLong(
				"SELECT count(*) FROM pg_stat_activity WHERE state = 'active' AND query LIKE 'SELECT pg_sleep(8)%'")
				: this.database.queryForLong(
						"SELECT count(*) FROM information_schema.PROCESSLIST WHERE INFO LIKE 'SELECT SLEEP(8)%'");
	}

	private static void awaitAppliedAlpha(MigrationRunner runner, RunnerProcess victim) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (System.nanoTime() < deadline) {
			List<MigrationStatus> status = runner.status();
			if (status.get(0).state() == MigrationState.APPLIED) {
				return;
			}
			Thread.sleep(50);
		}
		victim.kill();
		throw new IllegalStateException("The runner process never applied its first migration: " + victim.output());
	}

}
