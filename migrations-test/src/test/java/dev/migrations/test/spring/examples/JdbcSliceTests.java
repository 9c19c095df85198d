package dev.migrations.test.spring.examples;

import dev.migrations.test.spring.AutoConfigureMigratedDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;

@JdbcTest(properties = "migrations.locations=classpath:db/testmod/notes")
@DirtiesContext
@AutoConfigureMigratedDatabase
class JdbcSliceTests {

	@Autowired
	private JdbcTemplate jdbcTemplate;

	@Test
	void seesTheMigratedTagsThroughTheirView() {
		CopyNames.remember(this.jdbcTemplate.getDataSource());
		assertThat(this.jdbcTemplate.queryForObject("SELECT COUNT(*) FROM tag_names", Integer.class)).isEqualTo(1);
	}

}
