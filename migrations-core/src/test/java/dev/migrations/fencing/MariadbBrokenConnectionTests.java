package dev.migrations.fencing;

import java.nio.file.Files;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import dev.migrations.MigrationExecutionException;
import dev.migrations.MigrationResult;
import dev.migrations.ledger.LedgerEntry;
import dev.migrations.ledger.LedgerState;
import dev.migrations.testing.DatabaseKind;
import dev.migrations.testing.OnDatabase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * MariaDB commits DDL implicitly, so a migration whose connection is killed part-way may
 * have changed the database: its row must say FAILED, written from the lock's connection
 * when the migration's is gone, and the error must name the migration and statement.
 */
@OnDatabase(DatabaseKind.MARIADB)
class MariadbBrokenConnectionTests extends FencingTests {

	@Test
	void aMigrationWhoseConnectionIsKilledLeavesAFailedRowThatNamesIt() throws Exception {
		writeMigrations(1);
		Files.writeString(this.migrations.resolve(timestamp(2) + "_slow_t2.sql"),
				"SELECT SLEEP(20);\nCREATE TABLE t2 (id INT);\n");
		CompletableFuture<MigrationResult> run = CompletableFuture
			.supplyAsync(() -> runner(Duration.ofSeconds(30)).applyAll());
		long sleeper = awaitSleepingConnection();
		this.database.execute("KILL CONNECTION " + sleeper);
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> run.get(60, TimeUnit.SECONDS))
			.havingCause()
			.isInstanceOf(MigrationExecutionException.class)
			.withMessageContaining("Migration m_" + timestamp(2) + "_slow_t2 failed while applying at statement 1 of 2")
			.withMessageContaining("SELECT SLEEP(20)");
		assertThat(ledger()).filteredOn((row) -> row.id().endsWith("_slow_t2")).singleElement().satisfies((row) -> {
			assertThat(row.state()).isEqualTo(LedgerState.FAILED);
			assertThat(row.error()).contains("at statement 1 of 2");
		});
		assertThat(ledger()).extracting(LedgerEntry::id).hasSize(2);
		assertThat(runner(Duration.ofSeconds(1)).lockHolder()).isEmpty();
	}

	private long awaitSleepingConnection() throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (System.nanoTime() < deadline) {
			long id = this.database.queryForLong("SELECT COALESCE(MAX(ID), 0) FROM information_schema.PROCESSLIST "
					+ "WHERE DB = DATABASE() AND INFO LIKE 'SELECT SLEEP(20)%'");
			if (id > 0) {
				return id;
			}
			Thread.sleep(20);
		}
		throw new IllegalStateException("The migration never started its SLEEP");
	}

}
