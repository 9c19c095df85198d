package dev.migrations.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import dev.migrations.PlannedMigration;
import dev.migrations.runner.MigrationRunner;
import dev.migrations.testing.CatalogSnapshot;
import dev.migrations.testing.DatabaseClient;
import dev.migrations.testing.DatabaseKind;
import dev.migrations.testing.SchemaSnapshot;
import dev.migrations.testing.TableRows;
import dev.migrations.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scripts of the shapes real projects keep, as each database's own tools write and run
 * them (a {@code pg_dump} with its {@code COPY} rows, functions and {@code \restrict}; a
 * {@code mysqldump}-style script with {@code DELIMITER} routines, triggers and
 * {@code USE}; SQLite triggers with {@code BEGIN ... END} bodies; H2 views and triggers),
 * kept in {@code src/test/resources/realsql/<database>}: the runner builds from them what
 * the database's own client builds (schema, routines, triggers and every row), rolls them
 * back to nothing and builds the same again, and its dry run, replayed in the client,
 * builds the same too. Every suite loads 400 rentals, which a trigger counts on their
 * customers, and raises the price of 8 films, which a trigger logs.
 */
abstract class RealSqlConformanceTests extends FreshDatabaseTests {

	@Test
	void theRunnerAndTheDatabasesClientBuildTheSameSchemaAndRows() {
		Path migrations = migrations(this.database);
		assertThat(runner(migrations, this.database).applyAll().migrations()).hasSize(upScripts(migrations).size());
		assertThat(CatalogSnapshot.of(this.database).isEmpty()).isFalse();
		assertThat(this.database.queryForLong("SELECT SUM(rental_count) FROM customer"))
			.as("rentals the trigger counted")
			.isEqualTo(400);
		assertThat(this.database.queryForLong("SELECT COUNT(*) FROM film_log")).as("prices the trigger logged")
			.isGreaterThanOrEqualTo(8);
		try (TestDatabase client = TestDatabase.create(kind())) {
			for (Path script : upScripts(migrations(client))) {
				DatabaseClient.run(client, read(script));
			}
			assertSameSchemaAndRows(client, this.database);
		}
	}

	@Test
	void rollingEverythingBackLeavesOnlyTheLedgerAndApplyingAgainBuildsTheSame() {
		Path migrations = migrations(this.database);
		MigrationRunner runner = runner(migrations, this.database);
		runner.applyAll();
		SchemaSnapshot schema = SchemaSnapshot.of(this.database).normalized();
		CatalogSnapshot catalog = CatalogSnapshot.of(this.database);
		TableRows rows = TableRows.of(this.database);
		assertThat(runner.rollback().migrations()).hasSize(upScripts(migrations).size());
		assertThat(this.database.tables()).allMatch((table) -> table.startsWith("migrations_ledger"));
		assertThat(CatalogSnapshot.of(this.database).isEmpty()).as(CatalogSnapshot.of(this.database).toString())
			.isTrue();
		runner.applyAll();
		assertThat(SchemaSnapshot.of(this.database).normalized()).isEqualTo(schema);
		assertThat(CatalogSnapshot.of(this.database).objects()).containsExactlyEntriesOf(catalog.objects());
		assertThat(TableRows.of(this.database).tables()).containsExactlyEntriesOf(rows.tables());
	}

	@Test
	void theDryRunReplayedInTheDatabasesClientBuildsWhatApplyingBuilds() {
		try (TestDatabase replayed = TestDatabase.create(kind())) {
			String script = PlannedMigration.script(runner(migrations(replayed), replayed).pretend().applyAll());
			assertThat(replayed.tables()).isEmpty();
			DatabaseClient.run(replayed, script);
			runner(migrations(this.database), this.database).applyAll();
			assertSameSchemaAndRows(replayed, this.database);
		}
	}

	/**
	 * Return a script of this database's suite as it is run on the given database. A
	 * script that names its own database, as a dump does, is given that database's name.
	 * @param script the script as kept in the test resources
	 * @param target the database it will run on
	 * @return the script to run
	 */
	String onDatabase(String script, TestDatabase target) {
		return script;
	}

	private DatabaseKind kind() {
		return this.database.kind();
	}

	private Path migrations(TestDatabase target) {
		URL resources = getClass().getResource("/realsql/" + kind().displayName());
		assertThat(resources).as("test resources realsql/" + kind().displayName()).isNotNull();
		try (Stream<Path> files = Files.list(Path.of(resources.toURI()))) {
			Path directory = Files.createTempDirectory(this.directory, "migrations");
			for (Path file : files.toList()) {
				Files.writeString(directory.resolve(file.getFileName().toString()),
						onDatabase(Files.readString(file), target));
			}
			return directory;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static List<Path> upScripts(Path migrations) {
		try (Stream<Path> files = Files.list(migrations)) {
			return files.filter((file) -> !file.getFileName().toString().endsWith(".down.sql")).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static MigrationRunner runner(Path migrations, TestDatabase database) {
		return MigrationRunner.builder(database.dataSource())
			.locations("filesystem:" + migrations)
			.lockTimeout(Duration.ofSeconds(30))
			.build();
	}

	private static void assertSameSchemaAndRows(TestDatabase actual, TestDatabase expected) {
		assertThat(SchemaSnapshot.of(actual).normalized()).isEqualTo(SchemaSnapshot.of(expected).normalized());
		assertThat(CatalogSnapshot.of(actual).objects())
			.containsExactlyEntriesOf(CatalogSnapshot.of(expected).objects());
		assertThat(TableRows.of(actual).tables()).containsExactlyEntriesOf(TableRows.of(expected).tables());
	}

}
