package dev.migrations.conformance;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.migrations.LedgerTable;
import dev.migrations.lock.MigrationLock;
import dev.migrations.runner.MigrationRunner;
import dev.migrations.testing.LockHeldElsewhere;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lines an operator reads in the log of a run: whom a run waits for, each migration
 * applied or rolled back with its time and source, and where an up-to-date database
 * stands.
 */
abstract class OperatorLogConformanceTests extends FreshDatabaseTests {

	private static final String M1 = "20240101000000_create_alpha";

	private static final String M2 = "20240102000000_create_beta";

	private final ListAppender<ILoggingEvent> events = new ListAppender<>();

	private final Logger logger = (Logger) LoggerFactory.getLogger("dev.migrations");

	private @Nullable Level level;

	@BeforeEach
	void captureLog() {
		this.level = this.logger.getLevel();
		this.logger.setLevel(Level.INFO);
		this.logger.setAdditive(false);
		this.events.start();
		this.logger.addAppender(this.events);
	}

	@AfterEach
	void stopCapturingLog() {
		this.logger.detachAppender(this.events);
		this.logger.setAdditive(true);
		this.logger.setLevel(this.level);
	}

	@Test
	void aRunnerWaitingForTheLockLogsWhoHoldsItUntilItTakesIt() throws Exception {
		write(M1 + ".sql", "CREATE TABLE alpha (id INT PRIMARY KEY)");
		MigrationLock lock = runner().dialect()
			.lock(this.database.dataSource(), new LedgerTable(null, LedgerTable.DEFAULT_NAME));
		LockHeldElsewhere held = LockHeldElsewhere.hold(lock);
		String holder = held.held().holder().owner();
		CompletableFuture<Void> release = CompletableFuture.runAsync(() -> {
			try {
				Thread.sleep(1500);
				held.close();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		});
		try {
			assertThat(runner().applyAll().migrations()).hasSize(1);
		}
		finally {
			release.get(60, TimeUnit.SECONDS);
		}
		List<String> lines = infoLines();
		assertThat(lines).filteredOn((line) -> line.startsWith("Waiting for the migration lock held by " + holder))
			.hasSizeGreaterThanOrEqualTo(1)
			.allSatisfy((line) -> assertThat(line).contains("giving up after 30.0 s"));
		assertThat(lines).anySatisfy((line) -> assertThat(line).startsWith("Took the migration lock (")
			.containsPattern("after waiting \\d+\\.\\d s$"));
		assertThat(lines).anySatisfy((line) -> assertThat(line).startsWith("Applied m_" + M1 + " ("));
	}

	@Test
	void aRunnerThatTakesTheLockAtOnceLogsNoWait() {
		write(M1 + ".sql", "CREATE TABLE alpha (id INT PRIMARY KEY)");
		runner().applyAll();
		assertThat(infoLines()).noneSatisfy((line) -> assertThat(line).contains("Waiting for the migration lock"))
			.noneSatisfy((line) -> assertThat(line).startsWith("Took the migration lock"));
	}

	@Test
	void logsEachAppliedMigrationWithItsTimeAndSourceAndTheSummary() {
		write(M1 + ".sql", "CREATE TABLE alpha (id INT PRIMARY KEY)");
		write(M2 + ".sql", "CREATE TABLE beta (id INT PRIMARY KEY)");
		runner().applyAll();
		List<String> lines = infoLines();
		assertThat(lines).filteredOn((line) -> line.startsWith("Applied m_"))
			.satisfiesExactly(
					(line) -> assertThat(line)
						.matches("Applied m_" + M1 + " \\(\\d+ ms\\) from filesystem:.*" + M1 + "\\.sql"),
					(line) -> assertThat(line)
						.matches("Applied m_" + M2 + " \\(\\d+ ms\\) from filesystem:.*" + M2 + "\\.sql"));
		assertThat(lines).contains("Applied 2 migration(s) in batch 1 to " + runner().ledger().describe());
	}

	@Test
	void logsEachRolledBackMigrationWithItsTimeAndDownSource() {
		write(M1 + ".up.sql", "CREATE TABLE alpha (id INT PRIMARY KEY)");
		write(M1 + ".down.sql", "DROP TABLE alpha");
		runner().applyAll();
		runner().rollback();
		assertThat(infoLines()).anySatisfy((line) -> assertThat(line)
			.matches("Rolled back m_" + M1 + " \\(\\d+ ms\\) from filesystem:.*" + M1 + "\\.down\\.sql"));
	}

	@Test
	void anUpToDateDatabaseSaysAtWhichMigrationItStands() {
		write(M1 + ".sql", "CREATE TABLE alpha (id INT PRIMARY KEY)");
		write(M2 + ".sql", "CREATE TABLE beta (id INT PRIMARY KEY)");
		runner().applyAll();
		this.events.list.clear();
		runner().applyAll();
		assertThat(infoLines()).contains(
				"Database is up to date at m_" + M2 + ": no pending migrations in " + runner().ledger().describe());
	}

	@Test
	void anUpToDateDatabaseWithAnEmptyLedgerSaysSo() {
		runner().applyAll();
		assertThat(infoLines()).contains("Database is up to date with an empty ledger: no pending migrations in "
				+ runner().ledger().describe());
	}

	List<String> infoLines() {
		return this.events.list.stream()
			.filter((event) -> event.getLevel() == Level.INFO)
			.map(ILoggingEvent::getFormattedMessage)
			.toList();
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

	void write(String fileName, String content) {
		try {
			Files.writeString(this.directory.resolve(fileName), content);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
