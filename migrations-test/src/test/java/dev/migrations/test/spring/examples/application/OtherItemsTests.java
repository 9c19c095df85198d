package dev.migrations.test.spring.examples.application;

import dev.migrations.test.spring.AutoConfigureMigratedDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A test class with a context of its own (one more property), on the same template.
 */
@SpringBootTest(classes = ItemsApplication.class,
		properties = { ItemsApplication.LOCATIONS, ItemsApplication.JAVA_PACKAGES, ItemsApplication.PLACEHOLDER,
				ItemsApplication.DEFAULT_NAME, "spring.main.banner-mode=off" })
@AutoConfigureMigratedDatabase
class OtherItemsTests {

	@Autowired
	private JdbcTemplate jdbcTemplate;

	@Test
	void startsFromTheTemplateNotFromTheOtherClassesCopy() {
		assertThat(this.jdbcTemplate.queryForList("SELECT name FROM items ORDER BY id", String.class))
			.containsExactly("seeded", "default");
	}

}
