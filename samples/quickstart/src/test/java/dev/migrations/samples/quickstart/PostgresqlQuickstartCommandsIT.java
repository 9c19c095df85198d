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
		this.database.close();
	}

	@Override
	List<String> databaseArguments() {
		return List.of("--spring.datasource.url=" + this.database.url());
	}

}
