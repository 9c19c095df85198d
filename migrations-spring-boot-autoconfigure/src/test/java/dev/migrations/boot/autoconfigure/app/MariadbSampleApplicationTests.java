package dev.migrations.boot.autoconfigure.app;

import dev.migrations.testing.DatabaseKind;
import dev.migrations.testing.OnDatabase;
import dev.migrations.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample application on a fresh MariaDB database (DDL commits implicitly).
 */
@OnDatabase(DatabaseKind.MARIADB)
class MariadbSampleApplicationTests extends SampleApplicationOnServerTests {

	private static TestDatabase database;

	@DynamicPropertySource
	static void mariadb(DynamicPropertyRegistry registry) {
		database = use(DatabaseKind.MARIADB, registry);
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
	void assertServerVersion(String version) {
		assertThat(version).containsIgnoringCase("MariaDB");
	}

	@Override
	String currentDatabaseQuery() {
		return "SELECT database()";
	}

}
