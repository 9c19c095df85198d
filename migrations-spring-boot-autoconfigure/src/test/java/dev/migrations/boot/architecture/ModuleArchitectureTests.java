package dev.migrations.boot.architecture;

import dev.migrations.architecture.ModuleRules;
import org.junit.jupiter.api.Test;

/**
 * The Spring module uses the core's API, not its internals.
 */
class ModuleArchitectureTests {

	@Test
	void theSpringModuleDoesNotUseTheCoresInternals() {
		ModuleRules.internalStaysInTheCore().check(ModuleRules.classesOf("dev.migrations.boot"));
	}

}
