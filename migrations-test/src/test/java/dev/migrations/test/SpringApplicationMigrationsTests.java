package dev.migrations.test;

import dev.migrations.test.spring.AutoConfigureMigratedDatabase;
import dev.migrations.test.spring.examples.application.ItemsApplication;
import dev.migrations.testing.DatabaseKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link AutoConfigureMigratedDatabase} with an application whose migrations are not only
 * SQL files: a Migration bean whose id sits between two of them, a Java migration found
 * by scanning whose constructor is injected, and a placeholder. The template holds them
 * all, so every copy's ledger lists each as applied and the application's runner applies
 * nothing; two test classes with contexts of their own share one template, migrated once.
 * The examples, in {@code spring.examples.application}, are run here through JUnit's test
 * kit, not by the build.
 */
class SpringApplicationMigrationsTests {

	@ParameterizedTest
	@EnumSource(value = DatabaseKind.class, names = { "POSTGRESQL", "H2" })
	void theTemplateHoldsTheApplicationsJavaMigrations(DatabaseKind kind) {
		try (TestServer server = TestServer.create(kind)) {
			int runs = ItemsApplication.SEED_RUNS.get();
			ItemsApplication.APPLIED_BY_APPLICATION.clear();
			SpringExamples
				.run(server, "dev.migrations.test.spring.examples.application.ItemsTests",
						"dev.migrations.test.spring.examples.application.OtherItemsTests")
				.assertStatistics((stats) -> stats.started(2).succeeded(2));
			assertThat(ItemsApplication.SEED_RUNS.get() - runs).isOne();
			assertThat(ItemsApplication.APPLIED_BY_APPLICATION).isEmpty();
		}
	}

}
