package dev.migrations.test.spring.examples.application;

import dev.migrations.MigrationState;
import dev.migrations.MigrationStatus;
import dev.migrations.runner.MigrationRunner;
import dev.migrations.test.spring.AutoConfigureMigratedDatabase;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

@SpringBootTest(classes = ItemsApplication.class,
		properties = { ItemsApplication.LOCATIONS, ItemsApplication.JAVA_PACKAGES, ItemsApplication.PLACEHOLDER,
				ItemsApplication.DEFAULT_NAME })
@AutoConfigureMigratedDatabase
class ItemsTests {

	@Autowired
	private JdbcTemplate jdbcTemplate;

	@Autowired
	private MigrationRunner runner;

	@Test
	void startsFromEveryMigrationOfTheApplicationAndWrites() {
		assertThat(this.runner.status()).extracting((status) -> status.id().toString(), MigrationStatus::state)
			.containsExactly(applied("m_20240301000100_create_items"), applied("m_20240301000200_seed_items"),
					applied("m_20240301000300_add_item_price"), applied("m_20240301000400_add_default_item"));
		assertThat(this.jdbcTemplate.queryForList("SELECT name || ':' || price FROM items ORDER BY id", String.class))
			.containsExactly("seeded:5", "default:5");
		this.jdbcTemplate.update("INSERT INTO items (id, name) VALUES (3, 'written')");
	}

	static Tuple applied(String name) {
		return tuple(name, MigrationState.APPLIED);
	}

}
