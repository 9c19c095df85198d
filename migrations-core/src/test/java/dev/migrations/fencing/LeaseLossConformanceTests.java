package dev.migrations.fencing;

import java.time.Duration;

import dev.migrations.MigrationResult;
import dev.migrations.ledger.LedgerEntry;
import dev.migrations.process.RunnerProcess;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lease locks (H2, SQLite): a runner paused for longer than its lease, whose lease
 * another runner took over, writes nothing once it resumes.
 */
abstract class LeaseLossConformanceTests extends FencingTests {

	@Test
	void aRunnerPausedPastItsLeaseWritesNothingOnceResumed() throws Exception {
		writeMigrations(40);
		RunnerProcess victim = start("victim", "--lease", "2", "--pause-before", id(11) + ":1000");
		victim.awaitOutput("reached " + id(11), 60);
		victim.pause();
		try {
			// The lease lasts 2 s; the paused runner cannot renew it
			Thread.sleep(3000);
			MigrationResult takeover = runner(Duration.ofSeconds(30)).applyAll();
			assertThat(takeover.migrations()).hasSize(30);
			assertThat(takeover.batch()).isEqualTo(2);
		}
		finally {
			victim.resume();
		}
		assertThat(victim.waitFor(60)).as(victim.output()).isEqualTo(3);
		assertThat(victim.output()).contains("MigrationLockLostException: Lost the migration lock")
			.contains("The run stopped after " + id(10) + ", the last migration it completed");
		assertLedgerMatchesSchema(40);
		assertThat(ledger()).filteredOn((row) -> row.batch() == 1)
			.extracting(LedgerEntry::id)
			.hasSize(10)
			.allMatch((id) -> id.compareTo(id(11)) < 0);
	}

}
