package dev.migrations.test;

import db.testmod.notes.M20240101000200_CountTemplateRuns;
import dev.migrations.test.spring.AutoConfigureMigratedDatabase;
import dev.migrations.test.spring.examples.CopyNames;
import dev.migrations.testing.DatabaseKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link AutoConfigureMigratedDatabase} on PostgreSQL: a {@code @SpringBootTest} class
 * and another that reuses its cached context each start from a fresh copy, a
 * {@code @JdbcTest} slice gets one in place of its embedded database, a
 * {@code @DataJpaTest} one per method (a commit in one is not seen by the next), the
 * template is migrated once and the starter finds every copy up to date (it applies
 * nothing, so the counting migration runs once). The examples, in
 * {@code spring.examples}, are run here through JUnit's test kit, not by the build.
 */
class SpringMigratedDatabaseTests {

	@Test
	void eachSpringTestClassGetsAFreshCopyOfOneTemplate() {
		try (TestServer server = TestServer.create(DatabaseKind.POSTGRESQL)) {
			int runs = M20240101000200_CountTemplateRuns.RUNS.get();
			SpringExamples
				.run(server, "dev.migrations.test.spring.examples.FirstSpringBootTests",
						"dev.migrations.test.spring.examples.SecondSpringBootTests",
						"dev.migrations.test.spring.examples.JdbcSliceTests",
						"dev.migrations.test.spring.examples.JpaSliceTests",
						"dev.migrations.test.spring.examples.NoteCountTests")
				.assertStatistics((stats) -> stats.started(6).succeeded(6));
			assertThat(CopyNames.contexts).hasSize(2).containsOnly(CopyNames.contexts.get(0));
			assertThat(CopyNames.seen).hasSize(4).doesNotHaveDuplicates().allMatch((name) -> !server.exists(name));
			assertThat(M20240101000200_CountTemplateRuns.RUNS.get() - runs).isOne();
		}
	}

}
