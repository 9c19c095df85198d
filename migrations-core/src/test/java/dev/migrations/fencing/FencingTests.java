package dev.migrations.fencing;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import dev.migrations.LedgerTable;
import dev.migrations.ledger.LedgerEntry;
import dev.migrations.ledger.LedgerState;
import dev.migrations.ledger.SqlMigrationLedger;
import dev.migrations.process.RunnerProcess;
import dev.migrations.runner.MigrationRunner;
import dev.migrations.testing.ProcessDatabaseTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runners in processes of their own that lose their lock, pause or break, and what the
 * database holds afterwards. The test's JVM keeps a connection open for the whole test,
 * so that it hosts an H2 auto-server database and no paused runner does.
 */
abstract class FencingTests extends ProcessDatabaseTests {

	Connection host;

	@BeforeEach
	void hostDatabase() throws Exception {
		this.host = this.database.dataSource().getConnection();
	}

	@AfterEach
	void closeHost() throws Exception {
		if (this.host != null) {
			this.host.close();
		}
	}

	/**
	 * Write {@code count} migrations {@code create_t1} to {@code create_tN}, each
	 * creating table {@code tN} with one row, one minute apart.
	 */
	void writeMigrations(int count) throws IOException {
		for (int i = 1; i <= count; i++) {
			Files.writeString(this.migrations.resolve(timestamp(i) + "_create_t" + i + ".sql"),
					"CREATE TABLE t" + i + " (id INT PRIMARY KEY);\nINSERT INTO t" + i + " (id) VALUES (" + i + ");\n");
		}
	}

	static String timestamp(int i) {
		return String.format("20240101%02d%02d00", i / 60, i % 60);
	}

	static String id(int i) {
		return "m_" + timestamp(i) + "_create_t" + i;
	}

	RunnerProcess start(String name, String... options) throws IOException {
		return RunnerProcess.start(this.database.url(), "filesystem:" + this.migrations, 60,
				this.directory.resolve(name + ".log"), options);
	}

	MigrationRunner runner(Duration lockTimeout) {
		return MigrationRunner.builder(this.database.dataSource())
			.locations("filesystem:" + this.migrations)
			.lockTimeout(lockTimeout)
			.build();
	}

	List<LedgerEntry> ledger() {
		return new SqlMigrationLedger(this.database.dataSource(), LedgerTable.DEFAULT_NAME).readApplied(this.host);
	}

	/**
	 * Assert that the ledger and the schema agree: migrations 1 to {@code count} each
	 * have one {@code APPLIED} row and their table with its one row, and nothing else is
	 * recorded.
	 */
	void assertLedgerMatchesSchema(int count) {
		Map<String, LedgerState> states = ledger().stream()
			.collect(Collectors.toMap(LedgerEntry::id, LedgerEntry::state, (a, b) -> a, TreeMap::new));
		Map<String, LedgerState> expected = new TreeMap<>();
		for (int i = 1; i <= count; i++) {
			expected.put(id(i), LedgerState.APPLIED);
		}
		assertThat(states).isEqualTo(expected);
		List<String> tables = this.database.tables();
		for (int i = 1; i <= count; i++) {
			assertThat(tables).contains("t" + i);
			assertThat(this.database.queryForLong("SELECT COUNT(*) FROM t" + i)).isEqualTo(1);
		}
		assertThat(tables).filteredOn((table) -> table.matches("t\\d+")).hasSize(count);
	}

}
