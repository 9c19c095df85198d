package dev.migrations.conformance;

import java.nio.file.Files;
import java.sql.Connection;
import java.time.Duration;

import dev.migrations.LedgerTable;
import dev.migrations.lock.MigrationLock;
import dev.migrations.lock.MigrationLockException;
import dev.migrations.lock.MigrationLockTimeoutException;
import dev.migrations.runner.MigrationRunner;
import dev.migrations.testing.LockHeldElsewhere;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The lease-row lock of databases without a session lock: a lease whose holder died is
 * taken over once it expires, a live one never is.
 */
abstract class LeaseLockConformanceTests extends FreshDatabaseTests {

	@BeforeEach
	void writeMigration() throws Exception {
		Files.writeString(this.directory.resolve("20240101000000_create_alpha.sql"), "CREATE TABLE alpha (id INT)");
	}

	@Test
	void takesOverALeaseWhoseHolderStoppedRenewingIt() {
		createLease("dead-process", System.currentTimeMillis() - 60_000);
		assertThat(runner(Duration.ofSeconds(5)).applyAll().migrations()).hasSize(1);
		assertThat(this.database.queryForLong("SELECT COUNT(*) FROM " + lockTable())).isZero();
	}

	@Test
	void neverTakesOverALiveLease() {
		createLease("live-process", System.currentTimeMillis() + 60_000);
		MigrationRunner runner = runner(Duration.ofMillis(500));
		assertThat(runner.lockHolder()).hasValueSatisfying((holder) -> {
			assertThat(holder.owner()).startsWith("live-process");
			assertThat(holder.since()).isNotNull();
		});
		assertThatExceptionOfType(MigrationLockTimeoutException.class).isThrownBy(runner::applyAll)
			.withMessageContaining("held by live-process");
		assertThat(this.database.tables()).doesNotContain("alpha");
	}

	@Test
	void aLockTableThatCannotBeWrittenIsADatabaseErrorNotAnotherProcess() {
		this.database.execute("CREATE TABLE " + lockTable() + " (id INT NOT NULL PRIMARY KEY)");
		assertThatExceptionOfType(MigrationLockException.class).isThrownBy(runner(Duration.ofSeconds(5))::applyAll)
			.isNotInstanceOf(MigrationLockTimeoutException.class)
			.withMessageStartingWith("Could not take the migration lock (lease in ")
			.withMessageContaining("Nothing was changed.\nNext step: correct the cause of this database error "
					+ "(the lease needs a database user that may create ")
			.withMessageNotContaining("Another process");
		assertThat(this.database.tables()).doesNotContain("alpha");
	}

	@Test
	void aWaiterTimesOutOnTimeNamingTheHolderWhileTheHolderWrites() throws Exception {
		MigrationRunner runner = runner(Duration.ofSeconds(3));
		MigrationLock lock = runner.dialect()
			.lock(this.database.dataSource(), new LedgerTable(null, LedgerTable.DEFAULT_NAME));
		// A migration in progress: on SQLite its open write transaction locks the whole
		// database
		try (LockHeldElsewhere held = LockHeldElsewhere.hold(lock, (heldLock) -> {
			Connection connection = this.database.dataSource().getConnection();
			connection.setAutoCommit(false);
			heldLock.verify(connection);
			connection.createStatement().execute("CREATE TABLE beta (id INT)");
			return () -> {
				connection.rollback();
				connection.close();
			};
		})) {
			long start = System.nanoTime();
			assertThatExceptionOfType(MigrationLockTimeoutException.class).isThrownBy(runner::applyAll)
				.withMessageContaining("Timed out after 3000 ms")
				.withMessageContaining("held by " + held.held().holder().identity());
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(2900),
					Duration.ofMillis(4500));
		}
		assertThat(runner.applyAll().migrations()).hasSize(1);
	}

	private void createLease(String owner, long expiresAt) {
		this.database.execute("CREATE TABLE IF NOT EXISTS " + lockTable()
				+ " (id INT NOT NULL PRIMARY KEY, owner VARCHAR(255) NOT NULL, acquired_at BIGINT NOT NULL, expires_at BIGINT NOT NULL)",
				"INSERT INTO " + lockTable() + " (id, owner, acquired_at, expires_at) VALUES (1, '" + owner + "', "
						+ (expiresAt - 90_000) + ", " + expiresAt + ")");
	}

	private String lockTable() {
		return runner(Duration.ofSeconds(1)).dialect().qualify(new LedgerTable(null, "migrations_ledger_lock"));
	}

	private MigrationRunner runner(Duration lockTimeout) {
		return MigrationRunner.builder(this.database.dataSource())
			.locations("filesystem:" + this.directory)
			.lockTimeout(lockTimeout)
			.build();
	}

}
