package dev.migrations.source;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.migrations.Migration;
import dev.migrations.MigrationDefinitionException;
import dev.migrations.MigrationDescriptor;
import dev.migrations.MigrationEntry;
import dev.migrations.schema.SqlOperation;
import dev.migrations.sql.SqlStatementSplitter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SqlMigrationSourceTests {

	@TempDir
	Path directory;

	@Test
	void readsUpDownPairsAndUpOnlyFilesFromTheFilesystem() throws IOException {
		write("20240101000000_create_users.up.sql", "CREATE TABLE users (id INT);");
		write("20240101000000_create_users.down.sql", "DROP TABLE users;");
		write("20240102000000_seed_users.sql", "INSERT INTO users VALUES (1);\nINSERT INTO users VALUES (2);");
		write("README.md", "not a migration");
		List<MigrationDescriptor> descriptors = load("filesystem:" + this.directory);
		assertThat(descriptors).extracting((descriptor) -> descriptor.id().toString())
			.containsExactly("m_20240101000000_create_users", "m_20240102000000_seed_users");
		MigrationDescriptor users = descriptors.get(0);
		assertThat(users.source()).isEqualTo("filesystem:" + this.directory + "/20240101000000_create_users.up.sql");
		assertThat(users.reversible()).isTrue();
		assertThat(users.down()).extracting((operation) -> ((SqlOperation) operation).sql())
			.containsExactly("DROP TABLE users");
		MigrationDescriptor seed = descriptors.get(1);
		assertThat(seed.reversible()).isFalse();
		assertThat(seed.irreversibleReason()).contains("no .down.sql");
		assertThat(seed.up()).hasSize(2);
		assertThat(((SqlOperation) seed.up().get(1)).line()).isEqualTo(2);
	}

	@Test
	void aFileThatIsNotValidUtf8IsAnErrorNamingTheFileAndTheByteNeverAReplacementCharacter() throws IOException {
		Files.write(this.directory.resolve("20240101000000_latin1.sql"),
				"SELECT 1;\nINSERT INTO words VALUES ('caf\u00e9');".getBytes(StandardCharsets.ISO_8859_1));
		assertThatExceptionOfType(MigrationDefinitionException.class)
			.isThrownBy(() -> load("filesystem:" + this.directory))
			.withMessageContaining("20240101000000_latin1.sql is not valid UTF-8 text: byte offset 40 (line 2)")
			.withMessageContaining("migrations.encoding");
	}

	@Test
	void readsAFileInTheConfiguredEncoding() throws IOException {
		Files.write(this.directory.resolve("20240101000000_latin1.sql"),
				"INSERT INTO words VALUES ('caf\u00e9');".getBytes(StandardCharsets.ISO_8859_1));
		List<MigrationEntry> entries = new SqlMigrationSource(List.of("filesystem:" + this.directory),
				getClass().getClassLoader(), SqlStatementSplitter.standard(), StandardCharsets.ISO_8859_1)
			.load();
		assertThat(((SqlOperation) MigrationEntry.buildDescriptors(entries).get(0).up().get(0)).sql())
			.isEqualTo("INSERT INTO words VALUES ('caf\u00e9')");
	}

	@Test
	void aReplacementCharacterWrittenInAValidFileIsKept() throws IOException {
		write("20240101000000_replacement.sql", "INSERT INTO words VALUES ('\uFFFD');");
		assertThat(((SqlOperation) load("filesystem:" + this.directory).get(0).up().get(0)).sql())
			.isEqualTo("INSERT INTO words VALUES ('\uFFFD')");
	}

	@Test
	void aBinaryFileNamedLikeAMigrationIsRefusedAndOtherBinaryFilesAreIgnored() throws IOException {
		Files.write(this.directory.resolve("logo.png"), new byte[] { (byte) 0x89, 'P', 'N', 'G', 0, 0, 0 });
		write("20240101000000_first.sql", "SELECT 1");
		assertThat(load("filesystem:" + this.directory)).hasSize(1);
		Files.write(this.directory.resolve("20240102000000_binary.sql"), new byte[] { 'S', 'E', 'L', 0, 1, 2 });
		assertThatExceptionOfType(MigrationDefinitionException.class)
			.isThrownBy(() -> load("filesystem:" + this.directory))
			.withMessageContaining("20240102000000_binary.sql is not text: it holds a NUL character");
	}

	@Test
	void readsMigrationsInSubdirectories() throws IOException {
		Files.createDirectories(this.directory.resolve("2024"));
		write("2024/20240101000000_nested.sql", "SELECT 1");
		assertThat(load("filesystem:" + this.directory)).singleElement()
			.satisfies((descriptor) -> assertThat(descriptor.source()).endsWith("/2024/20240101000000_nested.sql"));
	}

	@Test
	void readsMigrationsFromInsideAJarOnTheClasspath() throws IOException {
		Path jar = this.directory.resolve("migrations.jar");
		try (JarOutputStream output = new JarOutputStream(Files.newOutputStream(jar))) {
			// as Maven and Spring Boot write jars: with entries for directories
			for (String directory : List.of("db/", "db/migrations/", "db/other/")) {
				output.putNextEntry(new JarEntry(directory));
				output.closeEntry();
			}
			add(output, "db/migrations/20240101000000_create_users.up.sql", "CREATE TABLE users (id INT)");
			add(output, "db/migrations/20240101000000_create_users.down.sql", "DROP TABLE users");
			add(output, "db/other/20240101000000_elsewhere.sql", "SELECT 1");
		}
		try (URLClassLoader classLoader = new URLClassLoader(new URL[] { jar.toUri().toURL() }, null)) {
			List<MigrationDescriptor> descriptors = MigrationEntry
				.buildDescriptors(new SqlMigrationSource(List.of("classpath:db/migrations"), classLoader,
						SqlStatementSplitter.standard())
					.load());
			assertThat(descriptors).singleElement().satisfies((descriptor) -> {
				assertThat(descriptor.source()).isEqualTo("classpath:db/migrations/20240101000000_create_users.up.sql");
				assertThat(descriptor.reversible()).isTrue();
			});
		}
	}

	@Test
	void readsClasspathDirectories() {
		List<MigrationDescriptor> descriptors = load("classpath:source-tests/migrations");
		assertThat(descriptors).extracting((descriptor) -> descriptor.id().toString())
			.containsExactly("m_20240101000000_first", "m_20240102000000_second");
	}

	@Test
	void readsTheNoTransactionHeader() throws IOException {
		write("20240101000000_concurrent_index.sql",
				"-- builds without locking writes\n-- migrations: no-transaction\nCREATE INDEX CONCURRENTLY i ON t (c);");
		write("20240102000000_normal.sql", "CREATE TABLE t (c INT);\n-- migrations: no-transaction\n");
		List<MigrationDescriptor> descriptors = load("filesystem:" + this.directory);
		assertThat(descriptors.get(0).transactional()).isFalse();
		assertThat(descriptors.get(1).transactional()).isTrue();
	}

	@Test
	void findsTheNoTransactionHeaderAfterLeadingCommentsOfEveryKind() throws IOException {
		List<String> scripts = List.of(
				"/* Builds the index without locking writes. */\n-- migrations: no-transaction\n",
				"/*\n * Builds the index\n * without locking writes.\n */\n\n-- migrations: no-transaction\n",
				"/* outer /* nested */ still a comment */ -- migrations: no-transaction\n",
				"\uFEFF/* one */\r\n-- why\r\n\r\n/* two */\r\n--migrations:No-Transaction\r\n",
				"-- a comment\n/* another */ -- MIGRATIONS:  no-transaction\n");
		for (String header : scripts) {
			Path location = Files.createTempDirectory(this.directory, "header");
			Files.writeString(location.resolve("20240101000000_concurrent_index.sql"),
					header + "CREATE INDEX CONCURRENTLY i ON t (c);\n");
			assertThat(load("filesystem:" + location)).singleElement()
				.satisfies((descriptor) -> assertThat(descriptor.transactional()).as(header).isFalse());
		}
	}

	@Test
	void findsTheNoTransactionHeaderAfterMysqlCommentsAndOnlyWhereMysqlEndsThem() throws IOException {
		write("20240101000000_hash_comment.sql",
				"# maintenance\n/* block */\n-- migrations: no-transaction\nSELECT 1;");
		write("20240102000000_comment_ended_early.sql",
				"/* /* MySQL ends this comment here: */ */\n-- migrations: no-transaction\nSELECT 1;");
		List<MigrationDescriptor> descriptors = MigrationEntry
			.buildDescriptors(new SqlMigrationSource(List.of("filesystem:" + this.directory),
					getClass().getClassLoader(), SqlStatementSplitter.mysql())
				.load());
		assertThat(descriptors).extracting(MigrationDescriptor::transactional).containsExactly(false, true);
	}

	@Test
	void theNoTransactionHeaderCountsOnlyAboveTheFirstStatement() throws IOException {
		write("20240101000000_statement_first.sql", "/* a */ SELECT 1;\n-- migrations: no-transaction\nSELECT 2;");
		write("20240102000000_in_a_block_comment.sql", "/* -- migrations: no-transaction */\nSELECT 1;");
		write("20240103000000_in_a_statement.sql", "SELECT 1 -- migrations: no-transaction\n;");
		assertThat(load("filesystem:" + this.directory)).extracting(MigrationDescriptor::transactional)
			.containsExactly(true, true, true);
	}

	@Test
	void keepsACarriageReturnInsideAStringLiteralWhileTheChecksumIgnoresLineEndings() throws IOException {
		write("20240101000000_crlf.sql", "CREATE TABLE t (v VARCHAR(10));\r\nINSERT INTO t VALUES ('a\r\nb');\r\n");
		MigrationDescriptor crlf = load("filesystem:" + this.directory).get(0);
		assertThat(crlf.up()).extracting((operation) -> ((SqlOperation) operation).sql())
			.containsExactly("CREATE TABLE t (v VARCHAR(10))", "INSERT INTO t VALUES ('a\r\nb')");
		write("20240101000000_crlf.sql", "CREATE TABLE t (v VARCHAR(10));\nINSERT INTO t VALUES ('a\nb');\n");
		assertThat(load("filesystem:" + this.directory).get(0).checksum()).isEqualTo(crlf.checksum());
	}

	@Test
	void aLinkNamedLikeAMigrationWhoseTargetIsMissingIsAnErrorNamingTheLinkAndTheTarget() throws IOException {
		write("20240101000000_first.sql", "SELECT 1");
		Path link = Files.createSymbolicLink(this.directory.resolve("20240102000000_second.sql"),
				Path.of("archive/../moved/20240102000000_second.sql"));
		assertThatExceptionOfType(MigrationDefinitionException.class)
			.isThrownBy(() -> load("filesystem:" + this.directory))
			.withMessageContaining(
					"Migration file " + link + " is a symbolic link to archive/../moved/20240102000000_second.sql ("
							+ this.directory.resolve("moved/20240102000000_second.sql") + "), which does not exist")
			.withMessageContaining("remove the link");
	}

	@Test
	void aLinkNamedLikeAMigrationThatLeadsToAnotherBrokenLinkIsAnError() throws IOException {
		Path target = this.directory.resolve("elsewhere.sql.link");
		Files.createSymbolicLink(target, this.directory.resolve("missing.sql"));
		Path link = Files.createSymbolicLink(this.directory.resolve("20240101000000_first.up.sql"), target);
		assertThatExceptionOfType(MigrationDefinitionException.class)
			.isThrownBy(() -> load("filesystem:" + this.directory))
			.withMessageContaining(
					link + " is a symbolic link to " + target + ", which is itself a link that leads " + "to no file");
	}

	@Test
	void aFileWhoseNameThePlatformEncodingCannotSpellIsReadNotSkipped() throws Exception {
		// The byte 0xE9 (Latin-1 for é) alone is not UTF-8, nor ASCII: java.io cannot
		// spell the name, java.nio keeps its bytes
		Process touch = new ProcessBuilder("sh", "-c",
				"printf 'SELECT 1;' > \"$1/$(printf '20240101000000_caf\\351.sql')\"", "sh", this.directory.toString())
			.start();
		assertThat(touch.waitFor()).isZero();
		assertThatExceptionOfType(MigrationDefinitionException.class)
			.isThrownBy(() -> load("filesystem:" + this.directory))
			.withMessageStartingWith("Malformed migration file name '20240101000000_caf");
	}

	@Test
	void aFileWhoseTimestampIsNoDateIsRefusedNamingTheTimestamp() throws IOException {
		Files.writeString(this.directory.resolve("20250900000000_create_p0.up.sql"), "CREATE TABLE p0 (id INT)");
		assertThatExceptionOfType(MigrationDefinitionException.class)
			.isThrownBy(() -> load("filesystem:" + this.directory))
			.withMessageStartingWith("Malformed migration file name '20250900000000_create_p0.up.sql' in filesystem:")
			.withMessageContaining(": 20250900000000 is not a valid UTC date and time (YYYYMMDDHHMMSS); expected ");
	}

	@Test
	void aFileNamedOtherwiseIsRefusedWithTheFormOnly() throws IOException {
		Files.writeString(this.directory.resolve("2025090_create_p0.sql"), "CREATE TABLE p0 (id INT)");
		assertThatExceptionOfType(MigrationDefinitionException.class)
			.isThrownBy(() -> load("filesystem:" + this.directory))
			.withMessageNotContaining("valid UTC date")
			.withMessageContaining("2025090_create_p0.sql' in filesystem:");
	}

	@Test
	void followsLinksThatResolveAndIgnoresBrokenLinksNotNamedLikeMigrations() throws IOException {
		Path shared = Files.createDirectories(this.directory.resolve("shared"));
		Files.writeString(shared.resolve("create_users.sql"), "CREATE TABLE users (id INT)");
		Path location = Files.createDirectories(this.directory.resolve("migrations"));
		Files.createSymbolicLink(location.resolve("20240101000000_create_users.sql"),
				shared.resolve("create_users.sql"));
		Files.createSymbolicLink(location.resolve("README.md"), shared.resolve("README.md"));
		assertThat(load("filesystem:" + location)).singleElement()
			.satisfies(
					(descriptor) -> assertThat(descriptor.id().toString()).isEqualTo("m_20240101000000_create_users"));
	}

	@Test
	void readsALocationListedTwiceOrSpelledTwoWaysOnce() throws IOException {
		write("20240101000000_first.sql", "SELECT 1");
		Path link = Files.createSymbolicLink(this.directory.resolveSibling(this.directory.getFileName() + "-link"),
				this.directory);
		try {
			String relative = Path.of("").toAbsolutePath().relativize(this.directory).toString();
			List<String> locations = List.of("filesystem:" + this.directory, "filesystem:" + this.directory,
					"filesystem:" + this.directory + "/", "filesystem:" + relative, "filesystem:./" + relative,
					"filesystem:" + this.directory + "/./", "filesystem:" + link);
			List<MigrationDescriptor> descriptors = load(locations);
			assertThat(descriptors).singleElement()
				.satisfies((descriptor) -> assertThat(descriptor.source())
					.isEqualTo("filesystem:" + this.directory + "/20240101000000_first.sql"));
		}
		finally {
			Files.delete(link);
		}
	}

	@Test
	void readsADirectoryThatTwoLocationsReachOnce() throws IOException {
		Path nested = Files.createDirectories(this.directory.resolve("tenants"));
		Files.writeString(nested.resolve("20240101000000_first.sql"), "SELECT 1");
		assertThat(load(List.of("filesystem:" + this.directory, "filesystem:" + nested))).singleElement()
			.satisfies((descriptor) -> assertThat(descriptor.source()).endsWith("/tenants/20240101000000_first.sql"));
		assertThat(load(List.of("filesystem:" + nested, "filesystem:" + this.directory))).singleElement()
			.satisfies((descriptor) -> assertThat(descriptor.source())
				.isEqualTo("filesystem:" + nested + "/20240101000000_first.sql"));
	}

	@Test
	void readsAClasspathLocationListedTwiceOrSpelledTwoWaysOnce() {
		assertThat(load(List.of("classpath:source-tests/migrations", "source-tests/migrations/",
				"classpath:/source-tests//migrations", "classpath:./source-tests/migrations")))
			.extracting((descriptor) -> descriptor.id().toString())
			.containsExactly("m_20240101000000_first", "m_20240102000000_second");
	}

	@Test
	void readsAJarLocationListedTwiceOnce() throws IOException {
		Path jar = this.directory.resolve("migrations.jar");
		try (JarOutputStream output = new JarOutputStream(Files.newOutputStream(jar))) {
			for (String directory : List.of("db/", "db/migrations/", "db/migrations/tenants/")) {
				output.putNextEntry(new JarEntry(directory));
				output.closeEntry();
			}
			add(output, "db/migrations/20240101000000_create_users.sql", "CREATE TABLE users (id INT)");
			add(output, "db/migrations/tenants/20240102000000_create_tenants.sql", "CREATE TABLE tenants (id INT)");
		}
		try (URLClassLoader classLoader = new URLClassLoader(new URL[] { jar.toUri().toURL() }, null)) {
			List<MigrationDescriptor> descriptors = MigrationEntry.buildDescriptors(new SqlMigrationSource(
					List.of("classpath:db/migrations", "classpath:db/migrations/tenants", "db/migrations/"),
					classLoader, SqlStatementSplitter.standard())
				.load());
			assertThat(descriptors).extracting(MigrationDescriptor::source)
				.containsExactly("classpath:db/migrations/20240101000000_create_users.sql",
						"classpath:db/migrations/tenants/20240102000000_create_tenants.sql");
		}
	}

	@Test
	void theSameIdInTwoDifferentLocationsIsStillAnErrorNamingBoth() throws IOException {
		Path first = Files.createDirectories(this.directory.resolve("first"));
		Path second = Files.createDirectories(this.directory.resolve("second"));
		Files.writeString(first.resolve("20240101000000_create_users.sql"), "CREATE TABLE users (id INT)");
		Files.writeString(second.resolve("20240101000000_create_users.sql"), "CREATE TABLE users (id INT)");
		assertThatExceptionOfType(MigrationDefinitionException.class)
			.isThrownBy(() -> load(List.of("filesystem:" + first, "filesystem:" + second, "filesystem:" + first)))
			.withMessageContaining("m_20240101000000_create_users")
			.withMessageContaining("filesystem:" + first + "/20240101000000_create_users.sql")
			.withMessageContaining("filesystem:" + second + "/20240101000000_create_users.sql");
	}

	@Test
	void rejectsAMalformedFileName() throws IOException {
		write("20240101_init.sql", "CREATE TABLE t (id INT)");
		assertThatExceptionOfType(MigrationDefinitionException.class)
			.isThrownBy(() -> load("filesystem:" + this.directory))
			.withMessageContaining("'20240101_init.sql'")
			.withMessageContaining("YYYYMMDDHHMMSS_snake_case_name.up.sql")
			.withMessageNotContaining("Flyway");
	}

	@Test
	void rejectsAFlywayFileNamePointingToTheGuide() throws IOException {
		for (String name : List.of("V1__init.sql", "V2_1__add_phone.sql", "V3.1__seed.sql", "U1__init.sql",
				"R__views.sql")) {
			Path location = Files.createDirectories(this.directory.resolve(name.replace('.', '_')));
			Files.writeString(location.resolve(name), "CREATE TABLE t (id INT)");
			assertThatExceptionOfType(MigrationDefinitionException.class)
				.isThrownBy(() -> load("filesystem:" + location))
				.withMessageContaining("'" + name + "'")
				.withMessageContaining("It is named as Flyway names its migrations: the guide to migrating from "
						+ "Flyway shows how to rename them");
		}
	}

	@Test
	void rejectsAFileThatEndsInUpperCaseSql() throws IOException {
		write("20240101000000_create_t.up.SQL", "CREATE TABLE t (id INT)");
		assertThatExceptionOfType(MigrationDefinitionException.class)
			.isThrownBy(() -> load("filesystem:" + this.directory))
			.withMessageContaining("'20240101000000_create_t.up.SQL'")
			.withMessageContaining("Rename it to end in .sql");
	}

	@Test
	void rejectsADownFileWithoutItsUpFile() throws IOException {
		write("20240101000000_orphan.down.sql", "DROP TABLE t");
		assertThatExceptionOfType(MigrationDefinitionException.class)
			.isThrownBy(() -> load("filesystem:" + this.directory))
			.withMessageContaining("20240101000000_orphan.down.sql has no")
			.withMessageContaining("20240101000000_orphan.up.sql");
	}

	@Test
	void rejectsTheSameIdFromTwoSourcesNamingBoth() throws IOException {
		write("20240101000000_create_users.sql", "CREATE TABLE users (id INT)");
		Migration java = (schema) -> schema.sql("CREATE TABLE users (id INT)");
		List<MigrationEntry> entries = new java.util.ArrayList<>(
				new SqlMigrationSource(List.of("filesystem:" + this.directory), getClass().getClassLoader(),
						SqlStatementSplitter.standard())
					.load());
		entries.add(new MigrationEntry(dev.migrations.MigrationId.parse("20240101000000_create_users"), java,
				"com.example.CreateUsers"));
		assertThatExceptionOfType(MigrationDefinitionException.class)
			.isThrownBy(() -> MigrationEntry.buildDescriptors(entries))
			.withMessageContaining("m_20240101000000_create_users")
			.withMessageContaining("20240101000000_create_users.sql")
			.withMessageContaining("com.example.CreateUsers");
	}

	@Test
	void rejectsAnUpOnlyFileBesideAnUpFileWithTheSameId() throws IOException {
		write("20240101000000_twice.sql", "SELECT 1");
		write("20240101000000_twice.up.sql", "SELECT 2");
		assertThatExceptionOfType(MigrationDefinitionException.class)
			.isThrownBy(() -> load("filesystem:" + this.directory))
			.withMessageContaining("20240101000000_twice.sql")
			.withMessageContaining("20240101000000_twice.up.sql");
	}

	@Test
	void rejectsAnUnterminatedStringNamingTheFile() throws IOException {
		write("20240101000000_broken.sql", "INSERT INTO t VALUES ('oops);");
		assertThatExceptionOfType(MigrationDefinitionException.class)
			.isThrownBy(() -> load("filesystem:" + this.directory))
			.withMessageContaining("20240101000000_broken.sql")
			.withMessageContaining("Unterminated");
	}

	@Test
	void rejectsAMissingFilesystemLocation() {
		assertThatExceptionOfType(MigrationDefinitionException.class)
			.isThrownBy(() -> load("filesystem:" + this.directory.resolve("missing")))
			.withMessageContaining("is not a directory");
	}

	@Test
	void findsNothingInAMissingClasspathLocationAndWarnsUnlessItIsTheDefault() {
		Logger logger = (Logger) LoggerFactory.getLogger(SqlMigrationSource.class);
		ListAppender<ILoggingEvent> events = new ListAppender<>();
		events.start();
		logger.addAppender(events);
		try {
			assertThat(load("classpath:no/such/location")).isEmpty();
			assertThat(load(SqlMigrationSource.DEFAULT_LOCATION)).isEmpty();
			assertThat(load(SqlMigrationSource.DEFAULT_LOCATION + "/reports")).isEmpty();
		}
		finally {
			logger.detachAppender(events);
		}
		assertThat(events.list).filteredOn((event) -> event.getLevel() == Level.WARN)
			.extracting(ILoggingEvent::getFormattedMessage)
			.containsExactly("No migrations found: class path location classpath:no/such/location does not exist; "
					+ "check the configured migration locations");
	}

	@Test
	void vendorAndDatabaseInALocationAreReplacedByTheNameOfTheDatabase() throws IOException {
		writeIn("h2", "20240101000000_create_notes.sql", "CREATE TABLE notes_h2 (id INT);");
		writeIn("postgresql", "20240101000000_create_notes.sql", "CREATE TABLE notes_postgresql (id INT);");
		for (String location : List.of("filesystem:" + this.directory + "/{vendor}",
				"filesystem:" + this.directory + "/{database}")) {
			List<MigrationEntry> entries = new SqlMigrationSource(List.of(location), getClass().getClassLoader(),
					SqlStatementSplitter.standard())
				.withDatabase("postgresql")
				.load();
			assertThat(entries).extracting(MigrationEntry::source)
				.containsExactly("filesystem:" + this.directory + "/postgresql/20240101000000_create_notes.sql");
		}
	}

	@Test
	void aLocationNamingTheDatabaseIsRefusedBySourceThatDoesNotKnowIt() {
		assertThatExceptionOfType(MigrationDefinitionException.class)
			.isThrownBy(() -> load("classpath:db/migrations/{vendor}"))
			.withMessageContaining("Migration location classpath:db/migrations/{vendor} names {vendor}")
			.withMessageContaining("withDatabase");
	}

	@Test
	void aLocationNamingADatabaseWithoutADialectOfItsOwnIsRefused() {
		SqlMigrationSource source = new SqlMigrationSource(List.of("classpath:db/migrations/{database}"),
				getClass().getClassLoader(), SqlStatementSplitter.standard());
		assertThatExceptionOfType(MigrationDefinitionException.class)
			.isThrownBy(() -> source.withDatabase("generic (Apache Derby)"))
			.withMessageContaining("names {database}, but the database (generic (Apache Derby)) has no dialect");
	}

	@Test
	void theSameMigrationInSiblingFoldersNamedAfterDatabasesIsADuplicateThatSuggestsVendor() throws IOException {
		writeIn("h2", "20240101000000_create_notes.sql", "CREATE TABLE notes (id INT);");
		writeIn("postgresql", "20240101000000_create_notes.sql", "CREATE TABLE notes (id INT);");
		assertThatExceptionOfType(MigrationDefinitionException.class)
			.isThrownBy(() -> load("filesystem:" + this.directory))
			.withMessageContaining("Duplicate migration id m_20240101000000_create_notes: defined by filesystem:"
					+ this.directory + "/h2/20240101000000_create_notes.sql and by filesystem:" + this.directory
					+ "/postgresql/20240101000000_create_notes.sql. Rename one of them.")
			.withMessageContaining("they sit in folders named after databases: point the locations at filesystem:"
					+ this.directory + "/{vendor}");
	}

	@Test
	void aDuplicateInFoldersNotNamedAfterDatabasesSuggestsNoVendor() throws IOException {
		writeIn("current", "20240101000000_create_notes.sql", "CREATE TABLE notes (id INT);");
		writeIn("archive", "20240101000000_create_notes.sql", "CREATE TABLE notes (id INT);");
		assertThatExceptionOfType(MigrationDefinitionException.class)
			.isThrownBy(() -> load("filesystem:" + this.directory))
			.withMessageContaining("Duplicate migration id m_20240101000000_create_notes")
			.withMessageNotContaining("{vendor}");
	}

	@Test
	void twoMigrationsWithTheSameTimestampAreLoadedInNameOrderWithAWarningNamingBoth() throws IOException {
		write("20240101000000_create_tags.sql", "CREATE TABLE tags (id INT);");
		write("20240101000000_create_notes.sql", "CREATE TABLE notes (id INT);");
		Logger logger = (Logger) LoggerFactory.getLogger(MigrationEntry.class);
		ListAppender<ILoggingEvent> events = new ListAppender<>();
		events.start();
		logger.addAppender(events);
		try {
			assertThat(load("filesystem:" + this.directory)).extracting((migration) -> migration.id().toString())
				.containsExactly("m_20240101000000_create_notes", "m_20240101000000_create_tags");
		}
		finally {
			logger.detachAppender(events);
		}
		assertThat(events.list).filteredOn((event) -> event.getLevel() == Level.WARN)
			.extracting(ILoggingEvent::getFormattedMessage)
			.singleElement()
			.asString()
			.contains("Migrations m_20240101000000_create_notes and m_20240101000000_create_tags have the same "
					+ "timestamp 20240101000000: defined by filesystem:" + this.directory
					+ "/20240101000000_create_notes.sql and by filesystem:" + this.directory
					+ "/20240101000000_create_tags.sql")
			.contains("Give a migration not yet applied a later timestamp")
			.doesNotContain("{vendor}");
	}

	private void writeIn(String folder, String name, String content) throws IOException {
		Files.createDirectories(this.directory.resolve(folder));
		Files.writeString(this.directory.resolve(folder).resolve(name), content);
	}

	private List<MigrationDescriptor> load(String location) {
		return load(List.of(location));
	}

	private List<MigrationDescriptor> load(List<String> locations) {
		return MigrationEntry.buildDescriptors(
				new SqlMigrationSource(locations, getClass().getClassLoader(), SqlStatementSplitter.standard()).load());
	}

	private void write(String name, String content) throws IOException {
		Files.writeString(this.directory.resolve(name), content);
	}

	private static void add(JarOutputStream output, String name, String content) throws IOException {
		output.putNextEntry(new JarEntry(name));
		OutputStream stream = output;
		stream.write(content.getBytes(StandardCharsets.UTF_8));
		output.closeEntry();
	}

}
