package dev.migrations.test;

import dev.migrations.test.spring.AutoConfigureMigratedDatabase;
import dev.migrations.test.spring.examples.instances.InstancesApplication;
import dev.migrations.testing.DatabaseKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link AutoConfigureMigratedDatabase} with {@code migrations.instances}: each
 * DataSource gets copies of a template of the instance that migrates it, with the
 * instance's SQL files, Java migrations (a bean, a scanned class), placeholders and
 * ledger table, so that its runner applies nothing; a second test class that reuses the
 * cached context starts from the migrated state too, though no runner runs for it. The
 * examples, in {@code spring.examples.instances}, are run here through JUnit's test kit,
 * not by the build.
 */
class SpringInstancesTests {

	@ParameterizedTest
	@EnumSource(value = DatabaseKind.class, names = { "POSTGRESQL", "H2" })
	void eachDataSourceGetsCopiesOfItsInstancesMigrations(DatabaseKind kind) {
		try (TestServer server = TestServer.create(kind)) {
			int runs = InstancesApplication.SEED_RUNS.get();
			InstancesApplication.APPLIED_BY_APPLICATION.clear();
			SpringExamples
				.run(server, "dev.migrations.test.spring.examples.instances.OrdersAndReportsTests",
						"dev.migrations.test.spring.examples.instances.OtherOrdersAndReportsTests")
				.assertStatistics((stats) -> stats.started(2).succeeded(2));
			assertThat(InstancesApplication.SEED_RUNS.get() - runs).isOne();
			assertThat(InstancesApplication.APPLIED_BY_APPLICATION).isEmpty();
		}
	}

}
