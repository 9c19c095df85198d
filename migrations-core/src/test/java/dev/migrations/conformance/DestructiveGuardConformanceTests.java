package dev.migrations.conformance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.migrations.DestructiveChange;
import dev.migrations.DestructiveMigrationException;
import dev.migrations.Migration;
import dev.migrations.MigrationEntry;
import dev.migrations.MigrationState;
import dev.migrations.MigrationStatus;
import dev.migrations.PlannedMigration;
import dev.migrations.command.MigrationCommandLine;
import dev.migrations.runner.MigrationRunner;
import dev.migrations.schema.Schema;
import dev.migrations.testing.DatabaseKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The destructive-change guard on every database: a pending migration that drops a table
 * or a column holding rows, or narrows a column's type on a table holding rows, is
 * refused before anything of the run is applied, unless the migration is marked
 * destructive or the run allows it.
 */
abstract class DestructiveGuardConformanceTests extends FreshDatabaseTests {

	private static final String DROP_BIO = "20240102000000_drop_bio";

	final List<MigrationEntry> entries = new ArrayList<>();

	@BeforeEach
	void createAuthors() {
		this.database.execute("CREATE TABLE authors (id INT PRIMARY KEY, name VARCHAR(100), bio VARCHAR(200))");
	}

	@Test
	void anUnmarkedDropColumnOfATableWithRowsIsRefusedAndNothingIsApplied() throws IOException {
		insertAuthors(3);
		write(DROP_BIO + ".up.sql", "ALTER TABLE authors DROP COLUMN bio;\n");
		assertThatExceptionOfType(DestructiveMigrationException.class).isThrownBy(() -> runner().applyAll())
			.withMessageContaining("Migration m_" + DROP_BIO + " would destroy data: it drops column authors.bio "
					+ "of a table holding 3 rows.")
			.withMessageContaining("Nothing of this run was applied.")
			.withMessageContaining("\"-- migrations: destructive\"")
			.withMessageContaining("allowDestructive(true)")
			.satisfies((refusal) -> assertThat(refusal.changes()).singleElement()
				.satisfies((change) -> assertThat(change.kind()).isEqualTo(DestructiveChange.Kind.DROP_COLUMN)));
		assertThat(states()).containsExactly(MigrationState.PENDING);
		assertThat(this.database.queryForString("SELECT bio FROM authors WHERE id = 1")).isEqualTo("bio 1");
	}

	@Test
	void aDropColumnMarkedWithTheHeaderIsApplied() throws IOException {
		insertAuthors(3);
		write(DROP_BIO + ".up.sql", "-- migrations: destructive\nALTER TABLE authors DROP COLUMN bio;\n");
		assertThat(runner().applyAll().migrations()).hasSize(1);
		assertThat(columns()).doesNotContain("bio");
	}

	@Test
	void theDestructiveHeaderCombinesWithNoTransaction() throws IOException {
		insertAuthors(3);
		write(DROP_BIO + ".up.sql",
				"-- migrations: no-transaction\n-- migrations: destructive\nALTER TABLE authors DROP COLUMN bio;\n");
		MigrationRunner runner = runner();
		assertThat(runner.descriptors()).singleElement().satisfies((migration) -> {
			assertThat(migration.transactional()).isFalse();
			assertThat(migration.destructive()).isTrue();
		});
		assertThat(runner.applyAll().migrations()).hasSize(1);
		assertThat(columns()).doesNotContain("bio");
	}

	@Test
	void aDropColumnIsAppliedWhenTheRunAllowsDestructiveChanges() throws IOException {
		insertAuthors(3);
		write(DROP_BIO + ".up.sql", "ALTER TABLE authors DROP COLUMN bio;\n");
		assertThat(runner(builder().allowDestructive(true)).applyAll().migrations()).hasSize(1);
		assertThat(columns()).doesNotContain("bio");
	}

	@Test
	void aDropColumnOfAnEmptyTableIsApplied() throws IOException {
		write(DROP_BIO + ".up.sql", "ALTER TABLE authors DROP COLUMN bio;\n");
		assertThat(runner().applyAll().migrations()).hasSize(1);
		assertThat(columns()).doesNotContain("bio");
	}

	@Test
	void aDropTableOfATableWithRowsIsRefused() throws IOException {
		insertAuthors(1);
		write("20240102000000_drop_authors.up.sql", "DROP TABLE IF EXISTS authors;\n");
		assertThatExceptionOfType(DestructiveMigrationException.class).isThrownBy(() -> runner().applyAll())
			.withMessageContaining(
					"m_20240102000000_drop_authors would destroy data: it drops table authors, " + "holding 1 row.");
		assertThat(this.database.tables()).contains("authors");
		assertThat(states()).containsExactly(MigrationState.PENDING);
	}

	@Test
	void aTableCreatedEarlierInTheSameRunHasNoRowsToLose() throws IOException {
		write("20240101000000_create_notes.up.sql", "CREATE TABLE notes (id INT PRIMARY KEY, body VARCHAR(20));\n");
		write("20240102000000_drop_body.up.sql", "ALTER TABLE notes DROP COLUMN body;\n");
		assertThat(runner().applyAll().migrations()).hasSize(2);
	}

	@Test
	void aBuilderDropColumnIsRefused() {
		insertAuthors(2);
		this.entries.add(MigrationEntry.of("m_" + DROP_BIO,
				(schema) -> schema.table("authors", (table) -> table.dropColumn("bio"))));
		assertThatExceptionOfType(DestructiveMigrationException.class).isThrownBy(() -> runner().applyAll())
			.withMessageContaining("it drops column authors.bio of a table holding 2 rows")
			.withMessageContaining("destructive() returning true");
		assertThat(columns()).contains("bio");
	}

	@Test
	void aJavaMigrationMarkedDestructiveIsApplied() {
		insertAuthors(2);
		this.entries.add(MigrationEntry.of("m_" + DROP_BIO, new DropBio()));
		assertThat(runner().applyAll().migrations()).hasSize(1);
		assertThat(columns()).doesNotContain("bio");
	}

	@Test
	void aRefusalInTheMiddleOfARunAppliesNothingOfTheRun() throws IOException {
		insertAuthors(3);
		write("20240101000000_create_notes.up.sql", "CREATE TABLE notes (id INT PRIMARY KEY);\n");
		write(DROP_BIO + ".up.sql", "ALTER TABLE authors DROP COLUMN bio;\n");
		write("20240103000000_create_tags.up.sql", "CREATE TABLE tags (id INT PRIMARY KEY);\n");
		assertThatExceptionOfType(DestructiveMigrationException.class).isThrownBy(() -> runner().applyAll())
			.withMessageContaining("m_" + DROP_BIO);
		assertThat(this.database.tables()).doesNotContain("notes", "tags");
		assertThat(states()).containsExactly(MigrationState.PENDING, MigrationState.PENDING, MigrationState.PENDING);
	}

	@Test
	void aDryRunMarksWhatARunWouldRefuse() throws IOException {
		insertAuthors(3);
		write(DROP_BIO + ".up.sql", "ALTER TABLE authors DROP COLUMN bio;\n");
		List<PlannedMigration> plans = runner().pretend().applyAll();
		assertThat(plans).singleElement()
			.satisfies((plan) -> assertThat(plan.script())
				.startsWith("-- ! destructive: it drops column authors.bio of a table holding 3 rows"));
		assertThat(runner(builder().allowDestructive(true)).pretend().applyAll()).singleElement()
			.satisfies((plan) -> assertThat(plan.script()).doesNotContain("destructive"));
		assertThat(columns()).contains("bio");
	}

	@Test
	void migrateRefusesWithTheCommandLineWayOutAndAppliesWithAllowDestructive() throws IOException {
		insertAuthors(3);
		write(DROP_BIO + ".up.sql", "ALTER TABLE authors DROP COLUMN bio;\n");
		CommandLine refused = commandLine("migrate");
		assertThat(refused.exitCode).isEqualTo(MigrationCommandLine.FAILURE);
		assertThat(refused.err).contains("it drops column authors.bio of a table holding 3 rows")
			.contains("migrate --allow-destructive")
			.doesNotContain("allowDestructive(true)");
		assertThat(columns()).contains("bio");
		CommandLine allowed = commandLine("migrate", "--allow-destructive");
		assertThat(allowed.exitCode).as(allowed.err).isEqualTo(MigrationCommandLine.SUCCESS);
		assertThat(columns()).doesNotContain("bio");
	}

	@Test
	void narrowingAColumnOfATableWithRowsIsRefused() {
		insertAuthors(3);
		this.entries.add(MigrationEntry.of("m_20240102000000_shorten_name",
				(schema) -> schema.table("authors", (table) -> table.string("name", 10).nullable().change())));
		assertThatExceptionOfType(DestructiveMigrationException.class).isThrownBy(() -> runner().applyAll())
			.withMessageContaining(
					"it narrows column authors.name from varchar(100) to varchar(10) on a table " + "holding 3 rows");
		assertThat(states()).containsExactly(MigrationState.PENDING);
	}

	@Test
	void narrowingAColumnInASqlFileIsRefused() throws IOException {
		insertAuthors(3);
		write("20240102000000_shorten_name.up.sql",
				(this.database.kind() == DatabaseKind.MARIADB) ? "ALTER TABLE authors MODIFY name VARCHAR(10);\n"
						: "ALTER TABLE authors ALTER COLUMN name SET DATA TYPE VARCHAR(10);\n");
		assertThatExceptionOfType(DestructiveMigrationException.class).isThrownBy(() -> runner().applyAll())
			.withMessageContaining("it narrows column authors.name from varchar(100) to varchar(10)");
	}

	@Test
	void wideningAColumnOfATableWithRowsIsApplied() throws IOException {
		insertAuthors(3);
		this.entries.add(MigrationEntry.of("m_20240102000000_lengthen_name",
				(schema) -> schema.table("authors", (table) -> table.string("name", 200).nullable().change())));
		assertThat(runner().applyAll().migrations()).hasSize(1);
	}

	void insertAuthors(int count) {
		for (int id = 1; id <= count; id++) {
			this.database.execute(
					"INSERT INTO authors (id, name, bio) VALUES (" + id + ", 'author " + id + "', 'bio " + id + "')");
		}
	}

	List<String> columns() {
		List<String> columns = new ArrayList<>();
		for (String column : List.of("id", "name", "bio")) {
			try {
				this.database.queryForLong("SELECT COUNT(" + column + ") FROM authors");
				columns.add(column);
			}
			catch (IllegalStateException ex) {
				// No such column
			}
		}
		return columns;
	}

	List<MigrationState> states() {
		return runner().status().stream().map(MigrationStatus::state).toList();
	}

	MigrationRunner runner() {
		return runner(builder());
	}

	private MigrationRunner runner(MigrationRunner.Builder builder) {
		return builder.build();
	}

	private MigrationRunner.Builder builder() {
		return MigrationRunner.builder(this.database.dataSource())
			.locations(List.of("filesystem:" + this.directory))
			.entries(this.entries)
			.lockTimeout(Duration.ofSeconds(30));
	}

	private CommandLine commandLine(String... arguments) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int exitCode = new MigrationCommandLine((listener) -> builder().listener(listener).build(),
				List.of("filesystem:" + this.directory), new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8), false, List.of())
			.run(List.of(arguments));
		return new CommandLine(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	void write(String fileName, String content) throws IOException {
		Files.writeString(this.directory.resolve(fileName), content);
	}

	private record CommandLine(int exitCode, String out, String err) {
	}

	/**
	 * Drops the column {@code bio} of {@code authors}, meaning to.
	 */
	static final class DropBio implements Migration {

		@Override
		public void up(Schema schema) {
			schema.table("authors", (table) -> table.dropColumn("bio"));
		}

		@Override
		public boolean destructive() {
			return true;
		}

	}

}
