package dev.migrations.conformance;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

import javax.sql.DataSource;

import dev.migrations.MigrationException;
import dev.migrations.MigrationResult;
import dev.migrations.MigrationState;
import dev.migrations.MigrationStatus;
import dev.migrations.catalog.Catalog;
import dev.migrations.command.MigrationCommandLine;
import dev.migrations.IrreversibleMigrationException;
import dev.migrations.runner.MigrationRunner;
import dev.migrations.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The resets of a development database: {@code reset} rolls back every batch,
 * {@code refresh} resets and applies again, {@code fresh} drops everything in the
 * ledger's schema and applies from zero, each leaving the schema a fresh apply builds;
 * without being forced none of them changes anything. On databases with schemas,
 * {@link SchemaResetConformanceTests} adds that {@code fresh} drops only the ledger's.
 */
abstract class ResetConformanceTests extends FreshDatabaseTests {

	private static final String AUTHORS = "m_20240101000000_create_authors";

	private static final String BOOKS = "m_20240102000000_create_books";

	private static final String OBJECTS = "m_20240103000000_create_objects";

	@Test
	void resetRollsBackEveryBatchNewestFirstAndLeavesAnEmptySchema() throws Exception {
		writeMigrations();
		MigrationRunner runner = appliedInThreeBatches();
		assertThat(runner.resets().resetPlan()).extracting((plan) -> plan.id().toString())
			.containsExactly(OBJECTS, BOOKS, AUTHORS);
		MigrationResult result = runner.resets().forced().reset();
		assertThat(result.migrations()).hasSize(3);
		assertThat(runner.describeSchema()).isEqualTo(freshApply(false)).matches(Catalog::isEmpty);
		assertThat(runner.status()).extracting(MigrationStatus::state).containsOnly(MigrationState.PENDING);
	}

	@Test
	void refreshRollsBackEveryBatchAndAppliesAgainInOneBatch() throws Exception {
		writeMigrations();
		MigrationRunner runner = appliedInThreeBatches();
		this.database.execute("INSERT INTO authors (id, name) VALUES (1, 'Ann')");
		MigrationResult result = runner.resets().forced().refresh();
		assertThat(result.migrations()).hasSize(3);
		assertThat(result.batch()).isEqualTo(1);
		assertThat(runner.describeSchema()).isEqualTo(freshApply(true));
		assertThat(this.database.queryForLong("SELECT COUNT(*) FROM authors")).isZero();
		assertThat(runner.status()).extracting(MigrationStatus::batch).containsOnly(1);
	}

	@Test
	void resetRefusesAMigrationThatCannotBeRolledBackAndChangesNothing() throws Exception {
		writeMigrations();
		Files.delete(this.directory.resolve(BOOKS + ".down.sql"));
		MigrationRunner runner = appliedInThreeBatches();
		Catalog before = runner.describeSchema();
		assertThatExceptionOfType(IrreversibleMigrationException.class)
			.isThrownBy(() -> runner.resets().forced().reset())
			.withMessageContaining(BOOKS);
		assertThat(runner.describeSchema()).isEqualTo(before);
		assertThat(runner.status()).extracting(MigrationStatus::state).containsOnly(MigrationState.APPLIED);
	}

	@Test
	void freshDropsEverythingInTheLedgersSchemaAndAppliesFromZero() throws Exception {
		writeMigrations();
		Files.delete(this.directory.resolve(BOOKS + ".down.sql"));
		MigrationRunner runner = appliedInThreeBatches();
		this.database.execute("INSERT INTO authors (id, name) VALUES (1, 'Ann')");
		this.database.execute(madeByHand().toArray(String[]::new));
		assertThat(runner.resets().freshPlan())
			.anySatisfy((drop) -> assertThat(drop).containsIgnoringCase("stray_notes"))
			.last()
			.satisfies((drop) -> assertThat(drop).containsIgnoringCase("migrations_ledger"));
		MigrationResult result = runner.resets().forced().fresh();
		assertThat(result.migrations()).hasSize(3);
		assertThat(result.batch()).isEqualTo(1);
		assertThat(runner.describeSchema()).isEqualTo(freshApply(true));
		assertThat(this.database.queryForLong("SELECT COUNT(*) FROM authors")).isZero();
		assertThat(runner.status()).extracting(MigrationStatus::batch).containsOnly(1);
	}

	@Test
	void unforcedResetsRefuseAndChangeNothing() throws Exception {
		writeMigrations();
		MigrationRunner runner = appliedInThreeBatches();
		this.database.execute("INSERT INTO authors (id, name) VALUES (1, 'Ann')");
		this.database.execute(madeByHand().toArray(String[]::new));
		Catalog before = runner.describeSchema();
		List<MigrationStatus> statuses = runner.status();
		assertThat(runner.resets().isForced()).isFalse();
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> runner.resets().reset())
			.withMessageContaining("migrate:reset rolls back every applied migration")
			.withMessageContaining("refuses to run unless forced, so nothing was changed");
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> runner.resets().refresh())
			.withMessageContaining("refuses to run unless forced");
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> runner.resets().fresh())
			.withMessageContaining("migrate:fresh drops every table, view, sequence, type and routine");
		for (String command : List.of("migrate:reset", "migrate:refresh", "migrate:fresh")) {
			Output output = command(command);
			assertThat(output.exitCode()).as(output.out()).isEqualTo(MigrationCommandLine.USAGE);
			assertThat(output.err()).startsWith("error: " + command + " ")
				.contains("runs only with --force; nothing was changed.");
		}
		assertThat(runner.describeSchema()).isEqualTo(before);
		assertThat(runner.status()).isEqualTo(statuses);
		assertThat(this.database.queryForLong("SELECT COUNT(*) FROM authors")).isEqualTo(1);
	}

	@Test
	void theCommandsPrintWhatTheyWillDoFirstAndRunWithForce() throws Exception {
		writeMigrations();
		MigrationRunner runner = appliedInThreeBatches();
		Output reset = command("migrate:reset", "--force");
		assertThat(reset.exitCode()).as(reset.err()).isZero();
		assertThat(reset.out())
			.startsWith("migrate:reset will roll back 3 migration(s), newest first:\n  " + OBJECTS + "\n  " + BOOKS
					+ "\n  " + AUTHORS + "\n")
			.endsWith("Rolled back 3 migration(s).\n");
		Output nothing = command("migrate:reset");
		assertThat(nothing.out()).startsWith("migrate:reset: nothing is applied, so nothing will be rolled back.");
		Output refresh = command("migrate:refresh", "--force");
		assertThat(refresh.exitCode()).as(refresh.err()).isZero();
		assertThat(refresh.out()).endsWith("Applied 3 migration(s) in batch 1.\n");
		this.database.execute(madeByHand().toArray(String[]::new));
		Output fresh = command("migrate:fresh", "--force");
		assertThat(fresh.exitCode()).as(fresh.err()).isZero();
		assertThat(fresh.out())
			.startsWith("migrate:fresh will drop everything in the ledger's schema, running:\n  DROP ")
			.containsPattern("(?mi)^  DROP TABLE IF EXISTS .*stray_notes.*;$")
			.endsWith("Applied 3 migration(s) in batch 1.\n");
		assertThat(runner.describeSchema()).isEqualTo(freshApply(true));
	}

	/**
	 * Statements that add to the migrated schema by hand: a table that references one of
	 * the migrations' and a view over it, named {@code stray_notes} and
	 * {@code stray_view}.
	 */
	List<String> madeByHand() {
		return List.of("CREATE TABLE stray_notes (id INTEGER PRIMARY KEY, author_id INTEGER REFERENCES authors (id))",
				"CREATE VIEW stray_view AS SELECT id FROM stray_notes");
	}

	/**
	 * The third migration: objects this database has of its own, up and down.
	 */
	abstract List<String> objectsMigration();

	MigrationRunner appliedInThreeBatches() {
		MigrationRunner runner = runner(this.database.dataSource());
		for (int batch = 0; batch < 3; batch++) {
			assertThat(runner.applyAll(1).migrations()).hasSize(1);
		}
		return runner;
	}

	/**
	 * Return the schema a new database of this kind holds after applying every migration,
	 * or none.
	 */
	Catalog freshApply(boolean apply) {
		try (TestDatabase fresh = TestDatabase.create(this.database.kind())) {
			MigrationRunner runner = runner(fresh.dataSource());
			if (apply) {
				runner.applyAll();
			}
			return runner.describeSchema();
		}
	}

	void writeMigrations() throws Exception {
		write(AUTHORS + ".up.sql", "CREATE TABLE authors (id INTEGER PRIMARY KEY, name VARCHAR(100) NOT NULL);\n"
				+ "CREATE INDEX authors_name ON authors (name);\n");
		write(AUTHORS + ".down.sql", "DROP TABLE authors;\n");
		write(BOOKS + ".up.sql", "CREATE TABLE books (id INTEGER PRIMARY KEY, author_id INTEGER NOT NULL "
				+ "REFERENCES authors (id), title VARCHAR(200));\nCREATE VIEW book_titles AS SELECT title FROM books;\n");
		write(BOOKS + ".down.sql", "DROP VIEW book_titles;\nDROP TABLE books;\n");
		List<String> objects = objectsMigration();
		write(OBJECTS + ".up.sql", objects.get(0));
		write(OBJECTS + ".down.sql", objects.get(1));
	}

	private void write(String name, String sql) throws Exception {
		Files.writeString(this.directory.resolve(name), sql);
	}

	private MigrationRunner runner(DataSource dataSource) {
		return MigrationRunner.builder(dataSource).locations("filesystem:" + this.directory).build();
	}

	private Output command(String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		MigrationCommandLine commandLine = new MigrationCommandLine((listener) -> runner(this.database.dataSource()),
				List.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8), false, List.of());
		int exitCode = commandLine.run(List.of(args));
		return new Output(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	private record Output(int exitCode, String out, String err) {
	}

}
