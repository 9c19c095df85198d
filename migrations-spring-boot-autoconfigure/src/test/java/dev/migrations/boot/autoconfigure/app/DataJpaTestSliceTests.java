package dev.migrations.boot.autoconfigure.app;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link DataJpaTest @DataJpaTest} applies migrations to the test database, and Hibernate
 * leaves the migrated schema alone.
 */
@DataJpaTest(
		properties = "migrations.locations=classpath:db/migrations,classpath:dev/migrations/boot/autoconfigure/scanned")
class DataJpaTestSliceTests {

	@Autowired
	private UserRepository users;

	@Autowired
	private JdbcTemplate jdbcTemplate;

	@Test
	void migrationsRanBeforeTheTest() {
		assertThat(this.users.findAll()).extracting(User::getEmail).containsExactly("ada@example.com");
	}

	@Test
	void javaMigrationsFoundByScanningRanWithNoImport() {
		assertThat(this.jdbcTemplate.queryForObject("SELECT text FROM greetings", String.class)).isEqualTo("hello");
	}

}
