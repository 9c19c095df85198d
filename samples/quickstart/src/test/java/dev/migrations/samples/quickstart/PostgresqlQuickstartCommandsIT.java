package dev.migrations.samples.quickstart;

import java.util.List;

import dev.migrations.testing.DatabaseKind;
import dev.migrations.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The quickstart's commands on a fresh PostgreSQL database.
 */
class PostgresqlQuickstartCommandsIT extends QuickstartCommandsConformanceIT {

	private TestDatabase database;

	@BeforeEach
	void createDatabase() {
		this.database = TestDatabase.create(DatabaseKind.POSTGRESQL);
	}

	@AfterEach
	void dropDatabase() {
		// A database that is not available skips the test before it is created
		if (this.database != null) {
			this.database.close();
		}
	}

	@Override
	List<String> databaseArguments() {
		return List.of("--spring.datasource.url=" + this.database.url());
	}

}
