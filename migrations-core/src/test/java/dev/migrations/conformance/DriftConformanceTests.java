package dev.migrations.conformance;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.sql.DataSource;

import dev.migrations.MigrationException;
import dev.migrations.MigrationId;
import dev.migrations.MigrationState;
import dev.migrations.Verification;
import dev.migrations.catalog.Catalog;
import dev.migrations.catalog.CatalogChange;
import dev.migrations.catalog.Table;
import dev.migrations.command.MigrationCommandLine;
import dev.migrations.runner.MigrationDriftException;
import dev.migrations.runner.MigrationRunner;
import dev.migrations.runner.ShadowDatabase;
import dev.migrations.runner.ShadowSchema;
import dev.migrations.testing.DatabaseKind;
import dev.migrations.testing.TestDatabase;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The schema a database's migrations build, replayed on a shadow database, is what a
 * database applied from them holds; the shadow is dropped whatever happens, and a shadow
 * the user names must be empty and is emptied after use.
 */
abstract class DriftConformanceTests extends FreshDatabaseTests {

	private final List<String> shadows = new ArrayList<>();

	@AfterEach
	void everyShadowWasDropped() throws Exception {
		for (String shadow : this.shadows) {
			assertThat(exists(shadow)).as(shadow).isFalse();
		}
	}

	@Test
	void aDatabaseAppliedFromItsMigrationsHoldsWhatTheirReplayBuilds() throws Exception {
		writeMigrations();
		MigrationRunner runner = runner(this.database.dataSource());
		runner.applyAll();
		Catalog expected = runner.expectedSchema();
		assertThat(expected.tables()).extracting(Table::name).containsExactly(name("authors"), name("books"));
		assertThat(expected).isEqualTo(runner.describeSchema());
		assertThat(this.shadows).hasSize(1);
	}

	@Test
	void theReplayFollowsTheLedgerNotTheFiles() throws Exception {
		writeMigrations();
		MigrationRunner runner = runner(this.database.dataSource());
		runner.applyAll(1);
		Catalog expected = runner.expectedSchema();
		assertThat(expected.tables()).extracting(Table::name).containsExactly(name("authors"));
	}

	@Test
	void theShadowIsDroppedWhenTheReplayFails() throws Exception {
		this.database.execute("CREATE TABLE legacy (id INT PRIMARY KEY)");
		Files.writeString(this.directory.resolve("m_20240101000000_fill_legacy.up.sql"),
				"INSERT INTO legacy (id) VALUES (1);\n");
		MigrationRunner runner = runner(this.database.dataSource());
		runner.applyAll();
		assertThatExceptionOfType(MigrationException.class).isThrownBy(runner::expectedSchema)
			.withMessageContaining("could not be replayed on the ")
			.withMessageContaining("migrations_shadow_")
			.withMessageNotContaining("repair")
			.withMessageContaining("m_20240101000000_fill_legacy");
		assertThat(this.shadows).hasSize(1);
	}

	@Test
	void aBaselineStandsForTheMigrationsUpToIt() throws Exception {
		writeMigrations();
		MigrationRunner runner = runner(this.database.dataSource());
		runner.baseline(MigrationId.parse("m_20240101000000_create_authors"));
		Catalog expected = runner.expectedSchema();
		assertThat(expected.tables()).extracting(Table::name).containsExactly(name("authors"));
	}

	@Test
	void aShadowDatabaseThatIsNotEmptyIsRefusedAndAnEmptyOneIsEmptiedAfterUse() throws Exception {
		writeMigrations();
		try (TestDatabase shadow = TestDatabase.create(this.database.kind())) {
			shadow.execute("CREATE TABLE leftover (id INT PRIMARY KEY)");
			MigrationRunner refused = MigrationRunner.builder(this.database.dataSource())
				.locations("filesystem:" + this.directory)
				.shadow(ShadowDatabase.of(shadow.url(), null, null))
				.build();
			refused.applyAll();
			assertThatExceptionOfType(MigrationException.class).isThrownBy(refused::expectedSchema)
				.withMessageContaining("is not empty (it holds table " + name("leftover") + ")")
				.withMessageContaining("is of the same kind and is empty, or name another that is empty");
			shadow.execute("DROP TABLE leftover");
			assertThat(refused.expectedSchema()).isEqualTo(refused.describeSchema());
			assertThat(shadow.tables()).isEmpty();
		}
	}

	@Test
	void migrateDiffFindsNoDriftInADatabaseAppliedFromItsMigrations() throws Exception {
		writeMigrations();
		runner(this.database.dataSource()).applyAll();
		Output output = command("migrate:diff");
		assertThat(output.exitCode()).as(output.err()).isZero();
		assertThat(output.out()).isEqualTo("No drift: the database holds the schema its applied migrations build.\n");
	}

	@Test
	void migrateDiffReportsDriftMadeByHandAndExitsOne() throws Exception {
		writeMigrations();
		runner(this.database.dataSource()).applyAll();
		this.database.execute(driftByHand().toArray(String[]::new));
		Output output = command("migrate:diff");
		assertThat(output.exitCode()).as(output.err()).isEqualTo(1);
		assertThat(output.out().lines().skip(1).map(String::strip).toList())
			.containsExactlyInAnyOrderElementsOf(expectedDrift());
		Output json = command("migrate:diff", "--json");
		assertThat(json.exitCode()).isEqualTo(1);
		assertThat(json.out()).startsWith("{\"drift\":true,\"changes\":[{\"action\":");
	}

	@Test
	void migrateDiffMasksTheSecretsItWasGiven() throws Exception {
		writeMigrations();
		runner(this.database.dataSource()).applyAll();
		this.database.execute("ALTER TABLE authors ADD nickname VARCHAR(20) DEFAULT 'Sh4red-Secret'");
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int exitCode = new MigrationCommandLine((listener) -> runner(this.database.dataSource()), List.of(),
				new PrintStream(out, true, StandardCharsets.UTF_8), System.err, false, List.of("Sh4red-Secret"))
			.run(List.of("migrate:diff"));
		assertThat(exitCode).isEqualTo(1);
		assertThat(out.toString(StandardCharsets.UTF_8)).containsIgnoringCase("nickname")
			.doesNotContain("Sh4red-Secret");
	}

	@Test
	void aVerifiedApplyFailsWhenTheDatabaseWasChangedByHand() throws Exception {
		writeMigrations();
		runner(this.database.dataSource()).applyAll(1);
		this.database.execute("ALTER TABLE authors ADD nickname VARCHAR(20)");
		MigrationRunner verified = MigrationRunner.builder(this.database.dataSource())
			.locations("filesystem:" + this.directory)
			.shadow(recording(ShadowDatabase.temporary()))
			.verify(Verification.FAIL)
			.build();
		assertThatExceptionOfType(MigrationDriftException.class).isThrownBy(verified::applyAll)
			.withMessageContaining("+ column " + name("authors") + "." + name("nickname"))
			.withMessageContaining("What was applied stays applied");
		assertThat(verified.status()).allMatch((status) -> status.state() == MigrationState.APPLIED);
		this.database.execute("ALTER TABLE authors DROP COLUMN nickname");
		assertThat(verified.drift().isEmpty()).isTrue();
	}

	@Test
	void migrateVerifyFailsAfterAMigrationWasTamperedWithByHand() throws Exception {
		writeMigrations();
		runner(this.database.dataSource()).applyAll(1);
		this.database.execute("ALTER TABLE authors ADD nickname VARCHAR(20)");
		Output output = command("migrate", "--verify");
		assertThat(output.exitCode()).as(output.out()).isEqualTo(3);
		assertThat(output.err()).contains("After applying, the database differs from the schema its migrations build")
			.contains("+ column " + name("authors") + "." + name("nickname"));
		assertThat(this.database.tables()).contains("books");
		this.database.execute("ALTER TABLE authors DROP COLUMN nickname");
		Output clean = command("migrate", "--verify");
		assertThat(clean.exitCode()).as(clean.err()).isZero();
	}

	@Test
	void migratePretendShowsTheChangeEachPendingMigrationMakesAboveItsSql() throws Exception {
		writeMigrations();
		runner(this.database.dataSource()).applyAll(1);
		Output output = command("migrate", "--pretend");
		assertThat(output.exitCode()).as(output.err()).isZero();
		assertThat(output.out()).containsSubsequence(
				"-- m_20240102000000_create_books", "-- changes the schema:", "--   + table " + name("books")
						+ ": columns (" + name("id") + ", " + name("author_id") + ", " + name("title") + ")",
				"CREATE TABLE books");
		assertThat(this.database.tables()).doesNotContain("books");
		assertThat(this.shadows).hasSize(1);
	}

	@Test
	void makeRepairMigrationWritesTheMigrationThatUndoesTheDrift() throws Exception {
		writeMigrations();
		runner(this.database.dataSource()).applyAll();
		this.database.execute("INSERT INTO authors (id, name) VALUES (1, 'a')");
		this.database.execute(driftByHand().toArray(String[]::new));
		Output refused = command("make:repair-migration", "--dir", this.directory.toString());
		assertThat(refused.exitCode()).as(refused.err()).isEqualTo(1);
		assertThat(refused.out()).contains("Not written: the migration would destroy data:")
			.contains("- column " + name("authors") + "." + name("nickname") + " (destructive)");
		assertThat(repairFiles()).isEmpty();
		Output written = command("make:repair-migration", "--allow-destructive", "--dir", this.directory.toString());
		assertThat(written.exitCode()).as(written.err()).isZero();
		assertThat(repairFiles()).singleElement()
			.satisfies((file) -> assertThat(Files.readString(file)).contains("-- migrations: repair, destructive"));
		Output applied = command("migrate");
		assertThat(applied.exitCode()).as(applied.err()).isZero();
		Output diff = command("migrate:diff");
		assertThat(diff.exitCode()).as(diff.out()).isZero();
		assertThat(this.database.queryForLong("SELECT COUNT(*) FROM authors")).isEqualTo(1);
	}

	@Test
	void makeMigrationFromADevelopmentDatabaseWritesWhatBuildsItsSchema() throws Exception {
		writeMigrations();
		try (TestDatabase development = TestDatabase.create(this.database.kind())) {
			runner(development.dataSource()).applyAll();
			development.execute(driftByHand().toArray(String[]::new));
			Output written = command("make:migration", "evolve", "--from-database", development.url(),
					"--allow-destructive", "--dir", this.directory.toString());
			assertThat(written.exitCode()).as(written.err() + written.out()).isZero();
			MigrationRunner production = runner(this.database.dataSource());
			assertThat(production.applyAll().migrations()).hasSize(3);
			assertThat(production.describeSchema()).isEqualTo(runner(development.dataSource()).describeSchema());
		}
	}

	@Test
	void makeMigrationFromEntitiesWritesWhatBuildsTheSchemaTheyBuildOnAShadow() throws Exception {
		writeMigrations();
		ShadowSchema entities = (shadow) -> {
			try (Connection connection = shadow.getConnection(); Statement statement = connection.createStatement()) {
				statement.execute("CREATE TABLE authors (id INTEGER PRIMARY KEY, name VARCHAR(100) NOT NULL)");
				statement.execute("CREATE INDEX authors_name ON authors (name)");
				statement.execute("CREATE TABLE books (id INTEGER PRIMARY KEY, author_id INTEGER NOT NULL "
						+ "REFERENCES authors (id), title VARCHAR(200))");
				statement.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY)");
			}
		};
		assertThat(runner(this.database.dataSource()).generate().toSchemaBuiltBy(entities).changes().changes())
			.extracting(CatalogChange::text)
			.containsExactly("+ table " + name("notes") + ": columns (" + name("id") + ")");
		Output written = command(entities, "make:migration", "add_notes", "--from-entities", "--dir",
				this.directory.toString());
		assertThat(written.exitCode()).as(written.err() + written.out()).isZero();
		MigrationRunner production = runner(this.database.dataSource());
		assertThat(production.applyAll().migrations()).hasSize(3);
		assertThat(production.generate().toSchemaBuiltBy(entities).isEmpty()).isTrue();
		Output nothing = command(entities, "make:migration", "nothing_new", "--from-entities", "--dir",
				this.directory.toString());
		assertThat(nothing.exitCode()).isZero();
		assertThat(nothing.out()).contains("Nothing to write: the schemas are the same.");
	}

	@Test
	void aSchemaThatCannotBeBuiltFailsAndItsShadowIsDropped() throws Exception {
		writeMigrations();
		MigrationRunner runner = runner(this.database.dataSource());
		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> runner.generate().toSchemaBuiltBy((shadow) -> {
				throw new SQLException("no such entity");
			}))
			.withMessageContaining("The target schema could not be built on the ")
			.withMessageContaining("no such entity");
		assertThat(this.shadows).hasSize(1);
	}

	@Test
	void makeMigrationFromEntitiesWithoutEntitiesIsAUsageError() {
		Output refused = command("make:migration", "add_notes", "--from-entities");
		assertThat(refused.exitCode()).isEqualTo(MigrationCommandLine.USAGE);
		assertThat(refused.err()).contains("error: --from-entities writes what turns the migrations' schema into the "
				+ "schema of an application's JPA entities");
	}

	@Test
	void aColumnDroppedAndAnotherAddedWithItsTypeIsWrittenAsAChoice() throws Exception {
		writeMigrations();
		try (TestDatabase development = TestDatabase.create(this.database.kind())) {
			runner(development.dataSource()).applyAll();
			development.execute("ALTER TABLE books DROP COLUMN title", "ALTER TABLE books ADD headline VARCHAR(200)");
			Output pretend = command("make:migration", "rename_title", "--from-database", development.url(),
					"--allow-destructive", "--pretend");
			assertThat(pretend.exitCode()).as(pretend.err()).isZero();
			assertThat(pretend.out()).contains("-- left to you:")
				.contains("is dropped and " + name("books") + "." + name("headline") + " added with the same type")
				.contains("-- if " + name("headline") + " is " + name("title") + " renamed:")
				.contains("-- otherwise:")
				.doesNotContainPattern("(?m)^ALTER TABLE");
		}
	}

	@Test
	void schemaDumpWritesTheSqlThatCreatesTheSchema() throws Exception {
		writeMigrations();
		runner(this.database.dataSource()).applyAll();
		Output dump = command("schema:dump");
		assertThat(dump.exitCode()).as(dump.err()).isZero();
		try (TestDatabase copy = TestDatabase.create(this.database.kind())) {
			copy.execute(dump.out()
				.lines()
				.filter((line) -> !line.startsWith("--"))
				.map((line) -> line.substring(0, line.length() - 1))
				.toArray(String[]::new));
			Catalog original = runner(this.database.dataSource()).describeSchema();
			Catalog copied = runner(copy.dataSource()).describeSchema();
			assertThat(copied.tables()).extracting(Table::name)
				.containsExactlyElementsOf(original.tables().stream().map(Table::name).toList());
			assertThat(copied.tables()).extracting(Table::columns)
				.containsExactlyElementsOf(original.tables().stream().map(Table::columns).toList());
		}
	}

	private List<Path> repairFiles() throws IOException {
		try (Stream<Path> files = Files.list(this.directory)) {
			return files.filter((file) -> file.getFileName().toString().contains("repair_drift")).toList();
		}
	}

	/**
	 * Statements that change the migrated schema by hand: a column added, an index
	 * dropped, a type changed, a table created.
	 */
	abstract List<String> driftByHand();

	/**
	 * The lines {@code migrate:diff} prints for {@link #driftByHand()}.
	 */
	List<String> expectedDrift() {
		return List.of("- index " + name("authors") + "." + name("authors_name"),
				"+ table " + name("notes") + ": columns (" + name("id") + ")",
				"+ column " + name("authors") + "." + name("nickname") + ": varchar(20) null",
				"~ column " + name("books") + "." + name("title") + ": type varchar(200) -> varchar(50)");
	}

	private Output command(String... args) {
		return command(null, args);
	}

	private Output command(@Nullable ShadowSchema entities, String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		MigrationCommandLine commandLine = new MigrationCommandLine((listener) -> runner(this.database.dataSource()),
				List.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8), false, List.of());
		int exitCode = ((entities != null) ? commandLine.withEntities(entities) : commandLine).run(List.of(args));
		return new Output(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	private record Output(int exitCode, String out, String err) {
	}

	void writeMigrations() throws Exception {
		Files.writeString(this.directory.resolve("m_20240101000000_create_authors.up.sql"),
				"CREATE TABLE authors (id INTEGER PRIMARY KEY, name VARCHAR(100) NOT NULL);\n"
						+ "CREATE INDEX authors_name ON authors (name);\n");
		Files.writeString(this.directory.resolve("m_20240102000000_create_books.up.sql"),
				"CREATE TABLE books (id INTEGER PRIMARY KEY, author_id INTEGER NOT NULL REFERENCES authors (id),"
						+ " title VARCHAR(200));\n");
	}

	MigrationRunner runner(DataSource dataSource) {
		return MigrationRunner.builder(dataSource)
			.locations("filesystem:" + this.directory)
			.shadow(recording(ShadowDatabase.temporary()))
			.build();
	}

	/**
	 * Return a shadow database that records the description of every shadow it opens.
	 */
	ShadowDatabase recording(ShadowDatabase shadow) {
		return (live, liveDataSource, dialect) -> {
			ShadowDatabase.Shadow opened = shadow.open(live, liveDataSource, dialect);
			this.shadows.add(opened.description());
			return opened;
		};
	}

	/**
	 * Return a name as this database stores an unquoted one.
	 */
	String name(String name) {
		return name;
	}

	/**
	 * Return whether the shadow a description names still exists.
	 */
	private boolean exists(String description) throws SQLException {
		Matcher database = Pattern.compile("temporary database (\\S+) on the same server").matcher(description);
		Matcher memory = Pattern.compile("private in-memory database (\\S+)").matcher(description);
		Matcher file = Pattern.compile("temporary file (.+)").matcher(description);
		if (database.matches()) {
			String sql = (this.database.kind() == DatabaseKind.POSTGRESQL)
					? "SELECT COUNT(*) FROM pg_database WHERE datname = '" + database.group(1) + "'"
					: "SELECT COUNT(*) FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = '" + database.group(1)
							+ "'";
			return this.database.queryForLong(sql) > 0;
		}
		if (memory.matches()) {
			try (Connection connection = DriverManager
				.getConnection("jdbc:h2:mem:" + memory.group(1) + ";IFEXISTS=TRUE")) {
				return true;
			}
			catch (SQLException ex) {
				return false;
			}
		}
		if (file.matches()) {
			return Files.exists(Path.of(file.group(1)));
		}
		throw new IllegalStateException("Unknown shadow " + description);
	}

}
