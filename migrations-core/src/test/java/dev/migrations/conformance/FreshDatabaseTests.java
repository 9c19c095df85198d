package dev.migrations.conformance;

import java.nio.file.Path;

import dev.migrations.testing.DatabaseDisplayNames;
import dev.migrations.testing.OnDatabase;
import dev.migrations.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.io.TempDir;

/**
 * Conformance tests that give each test a fresh database of the kind the concrete
 * subclass names with {@link OnDatabase}, dropped after the test, and a temporary
 * directory for its migration files.
 */
@DisplayNameGeneration(DatabaseDisplayNames.class)
abstract class FreshDatabaseTests {

	@TempDir
	Path directory;

	TestDatabase database;

	@BeforeEach
	void createDatabase() {
		this.database = TestDatabase.create(getClass().getAnnotation(OnDatabase.class).value());
	}

	@AfterEach
	void dropDatabase() {
		if (this.database != null) {
			this.database.close();
		}
	}

}
