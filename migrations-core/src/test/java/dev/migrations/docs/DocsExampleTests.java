package dev.migrations.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.migrations.MigrationEntry;
import dev.migrations.MigrationId;
import dev.migrations.MigrationState;
import dev.migrations.MigrationStatus;
import dev.migrations.runner.MigrationRunner;
import dev.migrations.testing.DatabaseKind;
import dev.migrations.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the Java examples of the documentation compiling and working, as
 * {@code ReadmeExampleTests} does for the README's: every {@code java} code block of
 * README.md, CONTRIBUTING.md and docs/*.md must be the text of a compiled test source (of
 * this module, of the Spring Boot module for the Spring examples, which its
 * {@code DocsSpringExampleTests} runs, or of the test module for its guide, which its
 * {@code GuideExampleTests} runs), and the examples of this module run here.
 */
class DocsExampleTests {

	private static final Path ROOT = Path.of("..");

	private static final List<Path> EXAMPLE_SOURCES = List.of(Path.of("src/test/java"),
			ROOT.resolve("migrations-spring-boot-autoconfigure/src/test/java"),
			ROOT.resolve("migrations-test/src/test/java"));

	private static final Pattern JAVA_BLOCK = Pattern.compile("(?ms)^( *)```java\\n(.*?)^\\1```");

	@Test
	void everyJavaExampleOfTheDocumentationIsCompiledTestSource() throws IOException {
		List<String> sources = new ArrayList<>();
		for (Path directory : EXAMPLE_SOURCES) {
			try (Stream<Path> files = Files.walk(directory)) {
				files.filter((file) -> file.toString().endsWith(".java")).forEach((file) -> sources.add(read(file)));
			}
		}
		List<String> blocks = new ArrayList<>();
		List<String> notCompiled = new ArrayList<>();
		for (Path page : DocumentationPages.all()) {
			Matcher block = JAVA_BLOCK.matcher(read(page));
			while (block.find()) {
				String example = withoutWhitespace(block.group(2));
				blocks.add(page.getFileName().toString());
				if (sources.stream().noneMatch((source) -> withoutWhitespace(source).contains(example))) {
					notCompiled.add(page + ":\n" + block.group(2));
				}
			}
		}
		assertThat(notCompiled).as("examples that no compiled test source holds").isEmpty();
		assertThat(blocks).as("pages with Java examples")
			.contains("README.md", "getting-started.md", "spring-boot.md", "schema-builder.md", "operations.md",
					"migrating-from-flyway.md", "testing-with-migrated-databases.md", "CONTRIBUTING.md");
	}

	@Test
	void schemaBuilderExamplesApplyAndRollBackOnTheirOwn() {
		try (TestDatabase database = TestDatabase.create(DatabaseKind.H2)) {
			database.execute("CREATE TABLE users (id BIGINT PRIMARY KEY, name VARCHAR(100), email VARCHAR(255))");
			List<MigrationEntry> entries = new ArrayList<>(SchemaBuilderExamples.entries());
			entries.add(MigrationEntry.of("m_20241203000000_backfill_display_names", new BackfillDisplayNames()));
			MigrationRunner runner = MigrationRunner.builder(database.dataSource())
				.locations(List.of())
				.entries(entries)
				.build();
			assertThat(runner.applyAll().migrations()).hasSize(3);
			assertThat(database.tables()).contains("posts");
			assertThat(columnCount(database, "USERS", "DISPLAY_NAME")).isOne();
			assertThat(columnCount(database, "USERS", "FULL_NAME")).isOne();
			assertThat(runner.rollback().migrations()).hasSize(3);
			assertThat(database.tables()).doesNotContain("posts");
			assertThat(columnCount(database, "USERS", "DISPLAY_NAME")).isZero();
			assertThat(columnCount(database, "USERS", "NAME")).isOne();
		}
	}

	@Test
	void adoptingAnExistingDatabaseAppliesOnlyWhatComesAfterTheBaseline() {
		try (TestDatabase database = TestDatabase.create(DatabaseKind.H2)) {
			database.execute("CREATE TABLE users (id BIGINT PRIMARY KEY)");
			MigrationRunner runner = MigrationRunner.builder(database.dataSource())
				.locations(List.of())
				.entries(
						MigrationEntry.of("m_20241201000000_create_users_table",
								(schema) -> schema.sql("CREATE TABLE users (id BIGINT PRIMARY KEY)")),
						MigrationEntry.of("m_20241201000100_create_notes_table",
								(schema) -> schema.sql("CREATE TABLE notes (id BIGINT PRIMARY KEY)")))
				.build();
			OperationsExamples.adoptAnExistingDatabase(runner);
			assertThat(runner.status()).extracting(MigrationStatus::id, MigrationStatus::state)
				.containsExactly(
						org.assertj.core.groups.Tuple.tuple(MigrationId.parse("m_20241201000000_create_users_table"),
								MigrationState.BASELINE),
						org.assertj.core.groups.Tuple.tuple(MigrationId.parse("m_20241201000100_create_notes_table"),
								MigrationState.APPLIED));
			assertThat(database.tables()).contains("notes");
		}
	}

	private static long columnCount(TestDatabase database, String table, String column) {
		return database.queryForLong("SELECT COUNT(*) FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_NAME = '" + table
				+ "' AND COLUMN_NAME = '" + column + "'");
	}

	private static String withoutWhitespace(String text) {
		return text.replaceAll("\\s+", "");
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
