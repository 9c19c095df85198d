package dev.migrations.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The rules a module built on the core keeps, checked by each module's own test.
 */
public final class ModuleRules {

	private ModuleRules() {
	}

	/**
	 * Return the classes of a module, read from its build output.
	 * @param packageName the module's package, such as {@code dev.migrations.boot}
	 * @return the classes
	 */
	public static JavaClasses classesOf(String packageName) {
		return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
			.importPackages(packageName);
	}

	/**
	 * The core's {@code internal} package is the core's own: it may change in any
	 * release, so no class of another module uses it.
	 * @return the rule
	 */
	public static ArchRule internalStaysInTheCore() {
		return noClasses().should()
			.dependOnClassesThat()
			.resideInAPackage("dev.migrations.internal..")
			.because("dev.migrations.internal is the core's own and may change in any release");
	}

}
