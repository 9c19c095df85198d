package dev.migrations.boot.autoconfigure.app;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link DataJpaTest @DataJpaTest} applies migrations to the test database, and Hibernate
 * leaves the migrated schema alone.
 */
@DataJpaTest
class DataJpaTestSliceTests {

	@Autowired
	private UserRepository users;

	@Test
	void migrationsRanBeforeTheTest() {
		assertThat(this.users.findAll()).extracting(User::getEmail).containsExactly("ada@example.com");
	}

}
