package dev.migrations.test;

import java.util.Arrays;

import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * Runs Spring example classes, which the build does not run itself, through JUnit's test
 * kit in the order of their names, with a server's URL in
 * {@value DatabaseTemplate#DEFAULT_URL_VARIABLE}; then drops the templates they made.
 */
final class SpringExamples {

	private static final String URL = DatabaseTemplate.DEFAULT_URL_VARIABLE;

	private SpringExamples() {
	}

	static Events run(TestServer server, String... classNames) {
		System.setProperty(URL, server.url());
		try {
			return EngineTestKit.engine("junit-jupiter")
				.configurationParameter("junit.jupiter.testclass.order.default",
						"org.junit.jupiter.api.ClassOrderer$ClassName")
				.selectors(Arrays.stream(classNames)
					.map(DiscoverySelectors::selectClass)
					.toArray(DiscoverySelector[]::new))
				.execute()
				.testEvents();
		}
		finally {
			System.clearProperty(URL);
			TemplateCache.shared().dropAll();
		}
	}

}
