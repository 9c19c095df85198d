package dev.migrations.boot.autoconfigure.app;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link JdbcTest @JdbcTest} applies migrations to the test database.
 */
@JdbcTest
class JdbcTestSliceTests {

	@Autowired
	private JdbcTemplate jdbcTemplate;

	@Test
	void migrationsRanBeforeTheTest() {
		assertThat(this.jdbcTemplate.queryForObject("SELECT email FROM users WHERE id = 1", String.class))
			.isEqualTo("ada@example.com");
	}

}
