package dev.migrations.test.spring.examples;

import dev.migrations.test.spring.AutoConfigureMigratedDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(properties = "migrations.locations=classpath:db/testmod/notes")
@AutoConfigureMigratedDatabase
class NoteCountTests {

	@Autowired
	private JdbcTemplate jdbcTemplate;

	@Test
	void startsFromTheMigratedNotes() {
		assertThat(this.jdbcTemplate.queryForObject("SELECT COUNT(*) FROM notes", Integer.class)).isEqualTo(1);
	}

}
