package dev.migrations.maven;

import dev.migrations.architecture.ModuleRules;
import org.junit.jupiter.api.Test;

/**
 * The Maven plugin uses the core's API, not its internals.
 */
class ModuleArchitectureTests {

	@Test
	void thePluginDoesNotUseTheCoresInternals() {
		ModuleRules.internalStaysInTheCore().check(ModuleRules.classesOf("dev.migrations.maven"));
	}

}
