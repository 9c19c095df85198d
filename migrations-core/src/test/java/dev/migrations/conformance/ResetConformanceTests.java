package dev.migrations.conformance;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

	private static final Pattern CREATED = Pattern.compile("(?i)CREATE (?:MATERIALIZED VIEW|FOREIGN TABLE|TABLE|VIEW|"
			+ "SEQUENCE|TYPE|DOMAIN|FUNCTION|PROCEDURE|EVENT|ALIAS) (stray_\\w+)");

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
		for (String name : namesMadeByHand()) {
			assertThat(runner.resets().freshPlan()).as(name)
				.anySatisfy((drop) -> assertThat(drop).containsIgnoringCase(name));
		}
		MigrationResult result = runner.resets().forced().fresh();
		assertThat(result.migrations()).hasSize(3);
		assertThat(result.batch()).isEqualTo(1);
		assertThat(runner.describeSchema()).isEqualTo(freshApply(true));
		try (TestDatabase fresh = TestDatabase.create(this.database.kind())) {
			runner(fresh.dataSource()).applyAll();
			assertThat(inventory(this.database)).isEqualTo(inventory(fresh)).doesNotContainIgnoringCase("stray_");
		}
		assertThat(this.database.queryForLong("SELECT COUNT(*) FROM authors")).isZero();
		assertThat(runner.status()).extracting(MigrationStatus::batch).containsOnly(1);
	}

	@Test
	void freshDropsTablesThatReferenceEachOtherInACycleWithTheirRows() throws Exception {
		writeMigrations();
		DataSource enforcing = enforcingForeignKeys();
		MigrationRunner runner = runner(enforcing);
		runner.applyAll();
		try (Connection connection = enforcing.getConnection(); Statement statement = connection.createStatement()) {
			for (String sql : cycle()) {
				statement.execute(sql);
			}
		}
		assertThat(this.database.queryForLong("SELECT COUNT(*) FROM cycle_b")).isEqualTo(1);
		assertThat(runner.resets().forced().fresh().migrations()).hasSize(3);
		assertThat(this.database.tables()).doesNotContain("cycle_a", "cycle_b");
		assertThat(runner.describeSchema()).isEqualTo(freshApply(true));
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
		for (String name : namesMadeByHand()) {
			assertThat(fresh.out()).containsPattern("(?mi)^  DROP .*" + name + "\\W.*;$");
		}
		assertThat(runner.describeSchema()).isEqualTo(freshApply(true));
	}

	/**
	 * Statements that add to the migrated schema by hand: a table that references one of
	 * the migrations' and a view over it, named {@code stray_notes} and
	 * {@code stray_view}, and {@link #otherObjectsMadeByHand()}, which {@code fresh} must
	 * drop.
	 */
	List<String> madeByHand() {
		List<String> statements = new ArrayList<>(
				List.of("CREATE TABLE stray_notes (id INTEGER PRIMARY KEY, author_id INTEGER REFERENCES authors (id))",
						"CREATE VIEW stray_view AS SELECT id FROM stray_notes"));
		statements.addAll(otherObjectsMadeByHand());
		return statements;
	}

	/**
	 * Statements that make, by hand, one object of each other kind this database has in a
	 * schema, each named {@code stray_...}; none by default.
	 */
	List<String> otherObjectsMadeByHand() {
		return List.of();
	}

	/**
	 * Statements that make, by hand, two tables that reference each other
	 * ({@code cycle_a} and {@code cycle_b}), with a row in each that references the
	 * other.
	 */
	List<String> cycle() {
		return List.of("CREATE TABLE cycle_a (id INTEGER PRIMARY KEY, b_id INTEGER)",
				"CREATE TABLE cycle_b (id INTEGER PRIMARY KEY, a_id INTEGER REFERENCES cycle_a (id))",
				"ALTER TABLE cycle_a ADD CONSTRAINT cycle_a_b FOREIGN KEY (b_id) REFERENCES cycle_b (id)",
				"INSERT INTO cycle_a (id) VALUES (1)", "INSERT INTO cycle_b (id, a_id) VALUES (1, 1)",
				"UPDATE cycle_a SET b_id = 1");
	}

	/**
	 * Return a data source of this test's database whose connections check foreign keys.
	 */
	DataSource enforcingForeignKeys() {
		return this.database.dataSource();
	}

	/**
	 * Return every object a database holds in the schema its connections start in, as the
	 * database's own catalog lists them (not through the catalog reader that
	 * {@code fresh} uses), sorted and joined with commas: the kind and name of each.
	 */
	abstract String inventory(TestDatabase database);

	/**
	 * The third migration: objects this database has of its own, up and down.
	 */
	abstract List<String> objectsMigration();

	private List<String> namesMadeByHand() {
		Matcher created = CREATED.matcher(String.join("\n", madeByHand()));
		List<String> names = new ArrayList<>();
		while (created.find()) {
			names.add(created.group(1));
		}
		return names;
	}

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
