package dev.migrations.conformance;

import java.io.IOException;
import java.io.StringReader;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;

import dev.migrations.MigrationValidationException;
import dev.migrations.runner.MigrationRunner;
import dev.migrations.source.MigrationIndex;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A runner given the index built with the application: nothing is listed or read when
 * nothing is pending, only the pending scripts are read when something is, and applied
 * migrations are validated against the checksums the index carries.
 */
abstract class IndexConformanceTests extends FreshDatabaseTests {

	private static final String LOCATION = "classpath:db/migrations";

	private CountingClassLoader classLoader;

	@BeforeEach
	void createClassLoader() throws IOException {
		this.classLoader = new CountingClassLoader(this.directory);
		write("20240101000000_create_notes.up.sql", "CREATE TABLE notes (id INT PRIMARY KEY);\n");
		write("20240101000000_create_notes.down.sql", "DROP TABLE notes;\n");
		write("20240102000000_create_tags.sql", "CREATE TABLE tags (id INT PRIMARY KEY);\n");
	}

	@AfterEach
	void closeClassLoader() throws IOException {
		this.classLoader.close();
	}

	@Test
	void withTheIndexNothingIsListedOrReadWhenNothingIsPending() {
		MigrationIndex index = index();
		assertThat(runner(index).applyAll().migrations()).hasSize(2);
		this.classLoader.reset();
		MigrationRunner again = runner(index);
		assertThat(again.applyAll().migrations()).isEmpty();
		assertThat(again.status()).hasSize(2);
		assertThat(this.classLoader.reads).as("scripts read").isZero();
		assertThat(this.classLoader.listings).as("locations listed").isZero();
	}

	@Test
	void withTheIndexOnlyThePendingScriptIsRead() throws IOException {
		assertThat(runner(index()).applyAll().migrations()).hasSize(2);
		write("20240103000000_create_labels.sql", "CREATE TABLE labels (id INT PRIMARY KEY);\n");
		MigrationIndex rebuilt = index();
		this.classLoader.reset();
		assertThat(runner(rebuilt).applyAll().migrations()).singleElement()
			.satisfies((applied) -> assertThat(applied.id().toString()).isEqualTo("m_20240103000000_create_labels"));
		assertThat(this.classLoader.reads).as("scripts read").isEqualTo(1);
		assertThat(this.database.queryForLong("SELECT COUNT(*) FROM labels")).isZero();
	}

	@Test
	void aRollbackReadsTheDownScriptOfTheMigrationItUndoes() {
		MigrationIndex index = index();
		runner(index).applyAll(1);
		this.classLoader.reset();
		MigrationRunner runner = runner(index);
		assertThat(runner.rollback().migrations()).hasSize(1);
		assertThat(this.classLoader.reads).as("the .up.sql and .down.sql of create_notes").isEqualTo(2);
		assertThat(runner.applyAll().migrations()).hasSize(2);
	}

	@Test
	void aScriptEditedAfterTheIndexWasBuiltIsNotReadWhileTheIndexNamesItsChecksum() throws IOException {
		MigrationIndex index = index();
		runner(index).applyAll();
		write("20240101000000_create_notes.up.sql", "CREATE TABLE notes (id INT PRIMARY KEY, body TEXT);\n");
		this.classLoader.reset();
		assertThat(runner(index).applyAll().migrations()).isEmpty();
		assertThat(this.classLoader.reads).isZero();
		assertThatExceptionOfType(MigrationValidationException.class).isThrownBy(() -> runner(null).applyAll())
			.satisfies((ex) -> assertThat(ex.getProblems()).singleElement()
				.satisfies(
						(problem) -> assertThat(problem.id().toString()).isEqualTo("m_20240101000000_create_notes")));
	}

	@Test
	void anIndexCarryingAChangedChecksumFailsValidation() throws IOException {
		runner(index()).applyAll();
		write("20240101000000_create_notes.up.sql", "CREATE TABLE notes (id INT PRIMARY KEY, body TEXT);\n");
		MigrationIndex rebuilt = MigrationIndex.read(new StringReader(index().text()));
		this.classLoader.reset();
		assertThatExceptionOfType(MigrationValidationException.class).isThrownBy(() -> runner(rebuilt).applyAll())
			.satisfies((ex) -> assertThat(ex.getProblems()).singleElement()
				.satisfies(
						(problem) -> assertThat(problem.id().toString()).isEqualTo("m_20240101000000_create_notes")));
		assertThat(this.classLoader.reads).as("scripts read to find the edit").isZero();
	}

	private MigrationIndex index() {
		return MigrationIndex.build(List.of(LOCATION), this.classLoader, StandardCharsets.UTF_8);
	}

	private MigrationRunner runner(MigrationIndex index) {
		return MigrationRunner.builder(this.database.dataSource())
			.locations(LOCATION)
			.classLoader(this.classLoader)
			.index(index)
			.build();
	}

	private void write(String name, String text) throws IOException {
		Path file = this.directory.resolve("db/migrations").resolve(name);
		Files.createDirectories(file.getParent());
		Files.writeString(file, text);
	}

	/**
	 * A class loader of the test's directory that counts the scripts it is asked for and
	 * the locations it is asked to list.
	 */
	static final class CountingClassLoader extends URLClassLoader {

		int reads;

		int listings;

		CountingClassLoader(Path directory) throws IOException {
			super(new URL[] { directory.toUri().toURL() }, IndexConformanceTests.class.getClassLoader());
		}

		void reset() {
			this.reads = 0;
			this.listings = 0;
		}

		@Override
		public Enumeration<URL> getResources(String name) throws IOException {
			count(name);
			return super.getResources(name);
		}

		@Override
		public URL getResource(String name) {
			count(name);
			return super.getResource(name);
		}

		private void count(String name) {
			if (name.endsWith(".sql")) {
				this.reads++;
			}
			else if (name.startsWith("db/")) {
				this.listings++;
			}
		}

	}

}
