package dev.migrations.fencing;

import java.time.Duration;

import dev.migrations.LedgerTable;
import dev.migrations.lock.MigrationLock;
import dev.migrations.process.RunnerProcess;
import dev.migrations.runner.MigrationRunner;
import dev.migrations.testing.LockHeldElsewhere;
import dev.migrations.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Session locks (PostgreSQL advisory lock, MySQL and MariaDB named lock): a runner whose
 * lock session is ended stops before its next migration, and the lock of one database
 * never stands in the way of another database's run on the same server.
 */
abstract class LockConnectionLossConformanceTests extends FencingTests {

	@Test
	void aRunnerWhoseLockSessionIsEndedStopsBeforeItsNextMigrationAndAnotherAppliesTheRest() throws Exception {
		writeMigrations(40);
		RunnerProcess victim = start("victim", "--pause-before", id(11) + ":3000");
		victim.awaitOutput("reached " + id(11), 60);
		endLockSession();
		assertThat(victim.waitFor(60)).as(victim.output()).isEqualTo(3);
		assertThat(victim.output()).contains("MigrationLockLostException: Lost the migration lock")
			.contains("The run stopped after " + id(10) + ", the last migration it completed");
		assertThat(ledger()).hasSize(10);
		assertThat(this.database.tables()).doesNotContain("t11");
		assertThat(runner(Duration.ofSeconds(30)).applyAll().migrations()).hasSize(30);
		assertLedgerMatchesSchema(40);
	}

	@Test
	void runsOnTwoDatabasesOfOneServerNeverWaitForEachOther() throws Exception {
		writeMigrations(2);
		try (TestDatabase other = TestDatabase.create(this.database.kind())) {
			MigrationRunner otherRunner = MigrationRunner.builder(other.dataSource())
				.locations("filesystem:" + this.migrations)
				.build();
			MigrationLock otherLock = otherRunner.dialect()
				.lock(other.dataSource(), new LedgerTable(null, LedgerTable.DEFAULT_NAME));
			try (LockHeldElsewhere held = LockHeldElsewhere.hold(otherLock)) {
				MigrationRunner runner = runner(Duration.ofSeconds(1));
				assertThat(otherRunner.lockHolder()).isPresent();
				assertThat(runner.lockHolder()).isEmpty();
				assertThat(runner.applyAll().migrations()).hasSize(2);
			}
			assertThat(otherRunner.lockHolder()).isEmpty();
		}
		assertLedgerMatchesSchema(2);
	}

	/**
	 * End the database session that holds the migration lock of the test's database, as
	 * an operator, a failover or a network cut would.
	 */
	abstract void endLockSession();

}
