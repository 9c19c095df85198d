package dev.migrations.architecture;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import dev.migrations.schema.TableOperation;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules of the core's house, checked on its compiled classes: see
 * {@code docs/architecture.md} for the package map they keep.
 */
class ArchitectureTests {

	static final JavaClasses CORE = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("dev.migrations");

	/** Each package of the core is a slice, the root package one of them. */
	static final SliceAssignment PACKAGES = new SliceAssignment() {

		@Override
		public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
			return SliceIdentifier.of(javaClass.getPackageName());
		}

		@Override
		public String getDescription() {
			return "the packages of the core";
		}

	};

	@Test
	void noPackageDependsOnItselfThroughOthers() {
		ArchRule rule = slices().assignedFrom(PACKAGES).should().beFreeOfCycles();
		rule.check(CORE);
	}

	@Test
	void theCoreKnowsNothingOfSpring() {
		ArchRule rule = noClasses().should()
			.dependOnClassesThat()
			.resideInAPackage("org.springframework..")
			.because("the core is plain Java: the Spring module adapts it, not the other way round");
		rule.check(CORE);
	}

	@Test
	void everyTableOperationHasARendering() {
		JavaClass renderer = CORE.get("dev.migrations.dialect.TableRenderer");
		Set<String> handled = renderer.getInstanceofChecks()
			.stream()
			.map((check) -> check.getRawType().getName())
			.collect(Collectors.toSet());
		List<String> operations = Arrays.stream(TableOperation.class.getPermittedSubclasses())
			.map(Class::getName)
			.toList();
		assertThat(operations).isNotEmpty();
		assertThat(handled).as("operations %s rendered by %s", operations, renderer.getName()).containsAll(operations);
	}

}
