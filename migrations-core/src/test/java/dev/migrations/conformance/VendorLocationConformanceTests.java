package dev.migrations.conformance;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.sql.DataSource;

import dev.migrations.MigrationDefinitionException;
import dev.migrations.runner.MigrationRunner;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Migrations written once per database, in folders named after the databases: a location
 * with {@code {vendor}} reads only the folder of the database migrated, on every
 * database.
 */
abstract class VendorLocationConformanceTests extends FreshDatabaseTests {

	private static final String CREATE_NOTES = "20240101000000_create_notes.sql";

	@Test
	void aVendorLocationAppliesOnlyTheMigrationsOfTheDatabaseMigrated() throws IOException {
		writeForEachDatabase();
		MigrationRunner runner = runner("filesystem:" + migrations() + "/{vendor}");
		String database = runner.dialect().name();
		assertThat(runner.applyAll().migrations()).hasSize(1);
		assertThat(this.database.queryForLong("SELECT COUNT(*) FROM notes_" + database)).isZero();
		assertThat(runner.status()).singleElement()
			.satisfies((status) -> assertThat(status.source())
				.isEqualTo("filesystem:" + migrations() + "/" + database + "/" + CREATE_NOTES));
	}

	@Test
	void aDatabaseLocationIsTheSameAsAVendorLocation() throws IOException {
		writeForEachDatabase();
		MigrationRunner runner = runner("filesystem:" + migrations() + "/{database}");
		assertThat(runner.applyAll().migrations()).hasSize(1);
		assertThat(this.database.queryForLong("SELECT COUNT(*) FROM notes_" + runner.dialect().name())).isZero();
	}

	@Test
	void readingEveryDatabasesFolderAtOnceStopsOnADuplicateThatSuggestsVendor() throws IOException {
		writeForEachDatabase();
		assertThatExceptionOfType(MigrationDefinitionException.class)
			.isThrownBy(() -> runner("filesystem:" + migrations()))
			.withMessageContaining("Duplicate migration id m_20240101000000_create_notes: defined by filesystem:"
					+ migrations() + "/h2/" + CREATE_NOTES + " and by filesystem:" + migrations() + "/postgresql/"
					+ CREATE_NOTES)
			.withMessageContaining("point the locations at filesystem:" + migrations() + "/{vendor}");
	}

	@Test
	void aClassPathVendorLocationReadsTheFolderOfTheDatabaseBesideACommonOne() throws IOException {
		writeForEachDatabase();
		Files.createDirectories(migrations().resolve("common"));
		Files.writeString(migrations().resolve("common").resolve("20240102000000_create_tags.sql"),
				"CREATE TABLE tags (id INT);\n");
		ClassLoader previous = Thread.currentThread().getContextClassLoader();
		try (URLClassLoader resources = new URLClassLoader(new URL[] { this.directory.toUri().toURL() }, previous)) {
			Thread.currentThread().setContextClassLoader(resources);
			DataSource dataSource = this.database.dataSource();
			MigrationRunner runner = MigrationRunner.builder(dataSource)
				.locations("classpath:db/migrations/{vendor}", "classpath:db/migrations/common")
				.build();
			assertThat(runner.applyAll().migrations()).hasSize(2);
			assertThat(this.database.queryForLong("SELECT COUNT(*) FROM notes_" + runner.dialect().name())).isZero();
			assertThat(this.database.queryForLong("SELECT COUNT(*) FROM tags")).isZero();
		}
		finally {
			Thread.currentThread().setContextClassLoader(previous);
		}
	}

	private MigrationRunner runner(String location) {
		return MigrationRunner.builder(this.database.dataSource()).locations(List.of(location)).build();
	}

	private Path migrations() {
		return this.directory.resolve("db").resolve("migrations");
	}

	private void writeForEachDatabase() throws IOException {
		for (String database : List.of("h2", "postgresql")) {
			Path folder = Files.createDirectories(migrations().resolve(database));
			Files.writeString(folder.resolve(CREATE_NOTES), "CREATE TABLE notes_" + database + " (id INT);\n");
		}
	}

}
