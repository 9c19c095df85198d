package dev.migrations.boot.actuate;

import java.util.Locale;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link MigrationsDriftHttpTests} on an in-memory H2 database; the shadow is a private
 * in-memory database.
 */
class H2MigrationsDriftHttpTests extends MigrationsDriftHttpTests {

	private static DataSource database;

	@DynamicPropertySource
	static void h2(DynamicPropertyRegistry registry) {
		String url = "jdbc:h2:mem:drift_" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1";
		database = new DriverManagerDataSource(url, "sa", "");
		registry.add("spring.datasource.url", () -> url);
	}

	@AfterAll
	static void dropDatabase() {
		if (database != null) {
			new JdbcTemplate(database).execute("SHUTDOWN");
		}
	}

	@Override
	DataSource dataSource() {
		return database;
	}

	@Override
	String name(String name) {
		return name.toUpperCase(Locale.ROOT);
	}

}
