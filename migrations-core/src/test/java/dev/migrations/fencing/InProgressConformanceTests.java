package dev.migrations.fencing;

import java.time.Duration;
import java.util.List;

import dev.migrations.MigrationId;
import dev.migrations.MigrationProblem;
import dev.migrations.MigrationState;
import dev.migrations.MigrationStatus;
import dev.migrations.Remedy;
import dev.migrations.RepairOption;
import dev.migrations.ledger.LedgerEntry;
import dev.migrations.ledger.LedgerState;
import dev.migrations.lock.LockHolder;
import dev.migrations.lock.MigrationInProgressException;
import dev.migrations.lock.MigrationLockTimeoutException;
import dev.migrations.process.RunnerProcess;
import dev.migrations.runner.MigrationRunner;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A migration that runs outside a transaction has a {@code RUNNING} row while it runs.
 * While its runner is alive (here paused with SIGSTOP, holding the lock) that row is in
 * progress, never a dead run's: status, validate, a second runner and repair say so, and
 * nothing is lost once the runner resumes. Repair with force takes the lock from it, and
 * the runner then writes nothing more.
 */
abstract class InProgressConformanceTests extends FencingTests {

	/** A Java migration the runner process adds, between {@code t1} and {@code t2}. */
	private static final String SLOW = "m_20240101000150_slow_step";

	@Test
	void aPausedRunnersMigrationIsInProgressAndNeitherAnotherRunnerNorRepairTakesItForDead() throws Exception {
		RunnerProcess victim = pausedInsideTheSlowStep();
		try {
			MigrationRunner runner = runner(Duration.ofSeconds(2));
			LockHolder holder = runner.lockHolder().orElseThrow();
			assertThat(stateOf(runner.status(), SLOW)).isEqualTo(MigrationState.IN_PROGRESS);
			assertThat(ledger()).filteredOn((row) -> row.id().equals(SLOW)).singleElement().satisfies((row) -> {
				assertThat(row.state()).isEqualTo(LedgerState.RUNNING);
				assertThat(row.lockOwner()).isEqualTo(holder.identity());
			});
			assertThat(runner.validate()).extracting(MigrationProblem::state).contains(MigrationState.IN_PROGRESS);
			assertThat(runner.validate()).extracting(MigrationProblem::message)
				.anySatisfy((message) -> assertThat(message).contains("is in progress in " + holder.identity())
					.doesNotContain("died"));
			assertThatExceptionOfType(MigrationInProgressException.class).isThrownBy(() -> runner.repair(false))
				.withMessageContaining("in progress in " + holder.identity())
				.withMessageContaining("runner.repair(RepairOption.FORCE)")
				.satisfies((ex) -> assertThat(ex.remedy().kind()).isEqualTo(Remedy.Kind.RELEASE_LOCK))
				.satisfies((ex) -> assertThat(ex.remedy().has(Remedy.Fact.FORCE_REPAIR)).isTrue());
			assertThatExceptionOfType(MigrationLockTimeoutException.class).isThrownBy(runner::applyAll)
				.withMessageContaining("held by " + holder.identity());
		}
		finally {
			victim.resume();
		}
		assertThat(victim.waitFor(60)).as(victim.output()).isZero();
		assertThat(victim.output()).contains("applied 4 in batch 1");
		assertThat(ledger()).extracting(LedgerEntry::state).containsOnly(LedgerState.APPLIED).hasSize(4);
		assertThat(runner(Duration.ofSeconds(5)).repair(false)).isEmpty();
		assertLedgerMatchesSchemaWithSlowStep();
	}

	@Test
	void repairWithForceTakesTheLockFromAStuckRunnerWhichThenWritesNothing() throws Exception {
		RunnerProcess victim = pausedInsideTheSlowStep();
		List<String> changes;
		try {
			changes = runner(Duration.ofSeconds(30)).repair(RepairOption.FORCE);
		}
		finally {
			victim.resume();
		}
		assertThat(changes).hasSize(2);
		assertThat(changes.get(0)).startsWith("Took the migration lock from ").endsWith("which was applying " + SLOW);
		assertThat(changes.get(1)).isEqualTo("Removed RUNNING row of " + SLOW);
		assertThat(victim.waitFor(60)).as(victim.output()).isEqualTo(3);
		assertThat(victim.output()).contains("MigrationLockLostException: Lost the migration lock");
		assertThat(ledger()).extracting(LedgerEntry::id).containsExactly(id(1));
		assertThat(runner(Duration.ofSeconds(30)).applyAll().migrations()).hasSize(2);
		assertLedgerMatchesSchema(3);
	}

	/**
	 * Start a runner of three migrations and the slow Java step, and pause it inside the
	 * step, its RUNNING row written.
	 */
	private RunnerProcess pausedInsideTheSlowStep() throws Exception {
		writeMigrations(3);
		RunnerProcess victim = start("victim", "--slow", SLOW + ":3000");
		victim.awaitOutput("inside " + SLOW, 60);
		victim.pause();
		return victim;
	}

	private void assertLedgerMatchesSchemaWithSlowStep() {
		assertThat(ledger()).extracting(LedgerEntry::id).contains(SLOW);
		this.database.execute("DELETE FROM migrations_ledger WHERE id = '" + SLOW + "'");
		assertLedgerMatchesSchema(3);
	}

	private static MigrationState stateOf(List<MigrationStatus> statuses, String id) {
		MigrationId wanted = MigrationId.parse(id);
		return statuses.stream()
			.filter((status) -> status.id().equals(wanted))
			.findFirst()
			.map(MigrationStatus::state)
			.orElseThrow();
	}

}
