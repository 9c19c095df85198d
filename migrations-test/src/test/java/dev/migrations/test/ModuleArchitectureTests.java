package dev.migrations.test;

import dev.migrations.architecture.ModuleRules;
import org.junit.jupiter.api.Test;

/**
 * The test module uses the core's API, not its internals.
 */
class ModuleArchitectureTests {

	@Test
	void theTestModuleDoesNotUseTheCoresInternals() {
		ModuleRules.internalStaysInTheCore().check(ModuleRules.classesOf("dev.migrations.test"));
	}

}
