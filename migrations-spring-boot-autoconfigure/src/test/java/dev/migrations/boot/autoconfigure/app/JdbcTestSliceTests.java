package dev.migrations.boot.autoconfigure.app;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link JdbcTest @JdbcTest} applies migrations to the test database, Java migrations
 * found by scanning among them.
 */
@JdbcTest(properties = "migrations.java-packages=dev.migrations.boot.autoconfigure.scanned")
class JdbcTestSliceTests {

	@Autowired
	private JdbcTemplate jdbcTemplate;

	@Test
	void migrationsRanBeforeTheTest() {
		assertThat(this.jdbcTemplate.queryForObject("SELECT email FROM users WHERE id = 1", String.class))
			.isEqualTo("ada@example.com");
	}

	@Test
	void javaMigrationsFoundByScanningRanWithNoImport() {
		assertThat(this.jdbcTemplate.queryForObject("SELECT text FROM greetings", String.class)).isEqualTo("hello");
	}

}
