package dev.migrations.conformance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import dev.migrations.LedgerTable;
import dev.migrations.ledger.LedgerEntry;
import dev.migrations.ledger.LedgerState;
import dev.migrations.ledger.SqlMigrationLedger;
import dev.migrations.process.RunnerProcess;
import dev.migrations.testing.DatabaseDisplayNames;
import dev.migrations.testing.OnDatabase;
import dev.migrations.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several runners in separate JVM processes starting together against one database, as
 * ten pods of one application do.
 */
@DisplayNameGeneration(DatabaseDisplayNames.class)
abstract class ConcurrentRunnersConformanceTests {

	private static final int RUNNERS = 10;

	private static final int MIGRATIONS = 50;

	@TempDir
	Path directory;

	TestDatabase database;

	/** Keeps an H2 auto-server database hosted by this JVM while the runners use it. */
	Connection host;

	@BeforeEach
	void createDatabase() throws Exception {
		this.database = TestDatabase.createShared(getClass().getAnnotation(OnDatabase.class).value());
		this.host = this.database.dataSource().getConnection();
	}

	@AfterEach
	void dropDatabase() throws Exception {
		if (this.host != null) {
			this.host.close();
		}
		if (this.database != null) {
			this.database.close();
		}
	}

	@Test
	void tenRunnerProcessesApplyFiftyMigrationsExactlyOnce() throws Exception {
		Path migrations = Files.createDirectories(this.directory.resolve("migrations"));
		for (int i = 1; i <= MIGRATIONS; i++) {
			Files.writeString(migrations.resolve(String.format("202401010000%02d_create_t%d.sql", i, i)),
					"CREATE TABLE t" + i + " (id INT PRIMARY KEY);\nINSERT INTO t" + i + " (id) VALUES (" + i + ");\n");
		}
		List<RunnerProcess> runners = new ArrayList<>();
		for (int i = 0; i < RUNNERS; i++) {
			runners.add(RunnerProcess.start(this.database.url(), "filesystem:" + migrations, 120,
					this.directory.resolve("runner-" + i + ".log")));
		}
		List<Integer> exitCodes = new ArrayList<>();
		for (RunnerProcess runner : runners) {
			exitCodes.add(runner.waitFor(180));
		}
		String outputs = RunnerProcess.outputs(runners);
		assertThat(exitCodes).as(outputs).containsOnly(0);
		List<String> lines = runners.stream().map((runner) -> runner.output().strip()).toList();
		assertThat(lines).as(outputs)
			.filteredOn((line) -> line.endsWith("applied " + MIGRATIONS + " in batch 1"))
			.hasSize(1);
		assertThat(lines).as(outputs).filteredOn((line) -> line.endsWith("applied 0 in batch 0")).hasSize(RUNNERS - 1);
		List<LedgerEntry> ledger = new SqlMigrationLedger(this.database.dataSource(), LedgerTable.DEFAULT_NAME)
			.readApplied(this.host);
		assertThat(ledger).hasSize(MIGRATIONS);
		assertThat(ledger).extracting(LedgerEntry::batch).containsOnly(1);
		assertThat(ledger).extracting(LedgerEntry::state).containsOnly(LedgerState.APPLIED);
		List<String> expectedTables = IntStream.rangeClosed(1, MIGRATIONS).mapToObj((i) -> "t" + i).toList();
		assertThat(this.database.tables()).containsAll(expectedTables);
		for (int i = 1; i <= MIGRATIONS; i++) {
			assertThat(this.database.queryForLong("SELECT COUNT(*) FROM t" + i)).isEqualTo(1);
		}
	}

}
