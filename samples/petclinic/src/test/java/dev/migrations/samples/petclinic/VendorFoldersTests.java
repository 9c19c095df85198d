package dev.migrations.samples.petclinic;

import dev.migrations.MigrationDefinitionException;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The sample's three folders, one per database, read without {@code {vendor}}: the
 * recursive scan finds every migration three times, and start-up stops on the duplicate
 * id with advice to read only the folder of the database migrated.
 */
class VendorFoldersTests {

	@Test
	void startingWithTheParentLocationFailsWithADuplicateIdThatSuggestsVendor() {
		SpringApplication application = new SpringApplication(PetClinicApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		Throwable failure = catchThrowable(() -> application.run("--migrations.locations=classpath:db/migrations"));
		assertThat(failure).isNotNull();
		assertThat(migrationDefinitionException(failure)).as("the cause of the start-up failure")
			.isNotNull()
			.satisfies((ex) -> assertThat(ex.getMessage())
				.contains("Duplicate migration id m_20250301000000_create_vets")
				.containsPattern("defined by classpath:db/migrations/(h2|mariadb|postgresql)/"
						+ "20250301000000_create_vets.up.sql and by classpath:db/migrations/(h2|mariadb|postgresql)/"
						+ "20250301000000_create_vets.up.sql")
				.contains("point the locations at classpath:db/migrations/{vendor}"));
	}

	private static MigrationDefinitionException migrationDefinitionException(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof MigrationDefinitionException definition) {
				return definition;
			}
		}
		return null;
	}

}
