package dev.migrations.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tests that run migration commands in a process of their own: each test gets a fresh
 * database of the kind the concrete subclass names with {@link OnDatabase}, one that
 * several processes can open at once ({@link TestDatabase#createShared}), dropped after
 * the test, and an empty {@code migrations} directory.
 */
@DisplayNameGeneration(DatabaseDisplayNames.class)
public abstract class ProcessDatabaseTests {

	/** A temporary directory for the test. */
	@TempDir
	protected Path directory;

	/** The test's database. */
	protected TestDatabase database;

	/** The migrations directory, inside {@link #directory}. */
	protected Path migrations;

	@BeforeEach
	void createDatabase() throws IOException {
		this.database = TestDatabase.createShared(getClass().getAnnotation(OnDatabase.class).value());
		this.migrations = Files.createDirectories(this.directory.resolve("migrations"));
	}

	@AfterEach
	void dropDatabase() {
		if (this.database != null) {
			this.database.close();
		}
	}

}
