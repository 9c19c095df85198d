package dev.migrations.source;

import java.io.IOException;
import java.io.StringReader;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.migrations.Direction;
import dev.migrations.MigrationDefinitionException;
import dev.migrations.MigrationDescriptor;
import dev.migrations.MigrationEntry;
import dev.migrations.MigrationId;
import dev.migrations.dialect.Dialect;
import dev.migrations.dialect.Dialects;
import dev.migrations.schema.SchemaOperation;
import dev.migrations.sql.SqlStatementSplitter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The build-time index of SQL migrations: written from the same listing as a load, read
 * back, and loaded without reading a script until a migration's plan is needed.
 */
class MigrationIndexTests {

	@TempDir
	Path directory;

	private ReadCountingClassLoader classLoader;

	@BeforeEach
	void createClassLoader() throws IOException {
		this.classLoader = new ReadCountingClassLoader(this.directory);
	}

	@AfterEach
	void closeClassLoader() throws IOException {
		this.classLoader.close();
	}

	@Test
	void theIndexCarriesTheChecksumsAndFlagsOfANormalLoadForEachDatabase() throws IOException {
		write("db/migrations/20240101000000_create_notes.up.sql", "CREATE TABLE notes (id INT);\n");
		write("db/migrations/20240101000000_create_notes.down.sql", "DROP TABLE notes;\n");
		write("db/migrations/20240102000000_index_notes.sql",
				"-- migrations: no-transaction, destructive\nCREATE INDEX notes_id ON notes (id);\n");
		write("db/migrations/nested/20240103000000_repair_notes.sql",
				"-- migrations: repair\nALTER TABLE notes ADD COLUMN body VARCHAR(100);\n");
		MigrationIndex index = build("classpath:db/migrations");
		for (String database : MigrationIndex.databases()) {
			List<MigrationDescriptor> listed = MigrationEntry
				.buildDescriptors(new SqlMigrationSource(List.of("classpath:db/migrations"), this.classLoader,
						IndexBuilder.splitter(database))
					.load());
			List<MigrationDescriptor> indexed = MigrationEntry.buildDescriptors(index
				.load(List.of("classpath:db/migrations"), database, IndexBuilder.splitter(database), this.classLoader)
				.migrations());
			assertThat(indexed).hasSameSizeAs(listed).hasSize(3);
			for (int i = 0; i < listed.size(); i++) {
				MigrationDescriptor expected = listed.get(i);
				MigrationDescriptor actual = indexed.get(i);
				assertThat(actual.id()).isEqualTo(expected.id());
				assertThat(actual.checksum()).isEqualTo(expected.checksum());
				assertThat(actual.source()).isEqualTo(expected.source());
				assertThat(actual.source(Direction.DOWN)).isEqualTo(expected.source(Direction.DOWN));
				assertThat(actual.transactional()).isEqualTo(expected.transactional());
				assertThat(actual.destructive()).isEqualTo(expected.destructive());
				assertThat(actual.repair()).isEqualTo(expected.repair());
			}
		}
	}

	@Test
	void loadingFromTheIndexReadsNoScriptUntilAPlanIsNeeded() throws IOException {
		write("db/migrations/20240101000000_create_notes.up.sql", "CREATE TABLE notes (id INT);\n");
		write("db/migrations/20240101000000_create_notes.down.sql", "DROP TABLE notes;\n");
		write("db/migrations/20240102000000_create_tags.sql", "CREATE TABLE tags (id INT);\n");
		MigrationIndex index = MigrationIndex.read(new StringReader(build("classpath:db/migrations").text()));
		this.classLoader.reads = 0;
		List<MigrationDescriptor> descriptors = MigrationEntry.buildDescriptors(
				index.load(List.of("classpath:db/migrations"), "h2", SqlStatementSplitter.standard(), this.classLoader)
					.migrations());
		assertThat(descriptors).extracting(MigrationDescriptor::checksum).allMatch((sum) -> sum.startsWith("v1:"));
		assertThat(this.classLoader.reads).as("scripts read to build the descriptors").isZero();
		assertThat(descriptors.get(1).up()).extracting(SchemaOperation::canonical)
			.containsExactly("CREATE TABLE tags (id INT)");
		assertThat(this.classLoader.reads).as("scripts read for one up plan").isEqualTo(1);
		assertThat(descriptors.get(1).reversible()).isFalse();
		assertThat(this.classLoader.reads).as("no .down.sql to read").isEqualTo(1);
		assertThat(descriptors.get(0).down()).extracting(SchemaOperation::canonical)
			.containsExactly("DROP TABLE notes");
		assertThat(this.classLoader.reads).as("the up and down scripts of the other").isEqualTo(3);
	}

	@Test
	void aScriptEditedAfterTheIndexWasBuiltKeepsTheIndexedChecksumAndAnIndexBuiltAgainCarriesTheNewOne()
			throws IOException {
		write("db/migrations/20240101000000_create_notes.sql", "CREATE TABLE notes (id INT);\n");
		MigrationIndex before = build("classpath:db/migrations");
		write("db/migrations/20240101000000_create_notes.sql", "CREATE TABLE notes (id BIGINT);\n");
		MigrationIndex after = build("classpath:db/migrations");
		assertThat(checksumOf(before)).isNotEqualTo(checksumOf(after));
		assertThat(checksumOf(after)).isEqualTo(
				MigrationEntry
					.buildDescriptors(new SqlMigrationSource(List.of("classpath:db/migrations"), this.classLoader,
							SqlStatementSplitter.standard())
						.load())
					.get(0)
					.checksum());
	}

	@Test
	void aVendorLocationIsIndexedForEachDatabaseUnderTheLocationThatNamesItsFolder() throws IOException {
		write("db/migrations/h2/20240101000000_create_notes.sql", "CREATE TABLE notes_h2 (id INT);\n");
		write("db/migrations/postgresql/20240101000000_create_notes.sql", "CREATE TABLE notes_pg (id INT);\n");
		MigrationIndex index = MigrationIndex
			.read(new StringReader(build("classpath:db/migrations/{vendor}", "filesystem:elsewhere").text()));
		this.classLoader.listings = 0;
		assertThat(index.locations())
			.contains("classpath:db/migrations/h2", "classpath:db/migrations/postgresql",
					"classpath:db/migrations/mariadb")
			.noneMatch((location) -> location.startsWith("filesystem:"));
		this.classLoader.reads = 0;
		List<MigrationEntry> postgresql = index
			.load(List.of("classpath:db/migrations/{vendor}"), "postgresql", SqlStatementSplitter.postgresql(),
					this.classLoader)
			.migrations();
		assertThat(postgresql).singleElement()
			.extracting(MigrationEntry::source)
			.isEqualTo("classpath:db/migrations/postgresql/20240101000000_create_notes.sql");
		assertThat(index
			.load(List.of("classpath:db/migrations/{vendor}"), "mariadb", SqlStatementSplitter.mysql(),
					this.classLoader)
			.migrations()).isEmpty();
		assertThat(this.classLoader.reads).isZero();
		assertThat(this.classLoader.listings).as("locations listed").isZero();
	}

	@Test
	void aLocationTheIndexDoesNotListIsListedAsWithoutAnIndex() throws IOException {
		write("db/migrations/20240101000000_create_notes.sql", "CREATE TABLE notes (id INT);\n");
		write("db/extra/20240102000000_create_tags.sql", "CREATE TABLE tags (id INT);\n");
		MigrationIndex index = build("classpath:db/migrations");
		List<MigrationEntry> loaded = index
			.load(List.of("classpath:db/migrations", "classpath:db/extra"), "h2", SqlStatementSplitter.standard(),
					this.classLoader)
			.migrations();
		assertThat(loaded).extracting(MigrationEntry::source)
			.containsExactlyInAnyOrder("classpath:db/migrations/20240101000000_create_notes.sql",
					"classpath:db/extra/20240102000000_create_tags.sql");
	}

	@Test
	void squashesAreIndexedAndTheirFileIsReadOnlyWhenLoaded() throws IOException {
		write("db/migrations/20240101000000_create_notes.sql", "CREATE TABLE notes (id INT);\n");
		String checksum = checksumOf(build("classpath:db/migrations"));
		write("db/migrations/squash/m_20240101000000_create_notes.h2.squash.sql",
				SquashFile.text("h2", List.of(new SquashFile.Part(MigrationId.parse("m_20240101000000_create_notes"),
						checksum, "x", true, "CREATE TABLE notes (id INT);"))));
		MigrationIndex index = MigrationIndex.read(new StringReader(build("classpath:db/migrations").text()));
		this.classLoader.reads = 0;
		SquashFile squash = index
			.load(List.of("classpath:db/migrations"), "h2", SqlStatementSplitter.standard(), this.classLoader)
			.squashes()
			.get(0);
		assertThat(squash.dialect()).isEqualTo("h2");
		assertThat(squash.replaced()).containsEntry(MigrationId.parse("m_20240101000000_create_notes"), checksum);
		assertThat(this.classLoader.reads).isZero();
		assertThat(squash.entry().migration().transactional()).isTrue();
		assertThat(this.classLoader.reads).isEqualTo(1);
	}

	@Test
	void theIndexIsTextWithAVersionLine() throws IOException {
		write("db/migrations/20240101000000_create_notes.sql", "CREATE TABLE notes (id INT);\n");
		String text = build("classpath:db/migrations").text();
		assertThat(text.lines().filter((line) -> !line.startsWith("#")).toList()).startsWith(
				"migrations-index\t1\tUTF-8", "location\tclasspath:db/migrations\th2,mariadb,mysql,postgresql,sqlite");
		assertThat(text).contains("migration\tm_20240101000000_create_notes\tv1:");
		assertThat(MigrationIndex.read(new StringReader(text)).text()).isEqualTo(text);
	}

	@Test
	void anIndexOfAnotherVersionIsRefusedNamingTheVersions() {
		assertThatExceptionOfType(MigrationDefinitionException.class)
			.isThrownBy(() -> MigrationIndex.read(new StringReader("migrations-index\t2\tUTF-8\n")))
			.withMessageContaining("version 2")
			.withMessageContaining("reads version 1");
	}

	@Test
	void aMalformedIndexIsRefusedNamingTheLine() {
		assertThatExceptionOfType(MigrationDefinitionException.class)
			.isThrownBy(() -> MigrationIndex
				.read(new StringReader("migrations-index\t1\tUTF-8\nlocation\tclasspath:x\th2\nsomething else\n")))
			.withMessageContaining("line 3");
	}

	@Test
	void findReadsTheIndexAnApplicationCarries() throws IOException {
		write("db/migrations/20240101000000_create_notes.sql", "CREATE TABLE notes (id INT);\n");
		assertThat(MigrationIndex.find(this.classLoader)).isNull();
		write(MigrationIndex.RESOURCE, build("classpath:db/migrations").text());
		MigrationIndex found = MigrationIndex.find(this.classLoader);
		assertThat(found).isNotNull();
		assertThat(found.locations()).containsExactly("classpath:db/migrations");
	}

	@Test
	void checksumsAreThoseTheMigrationsLoadWithByTheIdsALedgerRecords() throws IOException {
		write("db/migrations/20240101000000_create_notes.sql", "CREATE TABLE notes (id INT);\n");
		write("db/migrations/20240102000000_create_tags.sql", "CREATE TABLE tags (id INT);\n");
		MigrationIndex index = MigrationIndex.read(new StringReader(build("classpath:db/migrations").text()));
		Map<String, String> loaded = new HashMap<>();
		MigrationEntry
			.buildDescriptors(index
				.load(List.of("classpath:db/migrations"), "h2", SqlStatementSplitter.standard(), this.classLoader)
				.migrations())
			.forEach((descriptor) -> loaded.put(descriptor.id().toString(), descriptor.checksum()));
		assertThat(loaded).containsOnlyKeys("m_20240101000000_create_notes", "m_20240102000000_create_tags");
		assertThat(index.checksums(List.of("classpath:db/migrations"), null)).isEqualTo(loaded);
		assertThat(index.checksums(List.of("classpath:db/migrations", "classpath:db/migrations"), "postgresql"))
			.isEqualTo(loaded);
	}

	@Test
	void checksumsAreNotToldWhereTheIndexAloneCannotTellThem() throws IOException {
		write("db/migrations/20240101000000_create_notes.sql", "CREATE TABLE notes (id INT);\n");
		write("db/vendor/h2/20240102000000_create_tags.sql", "CREATE TABLE tags (id INT);\n");
		write("db/squashed/20240101000000_create_notes.sql", "CREATE TABLE notes (id INT);\n");
		String checksum = checksumOf(build("classpath:db/migrations"));
		write("db/squashed/squash/m_20240101000000_create_notes.h2.squash.sql",
				SquashFile.text("h2", List.of(new SquashFile.Part(MigrationId.parse("m_20240101000000_create_notes"),
						checksum, "x", true, "CREATE TABLE notes (id INT);"))));
		MigrationIndex index = build("classpath:db/migrations", "classpath:db/vendor/{vendor}", "classpath:db/squashed",
				"filesystem:" + this.directory.resolve("db/migrations"));
		assertThat(index.checksums(List.of("classpath:db/vendor/{vendor}"), null)).as("vendor, database unknown")
			.isNull();
		assertThat(index.checksums(List.of("classpath:db/vendor/{vendor}"), "h2")).as("vendor, on H2")
			.containsOnlyKeys("m_20240102000000_create_tags");
		assertThat(index.checksums(List.of("classpath:db/vendor/{vendor}"), "postgresql")).as("vendor, on PostgreSQL")
			.isEmpty();
		assertThat(index.checksums(List.of("classpath:db/squashed"), "h2")).as("squashes").isNull();
		assertThat(index.checksums(List.of("filesystem:" + this.directory.resolve("db/migrations")), "h2"))
			.as("filesystem")
			.isNull();
		assertThat(index.checksums(List.of("classpath:db/other"), null)).as("not indexed").isNull();
		assertThat(index.checksums(List.of("classpath:db/migrations", "classpath:db/vendor/{vendor}"), "h2")).as("both")
			.hasSize(2);
	}

	@Test
	void anIndexWithWindowsLineEndsReadsAsWritten() throws IOException {
		write("db/migrations/20240101000000_create_notes.sql", "CREATE TABLE notes (id INT);\n");
		String text = build("classpath:db/migrations").text();
		MigrationIndex windows = MigrationIndex.read(new StringReader(text.replace("\n", "\r\n")));
		assertThat(windows.text()).isEqualTo(text);
		assertThat(windows.checksums(List.of("classpath:db/migrations"), "h2"))
			.isEqualTo(MigrationIndex.read(new StringReader(text)).checksums(List.of("classpath:db/migrations"), "h2"))
			.containsOnlyKeys("m_20240101000000_create_notes");
	}

	@Test
	void aMalformedMigrationLineIsRefusedWhenItsMigrationsAreNeeded() throws IOException {
		MigrationIndex index = MigrationIndex.read(new StringReader(
				"migrations-index\t1\tUTF-8\nlocation\tclasspath:x\th2\nmigration\tm_20240101000000_a\n"));
		assertThatExceptionOfType(MigrationDefinitionException.class)
			.isThrownBy(() -> index.checksums(List.of("classpath:x"), "h2"))
			.withMessageContaining("a migration line must have 6 fields");
		assertThatExceptionOfType(MigrationDefinitionException.class)
			.isThrownBy(
					() -> index.load(List.of("classpath:x"), "h2", SqlStatementSplitter.standard(), this.classLoader))
			.withMessageContaining("a migration line must have 6 fields");
	}

	@Test
	void aShortMigrationLineIsNotReadOnIntoTheNextLine() throws IOException {
		MigrationIndex index = MigrationIndex.read(new StringReader(
				"migrations-index\t1\tUTF-8\n" + "location\tclasspath:x\th2\nmigration\tm_20240101000000_a\tv1:aa\n"
						+ "migration\tm_20240102000000_b\tv1:bb\t-\tclasspath:x/b.sql\tclasspath:x/b.sql\n"));
		assertThatExceptionOfType(MigrationDefinitionException.class)
			.isThrownBy(() -> index.checksums(List.of("classpath:x"), "h2"))
			.withMessageContaining("a migration line must have 6 fields: migration\tm_20240101000000_a\tv1:aa")
			.withMessageNotContaining("m_20240102000000_b");
	}

	@Test
	void theIndexUsesTheSplitterOfEachDialect() {
		assertThat(MigrationIndex.databases()).containsExactly("h2", "mariadb", "mysql", "postgresql", "sqlite");
		for (Dialect dialect : List.of(Dialects.forProduct("H2", "2.3"), Dialects.forProduct("MariaDB", "10.11"),
				Dialects.forProduct("MySQL", "8.4"), Dialects.forProduct("PostgreSQL", "15"),
				Dialects.forProduct("SQLite", "3.46"))) {
			assertThat(IndexBuilder.splitter(dialect.name())).as(dialect.name()).isSameAs(dialect.splitter());
		}
	}

	private String checksumOf(MigrationIndex index) {
		return MigrationEntry
			.buildDescriptors(index
				.load(List.of("classpath:db/migrations"), "h2", SqlStatementSplitter.standard(), this.classLoader)
				.migrations())
			.get(0)
			.checksum();
	}

	private MigrationIndex build(String... locations) {
		return MigrationIndex.build(List.of(locations), this.classLoader, StandardCharsets.UTF_8);
	}

	private void write(String path, String text) throws IOException {
		Path file = this.directory.resolve(path);
		Files.createDirectories(file.getParent());
		Files.writeString(file, text);
	}

	/**
	 * A class loader of a directory that counts the scripts it is asked for and the
	 * directories it is asked to list.
	 */
	static final class ReadCountingClassLoader extends URLClassLoader {

		int reads;

		int listings;

		ReadCountingClassLoader(Path directory) throws IOException {
			super(new URL[] { directory.toUri().toURL() }, MigrationIndexTests.class.getClassLoader());
		}

		@Override
		public Enumeration<URL> getResources(String name) throws IOException {
			if (name.endsWith(".sql")) {
				this.reads++;
			}
			else if (name.startsWith("db/")) {
				this.listings++;
			}
			return super.getResources(name);
		}

		@Override
		public URL getResource(String name) {
			if (name.endsWith(".sql")) {
				this.reads++;
			}
			return super.getResource(name);
		}

	}

}
