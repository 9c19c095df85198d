package dev.migrations.samples.quickstart;

import dev.migrations.MigrationState;
import dev.migrations.MigrationStatus;
import dev.migrations.runner.MigrationRunner;
import dev.migrations.test.spring.AutoConfigureMigratedDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The notes service on a fresh copy of a migrated template per test class, on an
 * in-memory H2 database: the template holds every migration, the Java one between the SQL
 * files included, so the starter applies nothing at startup, and what one class writes
 * the next does not see.
 */
@SpringBootTest
@AutoConfigureMigratedDatabase(url = "jdbc:h2:mem:quickstart")
abstract class MigratedNotesTestCase {

	@Autowired
	private NotesController notes;

	@Autowired
	private MigrationRunner runner;

	@Test
	void startsFromTheWelcomeNotesAndWritesToItsOwnCopy() {
		assertThat(this.runner.status())
			.extracting((status) -> status.id().toString(), MigrationStatus::state, MigrationStatus::batch)
			.containsExactly(tuple("m_20241201000000_create_notebooks", MigrationState.APPLIED, 1),
					tuple("m_20241201000100_create_notes", MigrationState.APPLIED, 1),
					tuple("m_20241201000200_add_pinned_to_notes", MigrationState.APPLIED, 1),
					tuple("m_20241201000300_seed_welcome_notes", MigrationState.APPLIED, 1));
		assertThat(this.notes.list()).extracting(Note::title, Note::pinned)
			.containsExactly(tuple("Welcome", true), tuple("See what ran", false));
		this.notes.create(new NewNote("Getting started", "Written by " + getClass().getSimpleName(), null));
		assertThat(this.notes.list()).hasSize(3);
	}

}
