package dev.migrations.conformance;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import dev.migrations.IrreversibleMigrationException;
import dev.migrations.Migration;
import dev.migrations.MigrationEntry;
import dev.migrations.MigrationException;
import dev.migrations.MigrationId;
import dev.migrations.MigrationResult;
import dev.migrations.MigrationState;
import dev.migrations.MigrationStatus;
import dev.migrations.PlannedMigration;
import dev.migrations.catalog.Catalog;
import dev.migrations.catalog.CatalogDiff;
import dev.migrations.command.MigrationCommandLine;
import dev.migrations.runner.MigrationRunner;
import dev.migrations.schema.Schema;
import dev.migrations.testing.TestDatabase;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A squash of the first 150 of 200 migrations (SQL files that create tables and indexes
 * and insert rows, a function and a trigger where the database has them, one schema
 * builder migration): a new database loads it instead of replaying them and ends with the
 * schema and rows of a database that replayed all 200; a database with history ignores
 * it; a database with part of the migrations it replaces is refused; a database loaded
 * from it cannot roll back into it.
 */
abstract class SquashConformanceTests extends FreshDatabaseTests {

	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

	private static final int SQUASHED = 150;

	private static final int BUILDER_MIGRATION = 140;

	private static final int TRIGGER_MIGRATION = 120;

	/**
	 * The rows the migrations insert into {@code log}: one for each multiple of ten but
	 * 120 (the trigger), 140 (the builder) and 170 (which fires the trigger).
	 */
	private static final int ROWS_INSERTED = 17;

	@Test
	void aNewDatabaseLoadsTheSquashAndEndsWithTheSchemaOfOneThatReplayedEveryMigration() throws Exception {
		writeMigrations(200);
		Catalog replayed;
		long replayedRows;
		try (TestDatabase history = TestDatabase.create(this.database.kind())) {
			runner(history.dataSource()).applyAll();
			replayed = runner(history.dataSource()).describeSchema();
			replayedRows = history.queryForLong("SELECT COUNT(*) FROM log");
		}
		Output written = command("migrate:squash", "--to", id(SQUASHED).toString());
		Path squash = squashFile();
		assertThat(written.exitCode()).as(written.err()).isZero();
		assertThat(written.out()).isEqualTo("Wrote " + squash + ": it replaces 150 migration(s), up to " + id(SQUASHED)
				+ ", on " + dialect() + ".\n");
		MigrationRunner runner = runner(this.database.dataSource());
		List<PlannedMigration> plan = runner.pretend().applyAll();
		assertThat(plan).hasSize(51);
		assertThat(plan.get(0).id()).isEqualTo(id(SQUASHED));
		assertThat(plan.get(0).source()).endsWith("/squash/" + squash.getFileName());
		assertThat(plan.get(1).id()).isEqualTo(id(SQUASHED + 1));
		Map<MigrationId, CatalogDiff> changes = runner.pretend().schemaChanges(1);
		assertThat(changes).containsOnlyKeys(id(SQUASHED));
		assertThat(changes.get(id(SQUASHED)).text()).contains("+ table " + name("log") + ":")
			.contains("+ table " + name("built") + ":")
			.contains("+ table " + name("t_150") + ":");
		MigrationResult result = runner.applyAll();
		assertThat(result.migrations()).hasSize(51);
		assertThat(result.migrations().get(0).source()).endsWith(squash.getFileName().toString());
		assertThat(runner.describeSchema()).isEqualTo(replayed);
		assertThat(this.database.queryForLong("SELECT COUNT(*) FROM log")).isEqualTo(replayedRows)
			.isEqualTo(ROWS_INSERTED + (hasTrigger() ? 1 : 0));
		assertThat(counts(runner.status()))
			.containsExactlyInAnyOrderEntriesOf(Map.of(MigrationState.SQUASHED, 150L, MigrationState.APPLIED, 50L));
		Output status = command("migrate:status");
		assertThat(status.out()).contains(id(1) + " ").contains("SQUASHED").contains("APPLIED");
		assertThat(command("migrate:status", "--json").out())
			.contains("\"id\":\"" + id(SQUASHED) + "\",\"name\":\"step_150\",\"state\":\"SQUASHED\"");
	}

	@Test
	void aDatabaseWithTheWholeHistoryIgnoresTheSquashAndAppliesOnlyWhatIsNew() throws Exception {
		writeMigrations(200);
		runner(this.database.dataSource()).applyAll();
		writeSquash();
		writeMigrations(205);
		MigrationRunner runner = runner(this.database.dataSource());
		assertThat(runner.pretend().applyAll()).extracting(PlannedMigration::id)
			.containsExactly(id(201), id(202), id(203), id(204), id(205));
		MigrationResult result = runner.applyAll();
		assertThat(result.migrations()).hasSize(5);
		assertThat(counts(runner.status())).containsExactlyEntriesOf(Map.of(MigrationState.APPLIED, 205L));
		MigrationResult rolledBack = runner.rollbackTo(id(SQUASHED - 2));
		assertThat(rolledBack.migrations()).hasSize(57);
		assertThat(this.database.tables()).doesNotContain("t_149");
	}

	@Test
	void aDatabaseWithPartOfTheSquashedMigrationsIsRefused() throws Exception {
		writeMigrations(200);
		runner(this.database.dataSource()).applyAll(100);
		writeSquash();
		MigrationRunner runner = runner(this.database.dataSource());
		assertThatExceptionOfType(MigrationException.class).isThrownBy(runner::applyAll)
			.withMessageContaining("Cannot apply: the squash ")
			.withMessageContaining(squashFile().getFileName().toString())
			.withMessageContaining("replaces 150 migrations up to " + id(SQUASHED)
					+ ", and this database has 100 of them but not the other 50 (" + id(101) + " to " + id(SQUASHED)
					+ ")")
			.withMessageContaining("Nothing was applied. To apply them one by one here, move the squash out");
		assertThat(counts(runner.status()))
			.containsExactlyInAnyOrderEntriesOf(Map.of(MigrationState.APPLIED, 100L, MigrationState.PENDING, 100L));
	}

	@Test
	void aDatabaseLoadedFromTheSquashRollsBackAboveItButNotIntoIt() throws Exception {
		writeMigrations(200);
		writeSquash();
		MigrationRunner runner = runner(this.database.dataSource());
		runner.applyAll();
		assertThat(runner.rollbackTo(id(SQUASHED)).migrations()).hasSize(50);
		assertThat(this.database.tables()).contains("t_150").doesNotContain("t_151");
		assertThatExceptionOfType(IrreversibleMigrationException.class).isThrownBy(runner::rollback)
			.withMessageStartingWith("Cannot roll back; nothing was changed:\n - 150 of the migrations in range ("
					+ id(1) + " to " + id(SQUASHED) + ") were loaded from the squash ")
			.withMessageContaining(squashFile().getFileName().toString())
			.withMessageContaining("Roll back no further than " + id(SQUASHED));
		assertThatExceptionOfType(IrreversibleMigrationException.class).isThrownBy(() -> runner.rollbackTo(id(100)))
			.withMessageContaining("50 of the migrations in range (" + id(101) + " to " + id(SQUASHED) + ")");
		assertThat(counts(runner.status()))
			.containsExactlyInAnyOrderEntriesOf(Map.of(MigrationState.SQUASHED, 150L, MigrationState.PENDING, 50L));
		assertThat(runner.applyAll().migrations()).hasSize(50);
	}

	@Test
	void aSquashOfAnEditedMigrationIsNotLoaded() throws Exception {
		writeMigrations(200);
		writeSquash();
		Files.writeString(this.directory.resolve(id(7) + ".up.sql"),
				"CREATE TABLE t_7 (id INT PRIMARY KEY, name VARCHAR(60));\n");
		assertThatExceptionOfType(MigrationException.class).isThrownBy(runner(this.database.dataSource())::applyAll)
			.withMessageContaining(id(7) + " (filesystem:")
			.withMessageContaining("changed after the squash was written")
			.withMessageContaining("migrate:squash --to " + id(SQUASHED));
		assertThat(this.database.tables()).doesNotContain("t_1");
	}

	/**
	 * Return the statements of a migration that creates a trigger on {@code t_120} which
	 * inserts a row into {@code log} for each row inserted there, with the function it
	 * calls where the database needs one; {@code null} where the database has no SQL
	 * triggers.
	 */
	abstract @Nullable String trigger();

	/**
	 * Return the name of the database's dialect.
	 */
	abstract String dialect();

	/**
	 * Return a name as this database stores an unquoted one.
	 */
	String name(String name) {
		return name;
	}

	private boolean hasTrigger() {
		return trigger() != null;
	}

	private MigrationRunner runner(DataSource dataSource) {
		return MigrationRunner.builder(dataSource)
			.locations("filesystem:" + this.directory)
			.entries(MigrationEntry.of(id(BUILDER_MIGRATION), new BuiltTable()))
			.build();
	}

	private void writeSquash() throws Exception {
		Path file = squashFile();
		Files.createDirectories(file.getParent());
		Files.writeString(file, runner(this.database.dataSource()).pretend().squash(id(SQUASHED)));
	}

	private Path squashFile() {
		return this.directory.resolve("squash").resolve(id(SQUASHED) + "." + dialect() + ".squash.sql");
	}

	/**
	 * Write migrations 1 to {@code count}, those already there written again the same.
	 */
	private void writeMigrations(int count) throws Exception {
		for (int i = 1; i <= count; i++) {
			if (i == BUILDER_MIGRATION) {
				continue;
			}
			String up;
			String down;
			if (i == 1) {
				up = "CREATE TABLE log (id INT PRIMARY KEY, note VARCHAR(50));\n";
				down = "DROP TABLE log;\n";
			}
			else if (i == TRIGGER_MIGRATION) {
				up = "CREATE TABLE t_120 (id INT PRIMARY KEY, name VARCHAR(50));\n" + (hasTrigger() ? trigger() : "");
				down = "DROP TABLE t_120;\n";
			}
			else if (i == 170) {
				up = "INSERT INTO t_120 (id, name) VALUES (1, 'fires the trigger');\n";
				down = "DELETE FROM t_120;\nDELETE FROM log WHERE id = 1001;\n";
			}
			else {
				up = "CREATE TABLE t_" + i + " (id INT PRIMARY KEY, name VARCHAR(50));\n"
						+ ((i % 5 == 0) ? "CREATE INDEX t_" + i + "_name ON t_" + i + " (name);\n" : "")
						+ ((i % 10 == 0) ? "INSERT INTO log (id, note) VALUES (" + i + ", 'step " + i + "');\n" : "");
				down = ((i % 10 == 0) ? "DELETE FROM log WHERE id = " + i + ";\n" : "") + "DROP TABLE t_" + i + ";\n";
			}
			Files.writeString(this.directory.resolve(id(i) + ".up.sql"), up);
			Files.writeString(this.directory.resolve(id(i) + ".down.sql"), down);
		}
	}

	private static MigrationId id(int step) {
		String timestamp = TIMESTAMP.format(LocalDateTime.of(2024, 1, 1, 0, 0).plusMinutes(step));
		return MigrationId.parse("m_" + timestamp + "_step_" + step);
	}

	private static Map<MigrationState, Long> counts(List<MigrationStatus> statuses) {
		return statuses.stream().collect(Collectors.groupingBy(MigrationStatus::state, Collectors.counting()));
	}

	private Output command(String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		Function<dev.migrations.MigrationListener, MigrationRunner> runners = (listener) -> runner(
				this.database.dataSource());
		int exitCode = new MigrationCommandLine(runners, List.of("filesystem:" + this.directory),
				new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
				false, List.of())
			.run(List.of(args));
		return new Output(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	private record Output(int exitCode, String out, String err) {
	}

	/**
	 * Migration 140, written with the schema builder.
	 */
	private static final class BuiltTable implements Migration {

		@Override
		public void up(Schema schema) {
			schema.create("built", (table) -> {
				table.id();
				table.string("title", 50);
				table.index("title");
			});
		}

	}

}
