package dev.migrations.conformance;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;

import dev.migrations.LedgerTable;
import dev.migrations.MigrationId;
import dev.migrations.MigrationListener;
import dev.migrations.MigrationValidationException;
import dev.migrations.Verification;
import dev.migrations.ledger.LedgerEntry;
import dev.migrations.ledger.LedgerState;
import dev.migrations.ledger.SqlMigrationLedger;
import dev.migrations.lock.MigrationLock;
import dev.migrations.lock.MigrationLockTimeoutException;
import dev.migrations.runner.MigrationRunner;
import dev.migrations.testing.LockHeldElsewhere;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * An apply that finds every migration applied in the ledger, read before the lock, ends
 * without the lock: a start while another instance holds the lock is not held up. Only
 * then: a pending migration, a run in progress, a dead run's row, an edited migration, a
 * ledger to upgrade and a verifying run still go through the lock as before. What only
 * the full read of the ledger can judge (a row no source defines, a checksum an apply
 * does not validate) and a ledger the runner was given are read as the apply reads them.
 */
abstract class UpToDateConformanceTests extends FreshDatabaseTests {

	private static final String M1 = "20240101000000_create_alpha";

	private static final String M2 = "20240102000000_create_beta";

	private static final Duration SHORT_TIMEOUT = Duration.ofMillis(500);

	private final List<Duration> lockWaits = new ArrayList<>();

	@BeforeEach
	void applyOneMigration() {
		write(M1, "CREATE TABLE alpha (id INT PRIMARY KEY)");
		assertThat(runner().applyAll().migrations()).hasSize(1);
		this.lockWaits.clear();
	}

	@Test
	void anUpToDateDatabaseStartsWhileAnotherRunnerHoldsTheLock() throws Exception {
		try (LockHeldElsewhere held = LockHeldElsewhere.hold(lock())) {
			assertThat(runner((builder) -> builder.lockTimeout(SHORT_TIMEOUT)).applyAll().migrations()).isEmpty();
			write(M2, "CREATE TABLE beta (id INT PRIMARY KEY)");
			assertThat(runner((builder) -> builder.lockTimeout(SHORT_TIMEOUT).target(MigrationId.parse(M1))).applyAll()
				.migrations()).isEmpty();
		}
		assertThat(this.lockWaits).as("lock acquisitions").isEmpty();
	}

	@Test
	void aPendingMigrationIsAppliedUnderTheLock() {
		write(M2, "CREATE TABLE beta (id INT PRIMARY KEY)");
		assertThat(runner().applyAll().migrations()).extracting((applied) -> applied.id().toString())
			.containsExactly("m_" + M2);
		assertThat(this.lockWaits).as("lock acquisitions").hasSize(1);
		assertThat(this.database.tables()).contains("beta");
	}

	@Test
	void aMigrationAnotherRunnerIsApplyingIsWaitedForNotReportedUpToDate() throws Exception {
		write(M2, "CREATE TABLE beta (id INT PRIMARY KEY)");
		try (LockHeldElsewhere held = LockHeldElsewhere.hold(lock())) {
			assertThatExceptionOfType(MigrationLockTimeoutException.class)
				.isThrownBy(() -> runner((builder) -> builder.lockTimeout(SHORT_TIMEOUT)).applyAll());
		}
		assertThat(runner().applyAll().migrations()).hasSize(1);
	}

	@Test
	void aRunningRowOfALiveRunIsWaitedForAndThenFoundApplied() throws Exception {
		write(M2, "CREATE TABLE beta (id INT PRIMARY KEY)");
		try (LockHeldElsewhere held = LockHeldElsewhere.hold(lock(), (lock) -> {
			writeRow(M2, LedgerState.RUNNING, lock.holder().identity());
			return () -> {
				this.database.execute("CREATE TABLE beta (id INT PRIMARY KEY)");
				onLedger((ledger, connection) -> ledger.markApplied(connection, "m_" + M2, 1));
			};
		})) {
			assertThatExceptionOfType(MigrationLockTimeoutException.class)
				.isThrownBy(() -> runner((builder) -> builder.lockTimeout(SHORT_TIMEOUT)).applyAll());
		}
		assertThat(runner().applyAll().migrations()).isEmpty();
		assertThat(this.lockWaits).as("lock acquisitions").isEmpty();
	}

	@Test
	void aRunningRowOfADeadRunStillStopsTheApply() {
		write(M2, "CREATE TABLE beta (id INT PRIMARY KEY)");
		writeRow(M2, LedgerState.RUNNING, "a runner that died");
		assertThatExceptionOfType(MigrationValidationException.class).isThrownBy(() -> runner().applyAll())
			.withMessageContaining("m_" + M2)
			.withMessageContaining("never finished");
		assertThat(this.lockWaits).as("lock acquisitions").hasSize(1);
	}

	@Test
	void anEditedMigrationStillFailsValidation() {
		write(M1, "CREATE TABLE alpha (id INT PRIMARY KEY, name VARCHAR(20))");
		assertThatExceptionOfType(MigrationValidationException.class).isThrownBy(() -> runner().applyAll())
			.withMessageContaining("m_" + M1)
			.withMessageContaining("changed after it was applied");
		this.lockWaits.clear();
		assertThat(runner((builder) -> builder.validateOnApply(false)).applyAll().migrations()).isEmpty();
		assertThat(this.lockWaits).as("lock acquisitions").isEmpty();
	}

	@Test
	void aRowNoSourceDefinesDoesNotKeepAnUpToDateDatabaseWaitingForTheLock() throws Exception {
		writeRow(M2, LedgerState.APPLIED, null);
		try (LockHeldElsewhere held = LockHeldElsewhere.hold(lock())) {
			assertThat(runner((builder) -> builder.lockTimeout(SHORT_TIMEOUT)).applyAll().migrations()).isEmpty();
		}
		assertThat(this.lockWaits).as("lock acquisitions").isEmpty();
	}

	@Test
	void aLedgerGivenToTheRunnerIsTheOneReadNotTheDefaultTable() {
		SqlMigrationLedger given = new SqlMigrationLedger(runner().dialect(), new LedgerTable(null, "other_ledger"));
		try (Connection connection = this.database.dataSource().getConnection()) {
			given.ensureInitialized(connection);
			given.logApplied(connection, new LedgerEntry("m_" + M1, "v1:0000", 1, LedgerState.APPLIED, Instant.now(), 0,
					"test", null, null));
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		// The default table shows every migration applied; the given ledger does not
		assertThatExceptionOfType(MigrationValidationException.class)
			.isThrownBy(() -> runner((builder) -> builder.ledger(given)).applyAll())
			.withMessageContaining("m_" + M1)
			.withMessageContaining("changed after it was applied");
	}

	@Test
	void aLedgerCreatedBeforeTheLockOwnerColumnIsUpgradedWithNothingPending() {
		String ledger = runner().dialect().qualify(new LedgerTable(null, LedgerTable.DEFAULT_NAME));
		this.database.execute("ALTER TABLE " + ledger + " DROP COLUMN " + runner().dialect().quote("lock_owner"));
		assertThat(runner().applyAll().migrations()).isEmpty();
		assertThat(this.lockWaits).as("lock acquisitions").hasSize(1);
		assertThat(this.database.queryForLong("SELECT COUNT(lock_owner) FROM " + ledger)).isZero();
	}

	@Test
	void aVerifyingApplyTakesTheLockWithNothingPending() throws Exception {
		try (LockHeldElsewhere held = LockHeldElsewhere.hold(lock())) {
			assertThatExceptionOfType(MigrationLockTimeoutException.class)
				.isThrownBy(() -> runner((builder) -> builder.lockTimeout(SHORT_TIMEOUT)).verifying(Verification.WARN)
					.applyAll());
		}
	}

	private MigrationRunner runner() {
		return runner(UnaryOperator.identity());
	}

	private MigrationRunner runner(UnaryOperator<MigrationRunner.Builder> options) {
		return options.apply(MigrationRunner.builder(this.database.dataSource())
			.locations("filesystem:" + this.directory)
			.lockTimeout(Duration.ofSeconds(30))
			.listener(new MigrationListener() {
				@Override
				public void lockAcquired(Duration waited) {
					UpToDateConformanceTests.this.lockWaits.add(waited);
				}
			})).build();
	}

	private MigrationLock lock() {
		return runner().dialect().lock(this.database.dataSource(), new LedgerTable(null, LedgerTable.DEFAULT_NAME));
	}

	private void writeRow(String id, LedgerState state, @Nullable String lockOwner) {
		onLedger((ledger, connection) -> ledger.logApplied(connection,
				new LedgerEntry("m_" + id, null, 2, state, Instant.now(), 0, "test", null, lockOwner)));
	}

	private void onLedger(BiConsumer<SqlMigrationLedger, Connection> work) {
		SqlMigrationLedger ledger = new SqlMigrationLedger(runner().dialect(),
				new LedgerTable(null, LedgerTable.DEFAULT_NAME));
		try (Connection connection = this.database.dataSource().getConnection()) {
			work.accept(ledger, connection);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void write(String id, String sql) {
		try {
			Files.writeString(this.directory.resolve(id + ".sql"), sql);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
