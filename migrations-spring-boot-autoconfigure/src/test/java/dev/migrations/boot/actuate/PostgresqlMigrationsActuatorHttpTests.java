package dev.migrations.boot.actuate;

import java.util.List;

import javax.sql.DataSource;

import dev.migrations.testing.DatabaseKind;
import dev.migrations.testing.OnDatabase;
import dev.migrations.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link MigrationsActuatorHttpTests} on a fresh PostgreSQL database, migrated through a
 * {@code migrations.url} that carries a password and a {@code migrations.password}:
 * neither may appear in a response. Without a server ({@link OnDatabase}) the tests are
 * skipped before the application context loads.
 */
@OnDatabase(DatabaseKind.POSTGRESQL)
class PostgresqlMigrationsActuatorHttpTests extends MigrationsActuatorHttpTests {

	private static final String URL_PASSWORD = "Url-Pa55word-4711";

	private static final String PROPERTY_PASSWORD = "Property-Pa55word-0815";

	private static TestDatabase database;

	@DynamicPropertySource
	static void postgresql(DynamicPropertyRegistry registry) {
		database = TestDatabase.create(DatabaseKind.POSTGRESQL);
		ObservedDatabase.seed(database.dataSource());
		String url = database.url();
		registry.add("spring.datasource.url", () -> url);
		registry.add("migrations.url", () -> url + (url.contains("?") ? "&" : "?") + "password=" + URL_PASSWORD);
		registry.add("migrations.password", () -> PROPERTY_PASSWORD);
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

	@Override
	String databaseProduct() {
		return "PostgreSQL";
	}

	@Override
	List<String> secrets() {
		return List.of(URL_PASSWORD, PROPERTY_PASSWORD);
	}

}
