package dev.migrations.lock;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.migrations.LedgerTable;
import dev.migrations.dialect.Dialects;
import dev.migrations.testing.DatabaseKind;
import dev.migrations.testing.LockHeldElsewhere;
import dev.migrations.testing.TestDatabase;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a wait for the migration lock logs while it lasts, with the interval between its
 * lines shortened so that a wait of a second shows them.
 */
class LockWaitLogTests {

	private final ListAppender<ILoggingEvent> events = new ListAppender<>();

	private final Logger logger = (Logger) LoggerFactory.getLogger(MigrationLock.class);

	private @Nullable Level level;

	private TestDatabase database;

	@BeforeEach
	void setUp() {
		this.database = TestDatabase.create(DatabaseKind.H2);
		this.level = this.logger.getLevel();
		this.logger.setLevel(Level.INFO);
		this.logger.setAdditive(false);
		this.events.start();
		this.logger.addAppender(this.events);
	}

	@AfterEach
	void tearDown() {
		this.logger.detachAppender(this.events);
		this.logger.setAdditive(true);
		this.logger.setLevel(this.level);
		this.database.close();
	}

	@Test
	void aWaitIsLoggedAgainWithHowLongItLastedSoFarUntilTheLockIsTaken() throws Exception {
		MigrationLock holding = lock();
		AbstractConnectionLock waiting = (AbstractConnectionLock) lock();
		waiting.reportWaitsEvery(Duration.ofMillis(100));
		LockHeldElsewhere held = LockHeldElsewhere.hold(holding);
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
			waiting.withLock(Duration.ofSeconds(30), (lock) -> null);
		}
		finally {
			release.get(60, TimeUnit.SECONDS);
		}
		List<String> lines = this.events.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
		assertThat(lines.get(0)).startsWith("Waiting for the migration lock held by " + holder)
			.endsWith("; giving up after 30.0 s (lease in \"MIGRATIONS_LEDGER_LOCK\")");
		assertThat(lines.subList(1, lines.size() - 1)).isNotEmpty()
			.allSatisfy((line) -> assertThat(line).startsWith("Waiting for the migration lock held by " + holder)
				.containsPattern(", \\d+\\.\\d s so far; giving up after 30.0 s"));
		assertThat(lines.get(lines.size() - 1)).startsWith("Took the migration lock (lease in ")
			.containsPattern("after waiting \\d+\\.\\d s$");
	}

	@Test
	void aLockFreeAtOnceLogsNothing() {
		lock().withLock(Duration.ofSeconds(30), (lock) -> null);
		assertThat(this.events.list).isEmpty();
	}

	private MigrationLock lock() {
		return Dialects.detect(this.database.dataSource())
			.lock(this.database.dataSource(), new LedgerTable(null, LedgerTable.DEFAULT_NAME));
	}

}
