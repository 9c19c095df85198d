package dev.migrations.boot.actuate;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.migrations.runner.DevelopmentResets;
import dev.migrations.runner.MigrationRunner;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * What the Actuator side can reach, checked on its compiled classes: the development
 * resets, which drop and roll back everything, are not among its write operations and
 * cannot become one without this test failing (see
 * {@code MigrationsWriteOperationsHttpTests} for the same over HTTP).
 */
class MigrationsEndpointReachTests {

	private static final JavaClasses ACTUATE = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("dev.migrations.boot.actuate");

	@Test
	void theActuatorSideNeverReachesTheDevelopmentResets() {
		noClasses().should()
			.dependOnClassesThat()
			.belongToAnyOf(DevelopmentResets.class)
			.orShould()
			.dependOnClassesThat()
			.resideInAPackage("dev.migrations.command")
			.orShould()
			.callMethod(MigrationRunner.class, "resets")
			.because("migrate:reset, migrate:refresh and migrate:fresh are never reachable from the endpoint")
			.check(ACTUATE);
	}

}
