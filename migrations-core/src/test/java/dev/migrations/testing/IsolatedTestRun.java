package dev.migrations.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.ClassNameFilter;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs the test classes of a package (and its subpackages) whose fully qualified names
 * match a regular expression with the JUnit Platform launcher, as a JVM of its own with
 * the environment its starter chose, and writes one line per test and container to a
 * report file: {@code outcome TAB TEST|CONTAINER TAB unique id TAB reason}, the outcome
 * being {@code SUCCESSFUL}, {@code ABORTED} (skipped by an assumption), {@code SKIPPED}
 * (disabled) or {@code FAILED}, and the reason the message of a skip or failure.
 * <p>
 * Arguments: the report file, the package, the regular expression. Exits with 0 when the
 * report is written, whatever the outcome of the tests.
 */
public final class IsolatedTestRun {

	private IsolatedTestRun() {
	}

	/**
	 * Run the test classes and write the report.
	 * @param arguments the report file, the package, the regular expression
	 * @throws IOException if the report cannot be written
	 */
	public static void main(String[] arguments) throws IOException {
		Path report = Path.of(arguments[0]);
		LauncherDiscoveryRequest classes = LauncherDiscoveryRequestBuilder.request()
			.selectors(DiscoverySelectors.selectPackage(arguments[1]))
			.filters(ClassNameFilter.includeClassNamePatterns(arguments[2]))
			.build();
		List<String> lines = Collections.synchronizedList(new ArrayList<>());
		TestExecutionListener listener = new TestExecutionListener() {

			@Override
			public void executionSkipped(TestIdentifier test, String reason) {
				lines.add(line("SKIPPED", test, reason));
			}

			@Override
			public void executionFinished(TestIdentifier test, TestExecutionResult result) {
				lines.add(line(result.getStatus().name(), test,
						result.getThrowable().map(Throwable::toString).orElse("")));
			}

		};
		LauncherFactory.create().execute(classes, listener);
		Files.write(report, lines);
		// Threads that watch the embedded servers outlive the tests; exiting runs the
		// shutdown hooks that stop the servers
		System.exit(0);
	}

	private static String line(String outcome, TestIdentifier test, String reason) {
		String type = test.isTest() ? "TEST" : "CONTAINER";
		String oneLine = (reason != null) ? reason.replaceAll("\\s+", " ") : "";
		return String.join("\t", outcome, type, test.getUniqueId(), oneLine);
	}

}
