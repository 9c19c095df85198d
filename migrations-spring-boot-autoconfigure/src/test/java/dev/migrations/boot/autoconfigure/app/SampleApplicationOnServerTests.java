package dev.migrations.boot.autoconfigure.app;

import java.util.List;

import javax.sql.DataSource;

import dev.migrations.testing.DatabaseKind;
import dev.migrations.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample application on a fresh database of a database server: each subclass creates
 * its database in a {@code @DynamicPropertySource} method with {@link #use} and drops it
 * after its tests. Each names its server with {@code @OnDatabase}, so that a server that
 * is not available skips its tests before the application context is loaded.
 */
@SpringBootTest
@DirtiesContext
abstract class SampleApplicationOnServerTests {

	@Autowired
	private UserCount userCount;

	@Autowired
	private FirstUserEmail firstUserEmail;

	@Autowired
	private UserRepository users;

	@Autowired
	private DataSource dataSource;

	static TestDatabase use(DatabaseKind kind, DynamicPropertyRegistry registry) {
		TestDatabase database = TestDatabase.create(kind);
		registry.add("spring.datasource.url", database::url);
		return database;
	}

	/**
	 * The database the subclass created.
	 * @return the database
	 */
	abstract TestDatabase database();

	/**
	 * Assert that {@code SELECT version()} names the expected server.
	 * @param version what the server reported
	 */
	abstract void assertServerVersion(String version);

	/**
	 * The query that returns the name of the current database.
	 * @return the query
	 */
	abstract String currentDatabaseQuery();

	@Test
	void beansThatReadTheDatabaseAtStartupSeeTheMigratedSchema() {
		assertThat(this.userCount.getCountAtStartup()).isEqualTo(1);
		assertThat(this.firstUserEmail.getEmail()).isEqualTo("ada@example.com");
		assertThat(this.users.findAll()).extracting(User::getEmail).containsExactly("ada@example.com");
	}

	@Test
	void migrationsRanOnTheServerInTheFreshDatabase() {
		JdbcTemplate jdbc = new JdbcTemplate(this.dataSource);
		assertServerVersion(jdbc.queryForObject("SELECT version()", String.class));
		assertThat(jdbc.queryForObject(currentDatabaseQuery(), String.class)).isEqualTo(databaseName());
		List<String> ids = jdbc.queryForList("SELECT id FROM migrations_ledger ORDER BY id", String.class);
		assertThat(ids).containsExactly("m_20241201000000_create_users_table", "m_20241201000100_insert_first_user");
		assertThat(database().tables()).contains("users", "migrations_ledger");
	}

	private String databaseName() {
		String url = database().url();
		String path = url.substring(url.lastIndexOf('/') + 1);
		int query = path.indexOf('?');
		return (query >= 0) ? path.substring(0, query) : path;
	}

}
