package dev.migrations.boot.autoconfigure.app;

import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample application on an embedded H2 database, with
 * {@code spring.jpa.hibernate.ddl-auto} unset.
 */
@SpringBootTest
class H2SampleApplicationTests {

	@Autowired
	private UserCount userCount;

	@Autowired
	private FirstUserEmail firstUserEmail;

	@Autowired
	private UserRepository users;

	@Autowired
	private EntityManagerFactory entityManagerFactory;

	@Test
	void beansThatReadTheDatabaseAtStartupSeeTheMigratedSchema() {
		assertThat(this.userCount.getCountAtStartup()).isEqualTo(1);
		assertThat(this.firstUserEmail.getEmail()).isEqualTo("ada@example.com");
	}

	@Test
	void hibernateDoesNotCreateDropTheMigratedEmbeddedSchema() {
		// Spring Boot sets the property only for a DDL mode other than "none";
		// create-drop would put it here and would have dropped the migrated row
		assertThat(this.entityManagerFactory.getProperties()).doesNotContainKey("hibernate.hbm2ddl.auto");
		assertThat(this.users.findAll()).extracting(User::getEmail).containsExactly("ada@example.com");
	}

}
