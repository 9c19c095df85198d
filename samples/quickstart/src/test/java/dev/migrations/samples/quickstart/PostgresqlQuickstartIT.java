package dev.migrations.samples.quickstart;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import dev.migrations.testing.DatabaseKind;
import dev.migrations.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The quickstart with the {@code postgres} profile, pointed at a fresh PostgreSQL
 * database through {@code JDBC_DATABASE_URL}.
 */
class PostgresqlQuickstartIT extends QuickstartConformanceIT {

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
	List<String> arguments() {
		return List.of("--spring.profiles.active=postgres");
	}

	@Override
	Map<String, String> environment() {
		return Map.of("JDBC_DATABASE_URL", this.database.url());
	}

	@Override
	Connection connect() throws SQLException {
		return DriverManager.getConnection(this.database.url());
	}

	@Override
	String databaseName() {
		return "PostgreSQL";
	}

}
