package dev.migrations.test;

import dev.migrations.testing.DatabaseKind;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

/**
 * The examples of the guide to migrated test databases, in
 * {@code dev.migrations.test.guide} (which the build does not run itself: they need
 * {@code MIGRATIONS_TEST_URL}), pass on PostgreSQL (once per JVM: the example with a
 * static template reads the URL when its class is initialized).
 */
class GuideExampleTests {

	@Test
	void theGuidesExamplesPass() {
		try (TestServer server = TestServer.create(DatabaseKind.POSTGRESQL)) {
			String url = server.url();
			System.setProperty("MIGRATIONS_TEST_URL", url);
			try {
				EngineTestKit.engine("junit-jupiter")
					.configurationParameter("MIGRATIONS_TEST_URL", url)
					.selectors(selectPackage("dev.migrations.test.guide"))
					.execute()
					.testEvents()
					.assertStatistics((stats) -> stats.started(4).succeeded(4));
			}
			finally {
				System.clearProperty("MIGRATIONS_TEST_URL");
				TemplateCache.shared().dropAll();
			}
		}
	}

}
