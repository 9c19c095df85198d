package dev.migrations.conformance;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.migrations.runner.MigrationRunner;
import dev.migrations.testing.LoggedEvents;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the database reports about a statement that succeeded is logged, naming the
 * migration, its file and the statement's line: a warning (a deprecated syntax) at WARN,
 * a notice (a table to drop that does not exist) at INFO, each once.
 */
abstract class ServerWarningsConformanceTests extends FreshDatabaseTests {

	private static final String MIGRATION = "20240101000000_create_notes";

	@Test
	void aWarningIsLoggedAtWarnWithTheMigrationTheLineAndTheDatabasesCodes() throws IOException {
		String file = MIGRATION + ".up.sql";
		Files.writeString(this.directory.resolve(file), """
				CREATE TABLE notes (id INT PRIMARY KEY);
				INSERT INTO notes (id) VALUES (1);

				%s;
				CREATE TABLE tags (id INT PRIMARY KEY);
				""".formatted(warningStatement()));
		List<ILoggingEvent> events = logged(() -> runner().applyAll());
		assertThat(events).filteredOn((event) -> event.getLevel() == Level.WARN)
			.extracting(ILoggingEvent::getFormattedMessage)
			.singleElement()
			.satisfies((message) -> assertThat(message).contains("m_" + MIGRATION)
				.contains(file)
				.contains("statement 3 of 4, line 4")
				.contains("database warning: " + warningMessage())
				.contains(warningCodes()));
		assertThat(this.database.tables()).contains("notes", "tags");
	}

	@Test
	void aNoticeIsLoggedAtInfo() throws IOException {
		String file = MIGRATION + ".up.sql";
		Files.writeString(this.directory.resolve(file), """
				DROP TABLE IF EXISTS nothing_here;
				CREATE TABLE notes (id INT PRIMARY KEY);
				""");
		List<ILoggingEvent> events = logged(() -> runner().applyAll());
		assertThat(events).filteredOn((event) -> event.getLevel().isGreaterOrEqual(Level.WARN)).isEmpty();
		assertThat(events).filteredOn((event) -> event.getLevel() == Level.INFO)
			.extracting(ILoggingEvent::getFormattedMessage)
			.filteredOn((message) -> message.contains("database notice"))
			.singleElement()
			.satisfies((message) -> assertThat(message).contains("m_" + MIGRATION)
				.contains(file)
				.contains("statement 1 of 2, line 1")
				.contains(noticeMessage())
				.contains(noticeCodes()));
	}

	/**
	 * A statement that succeeds with a warning, after a table {@code notes} with one row
	 * was created.
	 */
	abstract String warningStatement();

	abstract String warningMessage();

	abstract String warningCodes();

	/**
	 * The notice {@code DROP TABLE IF EXISTS nothing_here} gives.
	 */
	abstract String noticeMessage();

	abstract String noticeCodes();

	private MigrationRunner runner() {
		return MigrationRunner.builder(this.database.dataSource())
			.locations("filesystem:" + this.directory)
			.lockTimeout(Duration.ofSeconds(30))
			.build();
	}

	/**
	 * Run with the messages of the database's warnings captured.
	 */
	private static List<ILoggingEvent> logged(Runnable action) {
		return LoggedEvents.during("dev.migrations.runner.DatabaseWarnings", action);
	}

}
