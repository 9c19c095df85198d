package dev.migrations.test.spring.examples;

import dev.migrations.test.CopyMode;
import dev.migrations.test.spring.AutoConfigureMigratedDatabase;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jpa.test.autoconfigure.TestEntityManager;
import org.springframework.test.annotation.Commit;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;

@DataJpaTest(properties = "migrations.locations=classpath:db/testmod/notes")
@AutoConfigureMigratedDatabase(mode = CopyMode.PER_METHOD)
@TestMethodOrder(MethodOrderer.MethodName.class)
@DirtiesContext
class JpaSliceTests {

	@Autowired
	private TestEntityManager entityManager;

	@Test
	@Commit
	void aCommitsANote() {
		CopyNames.rememberDatabase(this.entityManager.getEntityManager()
			.unwrap(org.hibernate.Session.class)
			.doReturningWork((connection) -> connection.getCatalog()));
		assertThat(this.entityManager.find(Note.class, 1).getBody()).isEqualTo("seed");
		this.entityManager.persistAndFlush(new Note(2, "committed"));
	}

	@Test
	void bDoesNotSeeTheNoteOfTheMethodBefore() {
		assertThat(this.entityManager.find(Note.class, 2)).isNull();
	}

}
