package dev.migrations.boot.actuate;

import javax.sql.DataSource;

import dev.migrations.testing.DatabaseKind;
import dev.migrations.testing.OnDatabase;
import dev.migrations.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link MigrationsDriftHttpTests} on a fresh MariaDB database, whose shadow is a
 * temporary database on the same server; without a server ({@link OnDatabase}) the tests
 * are skipped before the application context loads.
 */
@OnDatabase(DatabaseKind.MARIADB)
class MariadbMigrationsDriftHttpTests extends MigrationsDriftHttpTests {

	private static TestDatabase database;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		database = TestDatabase.create(DatabaseKind.MARIADB);
		registry.add("spring.datasource.url", database::url);
	}

	@AfterAll
	static void dropDatabase() {
		if (database != null) {
			database.close();
		}
	}

	@Override
	DataSource dataSource() {
		return database.dataSource();
	}

}
