package dev.migrations.boot.autoconfigure.app;

import dev.migrations.testing.DatabaseKind;
import dev.migrations.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The sample application on a fresh PostgreSQL database.
 */
class PostgresqlSampleApplicationTests extends SampleApplicationOnServerTests {

	private static TestDatabase database;

	@DynamicPropertySource
	static void postgresql(DynamicPropertyRegistry registry) {
		database = use(DatabaseKind.POSTGRESQL, registry);
	}

	@AfterAll
	static void dropDatabase() {
		if (database != null) {
			database.close();
		}
	}

	@Override
	TestDatabase database() {
		return database;
	}

	@Override
	String productName() {
		return "PostgreSQL";
	}

	@Override
	String currentDatabaseQuery() {
		return "SELECT current_database()";
	}

}
