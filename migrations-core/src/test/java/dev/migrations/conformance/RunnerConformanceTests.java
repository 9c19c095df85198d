package dev.migrations.conformance;

import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.migrations.Direction;
import dev.migrations.ExecutedMigration;
import dev.migrations.IrreversibleMigrationException;
import dev.migrations.LedgerTable;
import dev.migrations.Migration;
import dev.migrations.MigrationDefinitionException;
import dev.migrations.MigrationDescriptor;
import dev.migrations.MigrationEntry;
import dev.migrations.MigrationException;
import dev.migrations.MigrationExecutionException;
import dev.migrations.MigrationId;
import dev.migrations.MigrationListener;
import dev.migrations.MigrationResult;
import dev.migrations.MigrationState;
import dev.migrations.MigrationStatus;
import dev.migrations.MigrationValidationException;
import dev.migrations.OutOfOrder;
import dev.migrations.PlannedMigration;
import dev.migrations.Remedy;
import dev.migrations.TransactionMode;
import dev.migrations.dialect.Dialect;
import dev.migrations.dialect.Dialects;
import dev.migrations.ledger.LedgerEntry;
import dev.migrations.ledger.LedgerState;
import dev.migrations.ledger.MigrationLedger;
import dev.migrations.ledger.SqlMigrationLedger;
import dev.migrations.lock.LockHolder;
import dev.migrations.lock.MigrationLock;
import dev.migrations.lock.MigrationLockTimeoutException;
import dev.migrations.lock.WriteCondition;
import dev.migrations.runner.MigrationRunner;
import dev.migrations.schema.Schema;
import dev.migrations.testing.DatabaseKind;
import dev.migrations.testing.LockHeldElsewhere;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The behaviour every database must show, run once per database by the concrete
 * subclasses. Each test works in a fresh database that is dropped afterwards.
 */
abstract class RunnerConformanceTests extends FreshDatabaseTests {

	private static final String M1 = "20240101000000_create_alpha";

	private static final String M2 = "20240102000000_create_beta";

	private static final String M3 = "20240103000000_create_gamma";

	private static final String M4 = "20240104000000_create_delta";

	private static final String M5 = "20240105000000_create_epsilon";

	@Test
	void appliesPendingMigrationsInIdOrder() {
		createTableMigration(M3, "gamma");
		createTableMigration(M1, "alpha");
		createTableMigration(M2, "beta");
		List<String> seen = new ArrayList<>();
		MigrationResult result = runner((builder) -> builder.listener(new MigrationListener() {
			@Override
			public void beforeMigration(MigrationDescriptor migration, Direction direction) {
				seen.add(migration.name());
			}
		})).applyAll();
		assertThat(ids(result)).containsExactly("m_" + M1, "m_" + M2, "m_" + M3);
		assertThat(seen).containsExactly("create_alpha", "create_beta", "create_gamma");
		assertThat(tables()).containsExactlyInAnyOrder("alpha", "beta", "gamma", "migrations_ledger");
		assertThat(states(runner().status())).containsOnly(MigrationState.APPLIED);
	}

	@Test
	void doesNothingWhenNothingIsPending() {
		createTableMigration(M1, "alpha");
		runner().applyAll();
		MigrationResult second = runner().applyAll();
		assertThat(second.isEmpty()).isTrue();
		assertThat(second.batch()).isZero();
		assertThat(readLedger()).hasSize(1);
	}

	@Test
	void theFirstRunOnANewDatabaseLogsNoWarning() {
		createTableMigration(M1, "alpha");
		Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
		ListAppender<ILoggingEvent> events = new ListAppender<>();
		events.start();
		root.addAppender(events);
		try {
			runner().status();
			runner().applyAll();
		}
		finally {
			root.detachAppender(events);
		}
		assertThat(events.list).filteredOn((event) -> event.getLevel().isGreaterOrEqual(Level.WARN))
			.extracting(ILoggingEvent::getFormattedMessage)
			.isEmpty();
	}

	@Test
	void appliesAtMostLimitMigrations() {
		createTableMigration(M1, "alpha");
		createTableMigration(M2, "beta");
		createTableMigration(M3, "gamma");
		MigrationResult result = runner().applyAll(2);
		assertThat(ids(result)).containsExactly("m_" + M1, "m_" + M2);
		assertThat(stateById(runner().status())).containsEntry("m_" + M3, MigrationState.PENDING);
		assertThat(tables()).doesNotContain("gamma");
		assertThatThrownBy(() -> runner().applyAll(0)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void givesEveryRunOneNewBatchNumber() {
		createTableMigration(M1, "alpha");
		createTableMigration(M2, "beta");
		assertThat(runner().applyAll().batch()).isEqualTo(1);
		createTableMigration(M3, "gamma");
		assertThat(runner().applyAll().batch()).isEqualTo(2);
		assertThat(batchById(runner().status())).containsExactly(Map.entry("m_" + M1, 1), Map.entry("m_" + M2, 1),
				Map.entry("m_" + M3, 2));
	}

	@Test
	void writesEveryLedgerColumn() {
		createTableMigration(M1, "alpha");
		Instant before = Instant.now().minusSeconds(5);
		runner().applyAll();
		List<LedgerEntry> rows = readLedger();
		assertThat(rows).hasSize(1);
		LedgerEntry row = rows.get(0);
		assertThat(row.id()).isEqualTo("m_" + M1);
		assertThat(row.checksum()).startsWith("v1:").hasSize(67);
		assertThat(row.batch()).isEqualTo(1);
		assertThat(row.state()).hasToString("APPLIED");
		assertThat(row.appliedAt()).isBetween(before, Instant.now().plusSeconds(5));
		assertThat(row.executionMs()).isNotNegative();
		assertThat(row.appliedBy()).contains("@");
		assertThat(row.error()).isNull();
	}

	@Test
	void theResultAndTheListenerGiveTheTimeTheLedgerRecords() {
		createTableMigration(M1, "alpha");
		createTableMigration(M2, "beta");
		Map<String, Long> heard = new LinkedHashMap<>();
		MigrationListener listener = new MigrationListener() {
			@Override
			public void afterMigration(MigrationDescriptor migration, Direction direction, Duration duration) {
				heard.put(migration.id().toString(), duration.toMillis());
			}
		};
		MigrationResult result = runner((builder) -> builder.listener(listener)).applyAll();
		Map<String, Long> recorded = new LinkedHashMap<>();
		for (LedgerEntry row : readLedger()) {
			recorded.put(row.id(), row.executionMs());
		}
		Map<String, Long> returned = new LinkedHashMap<>();
		for (ExecutedMigration migration : result.migrations()) {
			returned.put(migration.id().toString(), migration.executionMs());
		}
		assertThat(returned).isEqualTo(recorded).hasSize(2);
		assertThat(heard).isEqualTo(recorded);
	}

	@Test
	void rollbackUndoesExactlyTheLastBatch() {
		createReversibleMigration(M1, "alpha");
		runner().applyAll();
		createReversibleMigration(M2, "beta");
		createReversibleMigration(M3, "gamma");
		runner().applyAll();
		MigrationResult result = runner().rollback();
		assertThat(ids(result)).containsExactly("m_" + M3, "m_" + M2);
		assertThat(result.migrations()).extracting(ExecutedMigration::direction).containsOnly(Direction.DOWN);
		assertThat(tables()).containsExactlyInAnyOrder("alpha", "migrations_ledger");
		assertThat(stateById(runner().status())).containsExactly(Map.entry("m_" + M1, MigrationState.APPLIED),
				Map.entry("m_" + M2, MigrationState.PENDING), Map.entry("m_" + M3, MigrationState.PENDING));
	}

	@Test
	void rollbackOfThreeStepsUndoesTheLastThreeBatchesNewestFirst() {
		for (String id : List.of(M1, M2, M3, M4)) {
			createReversibleMigration(id, id.substring(22));
			runner().applyAll();
		}
		MigrationResult result = runner().rollback(3);
		assertThat(ids(result)).containsExactly("m_" + M4, "m_" + M3, "m_" + M2);
		assertThat(tables()).containsExactlyInAnyOrder("alpha", "migrations_ledger");
		assertThat(runner().applyAll().batch()).isEqualTo(2);
	}

	@Test
	void rollbackToKeepsTheTargetAndEverythingBeforeIt() {
		createReversibleMigration(M1, "alpha");
		createReversibleMigration(M2, "beta");
		runner().applyAll();
		createReversibleMigration(M3, "gamma");
		createReversibleMigration(M4, "delta");
		runner().applyAll();
		MigrationResult result = runner().rollbackTo(MigrationId.parse(M2));
		assertThat(ids(result)).containsExactly("m_" + M4, "m_" + M3);
		assertThat(tables()).containsExactlyInAnyOrder("alpha", "beta", "migrations_ledger");
	}

	@Test
	void rollbackToRefusesAnIdThatIsNeitherAppliedNorDefined() {
		MigrationId typo = MigrationId.parse(M3);
		assertThatExceptionOfType(MigrationDefinitionException.class).isThrownBy(() -> runner().rollbackTo(typo))
			.withMessageContaining("m_" + M3)
			.withMessageContaining("neither applied nor defined");
		createReversibleMigration(M1, "alpha");
		createReversibleMigration(M2, "beta");
		runner().applyAll();
		createReversibleMigration(M4, "delta");
		runner().applyAll();
		List<LedgerEntry> before = readLedger();
		assertThatExceptionOfType(MigrationDefinitionException.class)
			.isThrownBy(() -> runner().pretend().rollbackTo(typo))
			.withMessageContaining("m_" + M3)
			.withMessageContaining("neither applied nor defined");
		assertThatExceptionOfType(MigrationDefinitionException.class).isThrownBy(() -> runner().rollbackTo(typo))
			.withMessageContaining("m_" + M3)
			.withMessageContaining("neither applied nor defined")
			.withMessageContaining("nothing was changed");
		assertThat(tables()).containsExactlyInAnyOrder("alpha", "beta", "delta", "migrations_ledger");
		assertThat(readLedger()).isEqualTo(before);
		createReversibleMigration(M3, "gamma");
		assertThat(runner().pretend().rollbackTo(typo)).extracting((planned) -> planned.id().toString())
			.containsExactly("m_" + M4);
		assertThat(ids(runner().rollbackTo(typo))).containsExactly("m_" + M4);
		assertThat(tables()).containsExactlyInAnyOrder("alpha", "beta", "migrations_ledger");
	}

	@Test
	void refusesToRollBackAnIrreversibleMigrationBeforeChangingAnything() {
		createReversibleMigration(M1, "alpha");
		createTableMigration(M2, "beta");
		createReversibleMigration(M3, "gamma");
		runner().applyAll();
		List<LedgerEntry> before = readLedger();
		assertThatExceptionOfType(IrreversibleMigrationException.class).isThrownBy(() -> runner().rollback())
			.withMessageContaining("m_" + M2)
			.withMessageContaining(M2 + ".sql")
			.withMessageContaining("nothing was changed")
			.withMessageNotContaining("m_" + M3);
		assertThat(tables()).containsExactlyInAnyOrder("alpha", "beta", "gamma", "migrations_ledger");
		assertThat(readLedger()).isEqualTo(before);
	}

	@Test
	void rollsBackJavaMigrationsWithTheirDownPlan() {
		Migration migration = new Migration() {
			@Override
			public void up(Schema schema) {
				schema.sql("CREATE TABLE java_table (id INT PRIMARY KEY)");
				schema.jdbc((connection) -> {
					try (Statement statement = connection.createStatement()) {
						statement.executeUpdate("INSERT INTO java_table (id) VALUES (42)");
					}
				});
			}

			@Override
			public void down(Schema schema) {
				schema.sql("DROP TABLE java_table");
			}
		};
		MigrationRunner runner = runner((builder) -> builder.entries(MigrationEntry.of("m_" + M1, migration)));
		runner.applyAll();
		assertThat(this.database.queryForLong("SELECT id FROM java_table")).isEqualTo(42);
		assertThat(runner.pretend().rollback()).singleElement()
			.satisfies((planned) -> assertThat(planned.source()).isEqualTo(migration.getClass().getName()));
		runner.rollback();
		assertThat(tables()).containsExactly("migrations_ledger");
	}

	@Test
	void reportsAppliedPendingOutOfOrderChecksumMismatchAndMissing() throws IOException {
		createTableMigration(M1, "alpha");
		createTableMigration(M2, "beta");
		createTableMigration(M4, "delta");
		runner().applyAll();
		createTableMigration(M3, "gamma");
		createTableMigration(M5, "epsilon");
		write(M2 + ".sql", "CREATE TABLE beta (id INT PRIMARY KEY, extra INT)");
		Files.delete(this.directory.resolve(M4 + ".sql"));
		List<MigrationStatus> status = runner().status();
		assertThat(stateById(status)).containsExactly(Map.entry("m_" + M1, MigrationState.APPLIED),
				Map.entry("m_" + M2, MigrationState.CHECKSUM_MISMATCH),
				Map.entry("m_" + M3, MigrationState.OUT_OF_ORDER), Map.entry("m_" + M4, MigrationState.MISSING),
				Map.entry("m_" + M5, MigrationState.PENDING));
		MigrationStatus missing = status.get(3);
		assertThat(missing.source()).isNull();
		assertThat(missing.batch()).isEqualTo(1);
		MigrationStatus mismatch = status.get(1);
		assertThat(mismatch.checksum()).isNotEqualTo(mismatch.appliedChecksum());
		assertThatExceptionOfType(MigrationValidationException.class).isThrownBy(() -> runner().applyAll())
			.withMessageContaining("m_" + M2)
			.withMessageContaining("changed after it was applied")
			.withMessageContaining("repair");
	}

	@Test
	void recordsAFailedNonTransactionalMigrationAndBlocksLaterRuns() {
		createTableMigration(M1, "alpha");
		write(M2 + ".sql", "-- migrations: no-transaction\nINSERT INTO no_such_table (id) VALUES (1);\n");
		createTableMigration(M3, "gamma");
		assertThatExceptionOfType(MigrationExecutionException.class).isThrownBy(() -> runner().applyAll())
			.withMessageContaining("m_" + M2)
			.withMessageContaining("statement 1 of 1")
			.withMessageContaining("no_such_table")
			.withMessageContaining("Next step");
		MigrationStatus failed = runner().status().get(1);
		assertThat(failed.state()).isEqualTo(MigrationState.FAILED);
		assertThat(failed.error()).contains("no_such_table");
		assertThatExceptionOfType(MigrationValidationException.class).isThrownBy(() -> runner().applyAll())
			.withMessageContaining("m_" + M2)
			.withMessageContaining("FAILED")
			.withMessageContaining("repair")
			.satisfies((ex) -> assertThat(ex.getMessage()).containsOnlyOnce("Next step:"));
		assertThat(runner().validate()).singleElement().satisfies((problem) -> {
			assertThat(problem.message()).contains("no_such_table").doesNotContain("Next step");
			assertThat(problem.remedy().kind()).isEqualTo(Remedy.Kind.REPAIR_THEN_RETRY);
			assertThat(problem.action()).contains("run repair (runner.repair())");
		});
		assertThat(tables()).doesNotContain("gamma");
	}

	@Test
	void aFailedMigrationWhoseSourceIsGoneBlocksEveryRunUntilRepaired() throws IOException {
		write(M1 + ".sql", "-- migrations: no-transaction\nINSERT INTO no_such_table (id) VALUES (1)");
		assertThatExceptionOfType(MigrationExecutionException.class).isThrownBy(() -> runner().applyAll());
		Files.delete(this.directory.resolve(M1 + ".sql"));
		createReversibleMigration(M2, "beta");
		assertSourceIsGoneAndBlocks(MigrationState.FAILED);
		assertThat(runner().status().get(0).error()).contains("no_such_table");
		assertThat(runner().repair(false)).containsExactly("Removed FAILED row of m_" + M1);
		assertThat(ids(runner().applyAll())).containsExactly("m_" + M2);
		assertThat(stateById(runner().status())).containsExactly(Map.entry("m_" + M2, MigrationState.APPLIED));
		assertThat(runner().validate()).isEmpty();
	}

	@Test
	void anInterruptedMigrationWhoseSourceIsGoneBlocksEveryRunUntilRepaired() throws SQLException {
		SqlMigrationLedger ledger = new SqlMigrationLedger(this.database.dataSource(), LedgerTable.DEFAULT_NAME);
		try (Connection connection = this.database.dataSource().getConnection()) {
			ledger.ensureInitialized(connection);
			ledger.logApplied(connection,
					new LedgerEntry("m_" + M1, "v1:0", 1, LedgerState.RUNNING, Instant.now(), 0, "test", null));
		}
		createReversibleMigration(M2, "beta");
		assertSourceIsGoneAndBlocks(MigrationState.RUNNING);
		assertThat(runner().repair(false)).containsExactly("Removed RUNNING row of m_" + M1);
		assertThat(ids(runner().applyAll())).containsExactly("m_" + M2);
		assertThat(runner().validate()).isEmpty();
	}

	/**
	 * Assert that the row of {@link #M1}, which no source defines, keeps its recorded
	 * state in status and validate, and stops apply and rollback before they change
	 * anything.
	 */
	private void assertSourceIsGoneAndBlocks(MigrationState state) {
		List<MigrationStatus> status = runner().status();
		assertThat(stateById(status)).containsExactly(Map.entry("m_" + M1, state),
				Map.entry("m_" + M2, MigrationState.PENDING));
		assertThat(status.get(0).source()).isNull();
		assertThat(status.get(0).checksum()).isNull();
		assertThat(status.get(0).batch()).isEqualTo(1);
		assertThat(runner().validate()).singleElement().satisfies((problem) -> {
			assertThat(problem.id()).hasToString("m_" + M1);
			assertThat(problem.state()).isEqualTo(state);
			assertThat(problem.message()).contains("no source defines it");
			assertThat(problem.remedy().kind()).isEqualTo(Remedy.Kind.REPAIR_THEN_RETRY);
			assertThat(problem.action()).contains("run repair (runner.repair())");
		});
		List<LedgerEntry> before = readLedger();
		assertThatExceptionOfType(MigrationValidationException.class).isThrownBy(() -> runner().applyAll())
			.withMessageContaining("m_" + M1)
			.withMessageContaining(state.name())
			.withMessageContaining("run repair");
		assertThatExceptionOfType(MigrationValidationException.class).isThrownBy(() -> runner().pretend().applyAll())
			.withMessageContaining("m_" + M1);
		assertThatExceptionOfType(MigrationValidationException.class).isThrownBy(() -> runner().rollback())
			.withMessageContaining("m_" + M1);
		assertThat(tables()).containsExactly("migrations_ledger");
		assertThat(readLedger()).isEqualTo(before);
	}

	@Test
	void ddlTransactionalityMatchesTheDialect() throws Exception {
		boolean expected = switch (this.database.kind()) {
			case POSTGRESQL, SQLITE -> true;
			case MARIADB, H2 -> false;
		};
		try (Connection connection = this.database.dataSource().getConnection()) {
			Dialect dialect = Dialects.detect(connection);
			connection.setAutoCommit(false);
			try (Statement statement = connection.createStatement()) {
				statement.execute("CREATE TABLE probe (id INT)");
			}
			connection.rollback();
			connection.setAutoCommit(true);
			boolean rolledBack = !tables().contains("probe");
			assertThat(rolledBack).isEqualTo(expected);
			assertThat(dialect.transactionalDdl()).isEqualTo(rolledBack);
			assertThat(dialect.name()).isEqualTo(this.database.kind().displayName());
		}
	}

	@Test
	void aFailingStatementInTheThirdOfFiveMigrations() {
		createTableMigration(M1, "alpha");
		createTableMigration(M2, "beta");
		write(M3 + ".sql", "CREATE TABLE gamma (id INT PRIMARY KEY);\nINSERT INTO no_such_table (id) VALUES (1);\n");
		createTableMigration(M4, "delta");
		createTableMigration(M5, "epsilon");
		assertThatExceptionOfType(MigrationExecutionException.class).isThrownBy(() -> runner().applyAll())
			.withMessageContaining("m_" + M3)
			.withMessageContaining("statement 2 of 2 (line 2)")
			.withMessageContaining(M3 + ".sql")
			.withMessageContaining("INSERT INTO no_such_table")
			.withMessageContaining("Database error")
			.withMessageContaining("Next step")
			.withMessageContaining("Before it, this run applied and committed m_" + M1 + " and m_" + M2 + ".")
			.satisfies((ex) -> assertThat(ex.getStatementNumber()).isEqualTo(2));
		Map<String, MigrationState> states = stateById(runner().status());
		assertThat(states).containsEntry("m_" + M1, MigrationState.APPLIED)
			.containsEntry("m_" + M2, MigrationState.APPLIED)
			.containsEntry("m_" + M4, MigrationState.PENDING)
			.containsEntry("m_" + M5, MigrationState.PENDING);
		switch (this.database.kind()) {
			case POSTGRESQL, SQLITE -> {
				assertThat(states).containsEntry("m_" + M3, MigrationState.PENDING);
				assertThat(tables()).containsExactlyInAnyOrder("alpha", "beta", "migrations_ledger");
				assertThat(readLedger()).extracting(LedgerEntry::id).containsExactly("m_" + M1, "m_" + M2);
			}
			case MARIADB, H2 -> {
				assertThat(states).containsEntry("m_" + M3, MigrationState.FAILED);
				assertThatExceptionOfType(MigrationValidationException.class).isThrownBy(() -> runner().applyAll())
					.withMessageContaining("m_" + M3)
					.withMessageContaining("statement 2 of 2")
					.withMessageContaining("Next step")
					.withMessageContaining("run repair");
				assertThat(tables()).doesNotContain("delta", "epsilon");
			}
		}
	}

	@Test
	void aFailingRollbackNamesTheDownFileAndItsLine() {
		createReversibleMigration(M1, "alpha");
		runner().applyAll();
		write(M2 + ".up.sql", "CREATE TABLE beta (id INT PRIMARY KEY)");
		write(M2 + ".down.sql", "DROP TABLE beta;\nDROP TABLE no_such_table;\n");
		runner().applyAll();
		String downFile = "filesystem:" + this.directory + "/" + M2 + ".down.sql";
		assertThatExceptionOfType(MigrationExecutionException.class).isThrownBy(() -> runner().rollback())
			.withMessageContaining("m_" + M2)
			.withMessageContaining("while rolling back at statement 2 of 2 (line 2) of " + downFile)
			.withMessageContaining("DROP TABLE no_such_table");
		write(M2 + ".down.sql", "DROP TABLE beta");
		runner().repair(false);
		runner().applyAll();
		assertThat(runner().rollback().migrations()).singleElement()
			.satisfies((migration) -> assertThat(migration.source()).isEqualTo(downFile));
	}

	@Test
	void transactionModeAllAppliesTheWholeRunOrNothing() {
		createTableMigration(M1, "alpha");
		createTableMigration(M2, "beta");
		write(M3 + ".sql", "INSERT INTO no_such_table (id) VALUES (1)");
		MigrationRunner runner = runner((builder) -> builder.transactionMode(TransactionMode.ALL));
		switch (this.database.kind()) {
			case POSTGRESQL,
					SQLITE ->
				assertThatExceptionOfType(MigrationExecutionException.class).isThrownBy(runner::applyAll)
					.withMessageContaining("whole run was rolled back")
					.withMessageNotContaining("Before it, this run applied");
			case MARIADB, H2 -> assertThatExceptionOfType(MigrationException.class).isThrownBy(runner::applyAll)
				.withMessageContaining("needs transactional DDL");
		}
		assertThat(tables()).containsExactly("migrations_ledger");
		assertThat(readLedger()).isEmpty();
	}

	@Test
	void refusesOutOfOrderMigrationsWhenAskedTo() {
		createTableMigration(M1, "alpha");
		createTableMigration(M3, "gamma");
		runner().applyAll();
		createTableMigration(M2, "beta");
		assertThatExceptionOfType(MigrationValidationException.class)
			.isThrownBy(() -> runner((builder) -> builder.outOfOrder(OutOfOrder.FAIL)).applyAll())
			.withMessageContaining("m_" + M2)
			.withMessageContaining("older than the newest applied migration m_" + M3);
		MigrationResult result = runner().applyAll();
		assertThat(result.migrations()).singleElement().satisfies((migration) -> {
			assertThat(migration.id()).hasToString("m_" + M2);
			assertThat(migration.outOfOrder()).isTrue();
		});
	}

	@Test
	void pretendReturnsTheSqlAndChangesNothing() {
		createReversibleMigration(M1, "alpha");
		write(M2 + ".up.sql", "CREATE TABLE beta (id INT PRIMARY KEY);\n-- seed\nINSERT INTO beta (id) VALUES (1);");
		write(M2 + ".down.sql", "DROP TABLE beta");
		List<PlannedMigration> plan = runner().pretend().applyAll();
		assertThat(plan).extracting((planned) -> planned.id().toString()).containsExactly("m_" + M1, "m_" + M2);
		assertThat(plan.get(1).statements()).containsExactly("CREATE TABLE beta (id INT PRIMARY KEY)",
				"INSERT INTO beta (id) VALUES (1)");
		assertThat(tables()).isEmpty();
		runner().applyAll();
		assertThat(plan.get(1).source()).isEqualTo("filesystem:" + this.directory + "/" + M2 + ".up.sql");
		List<PlannedMigration> rollback = runner().pretend().rollback();
		assertThat(rollback).extracting(PlannedMigration::direction).containsOnly(Direction.DOWN);
		assertThat(rollback.get(0).statements()).containsExactly("DROP TABLE beta");
		assertThat(rollback.get(0).source()).isEqualTo("filesystem:" + this.directory + "/" + M2 + ".down.sql");
		assertThat(tables()).containsExactlyInAnyOrder("alpha", "beta", "migrations_ledger");
	}

	@Test
	void pretendRendersTheUpPlanOfAMigrationWhateverItsState() {
		createReversibleMigration(M1, "alpha");
		write(M2 + ".up.sql", "CREATE TABLE beta (id INT PRIMARY KEY);\nINSERT INTO beta (id) VALUES (1);");
		runner().applyAll(1);
		MigrationRunner runner = runner();
		List<PlannedMigration> plans = runner.descriptors().stream().map(runner.pretend()::up).toList();
		assertThat(plans).extracting((planned) -> planned.id().toString()).containsExactly("m_" + M1, "m_" + M2);
		assertThat(plans).extracting(PlannedMigration::direction).containsOnly(Direction.UP);
		assertThat(plans.get(0).statements()).containsExactly("CREATE TABLE alpha (id INT PRIMARY KEY)");
		assertThat(plans.get(1).statements()).containsExactly("CREATE TABLE beta (id INT PRIMARY KEY)",
				"INSERT INTO beta (id) VALUES (1)");
		assertThat(tables()).containsExactlyInAnyOrder("alpha", "migrations_ledger");
	}

	@Test
	void readsTheLedgerOncePerRun() {
		for (String id : List.of(M1, M2, M3, M4, M5)) {
			createTableMigration(id, id.substring(22));
		}
		CountingLedger ledger = new CountingLedger(
				new SqlMigrationLedger(this.database.dataSource(), LedgerTable.DEFAULT_NAME));
		MigrationRunner runner = runner((builder) -> builder.ledger(ledger));
		assertThat(runner.applyAll().migrations()).hasSize(5);
		assertThat(ledger.reads).isEqualTo(1);
	}

	@Test
	void ledgerWritesEachRowOnTheConnectionItIsGiven() throws SQLException {
		SqlMigrationLedger ledger = new SqlMigrationLedger(this.database.dataSource(), LedgerTable.DEFAULT_NAME);
		try (Connection first = this.database.dataSource().getConnection();
				Connection second = this.database.dataSource().getConnection()) {
			ledger.ensureInitialized(first);
			first.setAutoCommit(false);
			ledger.logApplied(first, appliedRow(M1));
			first.rollback();
			first.setAutoCommit(true);
			second.setAutoCommit(false);
			ledger.logApplied(second, appliedRow(M2));
			ledger.markApplied(second, "m_" + M2, 1);
			second.rollback();
			second.setAutoCommit(true);
			ledger.logApplied(first, appliedRow(M3));
			ledger.logApplied(second, appliedRow(M4));
		}
		try (Connection third = this.database.dataSource().getConnection()) {
			ledger.logApplied(third, appliedRow(M5));
		}
		assertThat(readLedger()).extracting(LedgerEntry::id).containsExactly("m_" + M3, "m_" + M4, "m_" + M5);
	}

	@Test
	void storesTheTextOfAFileInTheConfiguredEncodingAsWrittenAndRefusesItAsUtf8() throws IOException {
		Files.write(this.directory.resolve(M1 + "_create_words.sql"),
				"CREATE TABLE words (w VARCHAR(20));\nINSERT INTO words (w) VALUES ('caf\u00e9');\n"
					.getBytes(StandardCharsets.ISO_8859_1));
		assertThatExceptionOfType(MigrationDefinitionException.class).isThrownBy(() -> runner())
			.withMessageContaining("is not valid UTF-8 text");
		assertThat(runner((builder) -> builder.encoding(StandardCharsets.ISO_8859_1)).applyAll().migrations())
			.hasSize(1);
		assertThat(this.database.queryForLong("SELECT COUNT(*) FROM words WHERE w = 'caf\u00e9'")).isEqualTo(1);
	}

	@Test
	void validateReportsADownFileARollbackCouldNotRead() {
		write(M1 + "_create_alpha.up.sql", "CREATE TABLE alpha (id INT);\n");
		write(M1 + "_create_alpha.down.sql", "DROP TABLE alpha;\nSELECT 'unterminated;\n");
		MigrationRunner runner = runner();
		assertThat(runner.validate()).singleElement().satisfies((problem) -> {
			assertThat(problem.id().toString()).isEqualTo("m_" + M1 + "_create_alpha");
			assertThat(problem.state()).isEqualTo(MigrationState.PENDING);
			assertThat(problem.remedy().kind()).isEqualTo(Remedy.Kind.CORRECT_MIGRATION);
			assertThat(problem.action()).contains(M1 + "_create_alpha.down.sql");
		});
		assertThat(runner.applyAll().migrations()).hasSize(1);
		assertThat(runner.validate()).singleElement()
			.satisfies((problem) -> assertThat(problem.state()).isEqualTo(MigrationState.APPLIED));
	}

	@Test
	void aLedgerWriteThatChangesNoRowIsAnErrorNeverIgnored() throws SQLException {
		SqlMigrationLedger ledger = new SqlMigrationLedger(this.database.dataSource(), LedgerTable.DEFAULT_NAME);
		try (Connection connection = this.database.dataSource().getConnection()) {
			ledger.ensureInitialized(connection);
			assertThatExceptionOfType(MigrationException.class)
				.isThrownBy(() -> ledger.markApplied(connection, "m_" + M1, 1))
				.withMessageContaining("Could not mark m_" + M1 + " APPLIED in the migration ledger")
				.withMessageContaining("0 rows changed where one was expected");
			assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> ledger.remove(connection, "m_" + M1))
				.withMessageContaining("0 rows changed");
		}
	}

	@Test
	void aConditionalLedgerWriteWritesTheRowOnlyWhenItsConditionHolds() throws SQLException {
		SqlMigrationLedger ledger = new SqlMigrationLedger(this.database.dataSource(), LedgerTable.DEFAULT_NAME);
		MigrationLedger checkedApart = (MigrationLedger) Proxy.newProxyInstance(MigrationLedger.class.getClassLoader(),
				new Class<?>[] { MigrationLedger.class }, (proxy, method, arguments) -> method.isDefault()
						? InvocationHandler.invokeDefault(proxy, method, arguments) : method.invoke(ledger, arguments));
		try (Connection connection = this.database.dataSource().getConnection()) {
			ledger.ensureInitialized(connection);
			for (MigrationLedger each : List.of(ledger, checkedApart)) {
				String suffix = (each == ledger) ? "" : "_apart";
				assertThat(each.logAppliedIf(connection, appliedRow(M1 + suffix), condition(0))).isFalse();
				assertThat(each.logAppliedIf(connection, appliedRow(M2 + suffix), condition(1))).isTrue();
			}
			assertThat(ledger.readApplied(connection)).extracting(LedgerEntry::id)
				.containsExactly("m_" + M2, "m_" + M2 + "_apart");
		}
	}

	private static WriteCondition condition(int value) {
		return new WriteCondition() {

			@Override
			public String sql() {
				return "? = 1";
			}

			@Override
			public void bind(PreparedStatement statement, int firstIndex) throws SQLException {
				statement.setInt(firstIndex, value);
			}

		};
	}

	@Test
	void aLedgerCreatedBeforeTheLockOwnerColumnIsReadAndThenUpgradedByTheNextRun() {
		createTableMigration(M1, "alpha");
		createTableMigration(M2, "beta");
		runner().applyAll();
		String ledger = runner().dialect().qualify(new LedgerTable(null, LedgerTable.DEFAULT_NAME));
		this.database.execute("ALTER TABLE " + ledger + " DROP COLUMN " + runner().dialect().quote("lock_owner"),
				"DELETE FROM " + ledger + " WHERE " + runner().dialect().quote("id") + " = 'm_" + M2 + "'",
				"DROP TABLE beta");
		assertThat(runner().status()).extracting(MigrationStatus::state)
			.containsExactly(MigrationState.APPLIED, MigrationState.PENDING);
		assertThat(runner().applyAll().migrations()).hasSize(1);
		assertThat(readLedger()).extracting(LedgerEntry::lockOwner)
			.satisfiesExactly((owner) -> assertThat(owner).isNull(), (owner) -> assertThat(owner).isNotBlank());
	}

	private static LedgerEntry appliedRow(String id) {
		return new LedgerEntry("m_" + id, null, 1, LedgerState.APPLIED, Instant.now(), 0, "test", null);
	}

	@Test
	void aDataSourceThatOpensOneConnectionAtATimeFailsNamingTheSecondConnection() {
		createTableMigration(M1, "alpha");
		DataSource oneAtATime = oneConnectionAtATime(this.database.dataSource());
		MigrationRunner runner = runner((builder) -> MigrationRunner.builder(oneAtATime)
			.locations("filesystem:" + this.directory)
			.lockTimeout(Duration.ofSeconds(30)));
		assertThatExceptionOfType(MigrationException.class).isThrownBy(runner::applyAll)
			.withMessageContaining("no connection is available")
			.withMessageContaining("a run needs two connections at once")
			.satisfies((ex) -> assertThat(ex.remedy().kind()).isEqualTo(Remedy.Kind.SECOND_CONNECTION));
		assertThat(tables()).doesNotContain("alpha");
	}

	/**
	 * A data source that refuses a second connection while one is open, as a connection
	 * pool of one does once its wait times out.
	 */
	private static DataSource oneConnectionAtATime(DataSource dataSource) {
		AtomicInteger open = new AtomicInteger();
		InvocationHandler dataSourceHandler = (proxy, method, arguments) -> {
			if (!method.getName().equals("getConnection")) {
				return invoke(method, dataSource, arguments);
			}
			if (open.get() > 0) {
				throw new SQLTransientConnectionException("no connection is available", "08001");
			}
			Connection connection = (Connection) invoke(method, dataSource, arguments);
			open.incrementAndGet();
			AtomicBoolean closed = new AtomicBoolean();
			return Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] { Connection.class },
					(connectionProxy, connectionMethod, connectionArguments) -> {
						if (connectionMethod.getName().equals("close") && closed.compareAndSet(false, true)) {
							open.decrementAndGet();
						}
						return invoke(connectionMethod, connection, connectionArguments);
					});
		};
		return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(),
				new Class<?>[] { DataSource.class }, dataSourceHandler);
	}

	private static Object invoke(Method method, Object target, Object[] arguments) throws Throwable {
		try {
			return method.invoke(target, arguments);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
	}

	@Test
	void refusesAnInvalidLedgerTableName() {
		createTableMigration(M1, "alpha");
		assertThatExceptionOfType(MigrationDefinitionException.class)
			.isThrownBy(() -> runner((builder) -> builder.table("x; drop table y")))
			.withMessageContaining("Invalid ledger table name 'x; drop table y'");
		assertThat(tables()).isEmpty();
	}

	@Test
	void aLedgerSchemaThatDoesNotExistFailsNamingTheSchemaAndTheNextStep() {
		createTableMigration(M1, "alpha");
		MigrationRunner runner = runner((builder) -> builder.table("no_such_schema", "migrations_ledger"));
		assertThatExceptionOfType(MigrationException.class).isThrownBy(runner::applyAll)
			.withMessageContaining(
					"The migration ledger no_such_schema.migrations_ledger belongs in schema no_such_schema, which "
							+ "does not exist. Nothing was changed.")
			.withMessageContaining("Next step: create schema no_such_schema (for example CREATE SCHEMA no_such_schema)")
			.withMessageContaining("or configure a ledger schema that exists")
			.satisfies((ex) -> assertThat(ex.remedy().kind()).isEqualTo(Remedy.Kind.CREATE_SCHEMA))
			.satisfies((ex) -> assertThat(ex.remedy().fact(Remedy.Fact.SCHEMA)).isEqualTo("no_such_schema"));
		assertThat(tables()).isEmpty();
	}

	@Test
	void aFailureInAnExistingLedgerSchemaIsNotBlamedOnTheSchema() {
		createTableMigration(M1, "alpha");
		write("20240102000000_broken.sql", "INSERT INTO no_such_table (id) VALUES (1);\n");
		String schema = existingSchema();
		MigrationRunner runner = runner((builder) -> builder.table(schema, "migrations_ledger"));
		assertThatExceptionOfType(MigrationExecutionException.class).isThrownBy(runner::applyAll)
			.withMessageContaining("m_20240102000000_broken");
	}

	@Test
	void keepsTheLedgerInAConfiguredTable() {
		createTableMigration(M1, "alpha");
		MigrationRunner runner = runner((builder) -> builder.table("schema_history"));
		runner.applyAll();
		assertThat(tables()).containsExactlyInAnyOrder("alpha", "schema_history");
		assertThat(runner.ledger().describe()).isEqualTo("schema_history");
	}

	@Test
	void takesTheLockAroundEveryRunAndReportsTheWait() {
		createTableMigration(M1, "alpha");
		List<Duration> waits = new ArrayList<>();
		runner((builder) -> builder.listener(new MigrationListener() {
			@Override
			public void lockAcquired(Duration waited) {
				waits.add(waited);
			}
		})).applyAll();
		assertThat(waits).hasSize(1);
	}

	@Test
	void aRunnerWaitingOnAHeldLockFailsAfterTheTimeoutNamingTheHolder() throws Exception {
		createTableMigration(M1, "alpha");
		MigrationLock lock = runner().dialect()
			.lock(this.database.dataSource(), new LedgerTable(null, LedgerTable.DEFAULT_NAME));
		try (LockHeldElsewhere held = LockHeldElsewhere.hold(lock)) {
			MigrationRunner waiting = runner((builder) -> builder.lockTimeout(Duration.ofMillis(700)));
			LockHolder current = waiting.lockHolder().orElseThrow();
			assertThat(current.identity()).isEqualTo(held.held().holder().identity());
			if (this.database.kind() == DatabaseKind.POSTGRESQL) {
				// PostgreSQL says when the session connected, not when it took the lock
				assertThat(current.since()).isNull();
				assertThat(current.owner())
					.matches("PostgreSQL backend \\d+ \\(user \\w+, client [^,]+, connected since "
							+ "\\d{4}-\\d\\d-\\d\\dT[^)]+Z\\)");
			}
			assertThatExceptionOfType(MigrationLockTimeoutException.class).isThrownBy(waiting::applyAll)
				.withMessageContaining("Timed out after 700 ms")
				.withMessageContaining("held by " + current.owner());
			assertThat(tables()).doesNotContain("alpha");
		}
		assertThat(runner().lockHolder()).isEmpty();
		assertThat(runner().applyAll().migrations()).hasSize(1);
	}

	@Test
	void repairAcceptsAnEditedMigrationOnlyWhenAsked() {
		createTableMigration(M1, "alpha");
		runner().applyAll();
		write(M1 + ".sql", "CREATE TABLE alpha (id INT PRIMARY KEY, name VARCHAR(20))");
		createTableMigration(M2, "beta");
		assertThatExceptionOfType(MigrationValidationException.class).isThrownBy(() -> runner().applyAll())
			.withMessageContaining("m_" + M1)
			.withMessageContaining(M1 + ".sql")
			.withMessageContaining("changed after it was applied")
			.withMessageContaining("runner.repair(RepairOption.ACCEPT_CHECKSUMS)")
			.satisfies((ex) -> assertThat(ex.getMessage()).containsOnlyOnce("Next step:"));
		assertThat(runner().validate()).singleElement().satisfies((problem) -> {
			assertThat(problem.state()).isEqualTo(MigrationState.CHECKSUM_MISMATCH);
			assertThat(problem.remedy().kind()).isEqualTo(Remedy.Kind.ACCEPT_CHECKSUMS);
			assertThat(problem.action()).contains("runner.repair(RepairOption.ACCEPT_CHECKSUMS)");
		});
		List<LedgerEntry> before = readLedger();
		assertThat(runner().repair(false)).isEmpty();
		assertThat(readLedger()).isEqualTo(before);
		assertThat(runner().repair(true)).singleElement().asString().startsWith("Accepted checksum");
		assertThat(stateById(runner().status())).containsEntry("m_" + M1, MigrationState.APPLIED);
		assertThat(ids(runner().applyAll())).containsExactly("m_" + M2);
		assertThat(runner().validate()).isEmpty();
	}

	@Test
	void repairClearsAFailedMigrationSoTheFixedOneApplies() {
		write(M1 + ".sql", "-- migrations: no-transaction\nINSERT INTO alpha (id) VALUES (1)");
		assertThatExceptionOfType(MigrationExecutionException.class).isThrownBy(() -> runner().applyAll());
		assertThat(runner().validate()).singleElement()
			.satisfies((problem) -> assertThat(problem.remedy().kind()).isEqualTo(Remedy.Kind.REPAIR_THEN_RETRY));
		write(M1 + ".sql", "CREATE TABLE alpha (id INT PRIMARY KEY)");
		assertThat(runner().repair(false)).containsExactly("Removed FAILED row of m_" + M1);
		assertThat(ids(runner().applyAll())).containsExactly("m_" + M1);
	}

	@Test
	void baselineAdoptsAnExistingSchemaWithoutReplayingIt() {
		this.database.execute("CREATE TABLE alpha (id INT PRIMARY KEY)", "CREATE TABLE beta (id INT PRIMARY KEY)");
		createTableMigration(M1, "alpha");
		createTableMigration(M2, "beta");
		createReversibleMigration(M3, "gamma");
		runner().baseline(MigrationId.parse(M2));
		assertThat(stateById(runner().status())).containsExactly(Map.entry("m_" + M1, MigrationState.BASELINE),
				Map.entry("m_" + M2, MigrationState.BASELINE), Map.entry("m_" + M3, MigrationState.PENDING));
		assertThat(ids(runner().applyAll())).containsExactly("m_" + M3);
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> runner().baseline(MigrationId.parse(M3)))
			.withMessageContaining("already has");
		assertThat(ids(runner().rollback())).containsExactly("m_" + M3);
		assertThat(runner().rollback().isEmpty()).isTrue();
		assertThat(tables()).containsExactlyInAnyOrder("alpha", "beta", "migrations_ledger");
	}

	@Test
	void baselineRefusesAnIdNoSourceDefines() {
		createTableMigration(M1, "alpha");
		createTableMigration(M2, "beta");
		createTableMigration(M4, "delta");
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> runner().baseline(MigrationId.parse(M3)))
			.withMessageContaining("no migration has this id")
			.withMessageContaining("Nothing was changed")
			.withMessageContaining("the newest migration before m_" + M3 + " is m_" + M2
					+ ": runner.baseline(MigrationId.parse(\"m_" + M2 + "\"))")
			.satisfies((ex) -> assertThat(ex.remedy().kind()).isEqualTo(Remedy.Kind.BASELINE))
			.satisfies((ex) -> assertThat(ex.remedy().fact(Remedy.Fact.NEWEST_BEFORE)).isEqualTo("m_" + M2));
		assertThat(states(runner().status())).containsOnly(MigrationState.PENDING);
		runner().baseline(MigrationId.parse(M2));
		assertThat(ids(runner().applyAll())).containsExactly("m_" + M4);
	}

	@Test
	void forgettingToBaselineAnExistingDatabaseNamesBaselineAsTheNextStep() {
		this.database.execute("CREATE TABLE alpha (id INT PRIMARY KEY)", "CREATE TABLE beta (id INT PRIMARY KEY)");
		createTableMigration(M1, "alpha");
		createTableMigration(M2, "beta");
		createTableMigration(M3, "gamma");
		assertThatExceptionOfType(MigrationExecutionException.class).isThrownBy(() -> runner().applyAll())
			.withMessageContaining("baseline the database at the newest migration it already has")
			.withMessageContaining("runner.baseline(id)")
			.satisfies((ex) -> assertThat(ex.remedy().kind()).isEqualTo(Remedy.Kind.BASELINE))
			.satisfies((ex) -> assertThat(ex.remedy().alternative()).isNotNull());
		if (!runner().validate().isEmpty()) {
			assertThatExceptionOfType(MigrationException.class)
				.isThrownBy(() -> runner().baseline(MigrationId.parse(M2)))
				.withMessageContaining("run repair (runner.repair()) to remove them, then baseline again")
				.satisfies((ex) -> assertThat(ex.remedy().kind()).isEqualTo(Remedy.Kind.BASELINE))
				.satisfies((ex) -> assertThat(ex.remedy().has(Remedy.Fact.FAILED_ROW)).isTrue());
			assertThat(runner().repair(false)).containsExactly("Removed FAILED row of m_" + M1);
		}
		runner().baseline(MigrationId.parse(M2));
		assertThat(ids(runner().applyAll())).containsExactly("m_" + M3);
	}

	@Test
	void aFailureOfAnotherKindOnAnEmptyLedgerDoesNotSuggestBaseline() {
		write(M1 + ".sql", "INSERT INTO missing_table (id) VALUES (1)");
		assertThatExceptionOfType(MigrationExecutionException.class).isThrownBy(() -> runner().applyAll())
			.withMessageNotContaining("baseline")
			.satisfies((ex) -> assertThat(ex.remedy().kind()).isNotEqualTo(Remedy.Kind.BASELINE));
	}

	@Test
	void aMigrationThatCreatesAnExistingTableAfterOthersWereAppliedDoesNotSuggestBaseline() {
		createTableMigration(M1, "alpha");
		runner().applyAll();
		this.database.execute("CREATE TABLE beta (id INT PRIMARY KEY)");
		createTableMigration(M2, "beta");
		assertThatExceptionOfType(MigrationExecutionException.class).isThrownBy(() -> runner().applyAll())
			.withMessageNotContaining("baseline");
	}

	/**
	 * The tables of the database, without the lease table of the lock, which only the
	 * databases without a session lock have.
	 */
	List<String> tables() {
		return this.database.tables().stream().filter((table) -> !table.endsWith("_lock")).toList();
	}

	/**
	 * The schema the test's connections work in: a database on MariaDB, {@code main} on
	 * SQLite.
	 */
	String existingSchema() {
		try (Connection connection = this.database.dataSource().getConnection()) {
			return switch (this.database.kind()) {
				case MARIADB -> connection.getCatalog();
				case SQLITE -> "main";
				default -> connection.getSchema();
			};
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	MigrationRunner runner() {
		return runner(Function.identity());
	}

	MigrationRunner runner(Function<MigrationRunner.Builder, MigrationRunner.Builder> customizer) {
		MigrationRunner.Builder builder = MigrationRunner.builder(this.database.dataSource())
			.locations("filesystem:" + this.directory)
			.lockTimeout(Duration.ofSeconds(30));
		return customizer.apply(builder).build();
	}

	void createTableMigration(String name, String table) {
		write(name + ".sql", "CREATE TABLE " + table + " (id INT PRIMARY KEY)");
	}

	void createReversibleMigration(String name, String table) {
		write(name + ".up.sql", "CREATE TABLE " + table + " (id INT PRIMARY KEY)");
		write(name + ".down.sql", "DROP TABLE " + table);
	}

	void write(String fileName, String content) {
		try {
			Files.writeString(this.directory.resolve(fileName), content);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	List<LedgerEntry> readLedger() {
		SqlMigrationLedger ledger = new SqlMigrationLedger(this.database.dataSource(), LedgerTable.DEFAULT_NAME);
		try (Connection connection = this.database.dataSource().getConnection()) {
			return ledger.readApplied(connection);
		}
		catch (java.sql.SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static List<String> ids(MigrationResult result) {
		return result.migrations().stream().map((migration) -> migration.id().toString()).toList();
	}

	static List<MigrationState> states(List<MigrationStatus> statuses) {
		return statuses.stream().map(MigrationStatus::state).toList();
	}

	static Map<String, MigrationState> stateById(List<MigrationStatus> statuses) {
		return statuses.stream()
			.collect(Collectors.toMap((status) -> status.id().toString(), MigrationStatus::state, (a, b) -> a,
					java.util.LinkedHashMap::new));
	}

	static Map<String, Integer> batchById(List<MigrationStatus> statuses) {
		return statuses.stream()
			.collect(Collectors.toMap((status) -> status.id().toString(), MigrationStatus::batch, (a, b) -> a,
					java.util.LinkedHashMap::new));
	}

	/**
	 * A ledger that counts how often it is read.
	 */
	static final class CountingLedger implements MigrationLedger {

		private final MigrationLedger delegate;

		int reads;

		CountingLedger(MigrationLedger delegate) {
			this.delegate = delegate;
		}

		@Override
		public void ensureInitialized(Connection connection) {
			this.delegate.ensureInitialized(connection);
		}

		@Override
		public boolean exists(Connection connection) {
			return this.delegate.exists(connection);
		}

		@Override
		public List<LedgerEntry> readApplied(Connection connection) {
			this.reads++;
			return this.delegate.readApplied(connection);
		}

		@Override
		public void logApplied(Connection connection, LedgerEntry entry) {
			this.delegate.logApplied(connection, entry);
		}

		@Override
		public void markRunning(Connection connection, String id, String lockOwner) {
			this.delegate.markRunning(connection, id, lockOwner);
		}

		@Override
		public void markApplied(Connection connection, String id, long executionMs) {
			this.delegate.markApplied(connection, id, executionMs);
		}

		@Override
		public void markFailed(Connection connection, String id, String error) {
			this.delegate.markFailed(connection, id, error);
		}

		@Override
		public void updateChecksum(Connection connection, String id, String checksum) {
			this.delegate.updateChecksum(connection, id, checksum);
		}

		@Override
		public void remove(Connection connection, String id) {
			this.delegate.remove(connection, id);
		}

		@Override
		public String describe() {
			return this.delegate.describe();
		}

	}

}
