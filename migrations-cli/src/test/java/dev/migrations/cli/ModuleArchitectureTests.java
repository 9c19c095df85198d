package dev.migrations.cli;

import dev.migrations.architecture.ModuleRules;
import org.junit.jupiter.api.Test;

/**
 * The standalone jar uses the core's API, not its internals.
 */
class ModuleArchitectureTests {

	@Test
	void theStandaloneJarDoesNotUseTheCoresInternals() {
		ModuleRules.internalStaysInTheCore().check(ModuleRules.classesOf("dev.migrations.cli"));
	}

}
