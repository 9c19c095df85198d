package dev.migrations.conformance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.migrations.PlannedMigration;
import dev.migrations.command.MigrationCommandLine;
import dev.migrations.runner.MigrationRunner;
import dev.migrations.testing.DatabaseClient;
import dev.migrations.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The text a dry run prints is a script the database's own command-line client runs: a
 * user can review it, then pipe it into {@code psql} or {@code mariadb}, and gets what
 * the runner would have applied, procedures, functions and triggers included.
 */
abstract class PretendScriptConformanceTests extends FreshDatabaseTests {

	private static final String ROUTINES = "20240101000000_create_accounts_with_routines";

	@Test
	void thePretendScriptRunsInTheDatabasesClientAndCreatesWhatApplyingCreates() throws IOException {
		Files.writeString(this.directory.resolve(ROUTINES + ".up.sql"), migrationWithRoutines());
		String script = pretend();
		assertThat(this.database.tables()).isEmpty();
		DatabaseClient.run(this.database, script);
		assertThat(this.database.tables()).containsExactlyInAnyOrder("accounts", "audit");
		assertThat(routines(this.database)).contains("credit PROCEDURE", "doubled FUNCTION");
		assertThat(triggers(this.database)).containsExactly("accounts_touch");
		assertThat(this.database.queryForLong("SELECT doubled(21)")).isEqualTo(42);
		try (TestDatabase applied = TestDatabase.create(this.database.kind())) {
			runner(applied).applyAll();
			assertThat(definitions(this.database)).isEqualTo(definitions(applied));
			assertThat(triggers(this.database)).isEqualTo(triggers(applied));
		}
	}

	@Test
	void everyFrontEndPrintsTheSameScript() throws IOException {
		Files.writeString(this.directory.resolve(ROUTINES + ".up.sql"), migrationWithRoutines());
		String commandLine = pretend();
		assertThat(commandLine).contains("-- changes the schema:");
		assertThat(withoutSchemaChanges(commandLine))
			.isEqualTo(PlannedMigration.script(runner(this.database).pretend().applyAll()));
	}

	/**
	 * Return a command-line dry run without the comment lines above each migration that
	 * tell the change it makes to the schema, which only the command line prints.
	 */
	private static String withoutSchemaChanges(String script) {
		return script.lines()
			.filter((line) -> !line.startsWith("-- changes the schema:") && !line.startsWith("--   ")
					&& !line.startsWith("-- changes no table"))
			.map((line) -> line + "\n")
			.collect(java.util.stream.Collectors.joining());
	}

	@Test
	void inTheReplayedScriptEachMigrationStartsFromTheSessionTheScriptStartedWith() throws IOException {
		Files.writeString(this.directory.resolve("20240101000000_change_the_session.up.sql"),
				migrationChangingTheSession());
		Files.writeString(this.directory.resolve("20240102000000_create_second.up.sql"),
				migrationNeedingTheSessionItStartedWith());
		String script = pretend();
		assertThat(script).contains("-- put the session back as a run does after each migration");
		DatabaseClient.run(this.database, script);
		assertThat(this.database.tables()).containsExactlyInAnyOrder("first", "second");
		try (TestDatabase applied = TestDatabase.create(this.database.kind())) {
			runner(applied).applyAll();
			assertThat(applied.tables()).contains("first", "second");
		}
	}

	/**
	 * A migration that creates table {@code first} and changes the session as a dump's
	 * header does.
	 */
	abstract String migrationChangingTheSession();

	/**
	 * A migration that creates table {@code second} and fails in the session
	 * {@link #migrationChangingTheSession()} leaves.
	 */
	abstract String migrationNeedingTheSessionItStartedWith();

	/**
	 * A migration that creates tables {@code accounts} and {@code audit}, a procedure
	 * {@code credit}, a function {@code doubled(int)} and a trigger
	 * {@code accounts_touch}, whose bodies hold semicolons, as this database's scripts
	 * write them.
	 */
	abstract String migrationWithRoutines();

	/**
	 * The SQL expression of the schema the routines are created in.
	 */
	abstract String currentSchema();

	private String pretend() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int exitCode = new MigrationCommandLine((listener) -> runner(this.database),
				List.of("filesystem:" + this.directory), new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8), false, List.of())
			.run(List.of("migrate", "--pretend"));
		assertThat(exitCode).as(err.toString(StandardCharsets.UTF_8)).isZero();
		return out.toString(StandardCharsets.UTF_8);
	}

	private MigrationRunner runner(TestDatabase database) {
		return MigrationRunner.builder(database.dataSource())
			.locations("filesystem:" + this.directory)
			.lockTimeout(Duration.ofSeconds(30))
			.build();
	}

	private List<String> routines(TestDatabase database) {
		return strings(database, "SELECT routine_name, routine_type FROM information_schema.routines WHERE "
				+ "routine_schema = " + currentSchema() + " ORDER BY routine_name");
	}

	private List<String> definitions(TestDatabase database) {
		return strings(database, "SELECT routine_name, routine_definition FROM information_schema.routines WHERE "
				+ "routine_schema = " + currentSchema() + " ORDER BY routine_name");
	}

	private List<String> triggers(TestDatabase database) {
		return strings(database, "SELECT DISTINCT trigger_name FROM information_schema.triggers WHERE "
				+ "trigger_schema = " + currentSchema() + " ORDER BY trigger_name");
	}

	private static List<String> strings(TestDatabase database, String query) {
		try (Connection connection = database.dataSource().getConnection();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(query)) {
			List<String> values = new ArrayList<>();
			int columns = rows.getMetaData().getColumnCount();
			while (rows.next()) {
				StringBuilder value = new StringBuilder(rows.getString(1));
				for (int column = 2; column <= columns; column++) {
					value.append(' ').append(rows.getString(column));
				}
				values.add(value.toString());
			}
			return values;
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
