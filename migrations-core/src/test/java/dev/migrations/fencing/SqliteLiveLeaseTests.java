package dev.migrations.fencing;

import dev.migrations.process.RunnerProcess;
import dev.migrations.testing.DatabaseKind;
import dev.migrations.testing.OnDatabase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SQLite locks the whole file while a transaction writes, so the lease cannot be renewed
 * on the lock's own connection while a migration writes for longer than the lease; the
 * runner renews it inside the migration's transaction, and a live lease stays live.
 */
@OnDatabase(DatabaseKind.SQLITE)
class SqliteLiveLeaseTests extends FencingTests {

	private static final String SLOW_WRITE = "m_20240101000150_slow_write";

	@Test
	void aMigrationThatWritesForLongerThanTheLeaseKeepsItsLease() throws Exception {
		writeMigrations(3);
		RunnerProcess holder = start("holder", "--lease", "2", "--slow-write", SLOW_WRITE + ":5000");
		holder.awaitOutput("inside " + SLOW_WRITE, 60);
		RunnerProcess waiter = start("waiter", "--lease", "2");
		assertThat(holder.waitFor(60)).as(holder.output()).isZero();
		assertThat(waiter.waitFor(60)).as(waiter.output()).isZero();
		assertThat(holder.output()).contains("applied 4 in batch 1").doesNotContain("Lost the migration lock");
		assertThat(waiter.output()).contains("applied 0 in batch 0");
		assertThat(this.database.tables()).contains("slow_write");
		this.database.execute("DELETE FROM migrations_ledger WHERE id = '" + SLOW_WRITE + "'");
		assertLedgerMatchesSchema(3);
	}

}
