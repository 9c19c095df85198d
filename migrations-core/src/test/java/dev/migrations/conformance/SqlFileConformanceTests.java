package dev.migrations.conformance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import dev.migrations.MigrationDefinitionException;
import dev.migrations.MigrationExecutionException;
import dev.migrations.MigrationState;
import dev.migrations.MigrationStatus;
import dev.migrations.command.MigrationCommandLine;
import dev.migrations.runner.MigrationRunner;
import dev.migrations.testing.DatabaseKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * How SQL migration files are read, on every database: what a file holds reaches the
 * database as written, its header is found wherever the leading comments put it, and the
 * files of its locations are found once, or the run stops before anything runs.
 */
abstract class SqlFileConformanceTests extends FreshDatabaseTests {

	private static final String CREATE_NOTES = "20240101000000_create_notes";

	private static final String COPY_NOTES = "20240102000000_copy_notes";

	@Test
	void aCarriageReturnInsideAStringLiteralOfAFileWithWindowsLineEndingsIsStoredAsWritten() throws IOException {
		write(CREATE_NOTES + ".sql", "CREATE TABLE notes (id INT PRIMARY KEY, body VARCHAR(20));\r\n"
				+ "INSERT INTO notes (id, body) VALUES (1, 'a\r\nb');\r\nINSERT INTO notes (id, body) VALUES (2, 'c\nd');\r\n");
		assertThat(runner().applyAll().migrations()).hasSize(1);
		assertThat(this.database.queryForString("SELECT body FROM notes WHERE id = 1")).isEqualTo("a\r\nb");
		assertThat(this.database.queryForString("SELECT body FROM notes WHERE id = 2")).isEqualTo("c\nd");
	}

	@Test
	void aBlockCommentAboveTheNoTransactionHeaderLeavesTheFileOutsideATransaction() throws IOException {
		write(CREATE_NOTES + ".sql", "CREATE TABLE notes (id INT PRIMARY KEY)");
		write(COPY_NOTES + ".sql", """
				/*
				 * Copies notes one by one: the notes copied before a failure stay copied.
				 */
				-- migrations: no-transaction
				INSERT INTO notes (id) VALUES (1);
				INSERT INTO no_such_table (id) VALUES (1);
				""");
		assertThat(runner().status()).extracting(MigrationStatus::state)
			.containsExactly(MigrationState.PENDING, MigrationState.PENDING);
		assertThatExceptionOfType(MigrationExecutionException.class).isThrownBy(() -> runner().applyAll())
			.withMessageContaining("m_" + COPY_NOTES)
			.withMessageContaining("no_such_table");
		// Inside a transaction the first INSERT would have been rolled back with the
		// second, on every database
		assertThat(this.database.queryForLong("SELECT COUNT(*) FROM notes")).isEqualTo(1);
		assertThat(runner().status()).extracting(MigrationStatus::state)
			.containsExactly(MigrationState.APPLIED, MigrationState.FAILED);
	}

	@Test
	void aLinkToAMissingMigrationStopsApplyAndValidateBeforeAnythingRuns() throws IOException {
		write(CREATE_NOTES + ".sql", "CREATE TABLE notes (id INT PRIMARY KEY)");
		Path target = this.directory.resolve("archive").resolve(COPY_NOTES + ".sql");
		Path link = Files.createSymbolicLink(this.directory.resolve(COPY_NOTES + ".sql"), target);
		String problem = "Migration file " + link + " is a symbolic link to " + target + ", which does not exist";
		assertThatExceptionOfType(MigrationDefinitionException.class).isThrownBy(this::runner)
			.withMessageContaining(problem);
		CommandLine validate = commandLine("migrate:validate");
		assertThat(validate.exitCode).isEqualTo(MigrationCommandLine.FAILURE);
		assertThat(validate.err).contains("error: " + problem);
		CommandLine migrate = commandLine("migrate");
		assertThat(migrate.exitCode).isEqualTo(MigrationCommandLine.FAILURE);
		assertThat(migrate.err).contains("error: " + problem);
		assertThat(this.database.tables()).isEmpty();
	}

	@Test
	void aLocationListedTwiceAndSpelledTwoWaysAppliesEachMigrationOnce() throws IOException {
		write(CREATE_NOTES + ".sql", "CREATE TABLE notes (id INT PRIMARY KEY)");
		String relative = Path.of("").toAbsolutePath().relativize(this.directory).toString();
		MigrationRunner runner = runner(List.of("filesystem:" + this.directory, "filesystem:" + this.directory + "/",
				"filesystem:./" + relative));
		assertThat(runner.applyAll().migrations()).singleElement()
			.satisfies((migration) -> assertThat(migration.id().toString()).isEqualTo("m_" + CREATE_NOTES));
		assertThat(runner.validate()).isEmpty();
		assertThat(this.database.tables()).contains("notes");
	}

	@Test
	void aCopyFromStdinAppliesWithItsRowsOnPostgresqlAndIsRefusedNamingTheFileAndLineElsewhere() throws IOException {
		write(CREATE_NOTES + ".sql", "CREATE TABLE notes (id INT PRIMARY KEY, body VARCHAR(20));\n\n"
				+ "COPY notes (id, body) FROM stdin;\n1\tit's\n\\.\nINSERT INTO notes (id, body) VALUES (2, 'b');\n");
		if (this.database.kind() == DatabaseKind.POSTGRESQL) {
			assertThat(runner().applyAll().migrations()).hasSize(1);
			assertThat(this.database.queryForString("SELECT string_agg(body, ',' ORDER BY id) FROM notes"))
				.isEqualTo("it's,b");
			return;
		}
		assertThatExceptionOfType(MigrationDefinitionException.class).isThrownBy(this::runner)
			.withMessageContaining("m_" + CREATE_NOTES)
			.withMessageContaining(CREATE_NOTES + ".sql")
			.withMessageContaining("COPY ... FROM stdin at line 3")
			.withMessageContaining("runs only in a SQL migration on PostgreSQL");
		assertThat(this.database.tables()).isEmpty();
	}

	private MigrationRunner runner() {
		return runner(List.of("filesystem:" + this.directory));
	}

	private MigrationRunner runner(List<String> locations) {
		return MigrationRunner.builder(this.database.dataSource())
			.locations(locations)
			.lockTimeout(Duration.ofSeconds(30))
			.build();
	}

	private CommandLine commandLine(String command) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int exitCode = new MigrationCommandLine((listener) -> runner(), List.of("filesystem:" + this.directory),
				new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
				false, List.of())
			.run(List.of(command));
		return new CommandLine(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	private void write(String fileName, String content) throws IOException {
		Files.writeString(this.directory.resolve(fileName), content);
	}

	private record CommandLine(int exitCode, String out, String err) {
	}

}
