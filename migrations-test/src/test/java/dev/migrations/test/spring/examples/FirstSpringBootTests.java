package dev.migrations.test.spring.examples;

import dev.migrations.test.spring.AutoConfigureMigratedDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(classes = ExampleApplication.class, properties = "migrations.locations=classpath:db/testmod/notes")
@AutoConfigureMigratedDatabase
class FirstSpringBootTests {

	@Autowired
	private JdbcTemplate jdbcTemplate;

	@Autowired
	private ApplicationContext context;

	@Test
	void startsFromTheMigratedStateAndWrites() {
		CopyNames.remember(this.jdbcTemplate.getDataSource());
		CopyNames.contexts.add(System.identityHashCode(this.context));
		assertThat(this.jdbcTemplate.queryForObject("SELECT COUNT(*) FROM notes", Integer.class)).isEqualTo(1);
		this.jdbcTemplate.update("INSERT INTO notes (id, body) VALUES (2, 'written')");
	}

}
