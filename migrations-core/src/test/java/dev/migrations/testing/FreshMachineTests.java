package dev.migrations.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a fresh machine gets from {@code mvn -B verify}: the PostgreSQL and MariaDB tests
 * of the core, run in a JVM of their own ({@link IsolatedTestRun}) whose environment has
 * none of {@code MIGRATIONS_TEST_POSTGRES_URL}, {@code MIGRATIONS_TEST_MARIADB_URL} and
 * {@code MIGRATIONS_TEST_REQUIRE_DATABASES}, either pass, on an embedded server (or a
 * container where a Docker engine is reachable), or are skipped with the reason; none
 * fails or errors, not even in the methods that drop a database that was never created.
 * <p>
 * Without servers every PostgreSQL and MariaDB test class of the core runs, which takes
 * seconds. On the embedded servers the whole set takes minutes, so the runner's
 * conformance suite runs there, with a PostgreSQL class that manages its database itself;
 * on a fresh machine the build runs the rest on the embedded servers anyway. This test
 * starts its own embedded servers even where the environment names servers, as in
 * {@code .ci/run}: that is the machine it describes.
 */
class FreshMachineTests {

	private static final String DATABASE_TEST_CLASSES = "dev\\.migrations\\..*\\.(Postgresql|Mariadb)\\w*Tests";

	private static final String EMBEDDED_RUN_CLASSES = "dev\\.migrations\\.conformance\\."
			+ "(PostgresqlRunner|MariadbRunner|PostgresqlNonTransactionalMigration)Tests";

	private static final List<String> DATABASE_VARIABLES = List.of("MIGRATIONS_TEST_POSTGRES_URL",
			"MIGRATIONS_TEST_MARIADB_URL", DatabaseServers.REQUIRE_DATABASES, DatabaseServers.EMBEDDED);

	private static final int TIMEOUT_MINUTES = 10;

	@TempDir
	Path directory;

	@Test
	void databaseTestsPassOnAnEmbeddedServerOrAreSkippedWithTheReason() throws Exception {
		List<Outcome> outcomes = run(EMBEDDED_RUN_CLASSES, Map.of());
		assertThat(classes(outcomes)).containsExactlyInAnyOrder("PostgresqlRunnerTests", "MariadbRunnerTests",
				"PostgresqlNonTransactionalMigrationTests");
		assertNoFailures(outcomes);
		assertThat(outcomes).filteredOn(Outcome::test)
			.allSatisfy((outcome) -> assertThat(outcome.outcome()).as(outcome.id())
				.isIn("SUCCESSFUL", "ABORTED", "SKIPPED"))
			.filteredOn((outcome) -> !outcome.outcome().equals("SUCCESSFUL"))
			.allSatisfy((outcome) -> assertThat(outcome.reason()).as(outcome.id()).isNotBlank());
		System.out.println("Database tests without the database environment: " + summary(outcomes));
	}

	@Test
	void databaseTestsAreSkippedWithTheReasonWhenNoServerCanBeHad() throws Exception {
		List<Outcome> outcomes = run(DATABASE_TEST_CLASSES, Map.of(DatabaseServers.EMBEDDED, "false"));
		assertThat(classes(outcomes)).contains("PostgresqlRunnerTests", "MariadbRunnerTests",
				"PostgresqlConcurrentRunnersTests", "MariadbCrashRecoveryTests", "MariadbBrokenConnectionTests");
		assertNoFailures(outcomes);
		if (!ServerContainers.dockerReachable()) {
			assertThat(outcomes).filteredOn(Outcome::test)
				.isNotEmpty()
				.allSatisfy((outcome) -> assertThat(outcome.outcome()).as(outcome.id()).isEqualTo("ABORTED"))
				.allSatisfy((outcome) -> assertThat(outcome.reason()).as(outcome.id())
					.containsPattern("(PostgreSQL|MariaDB) is not available: MIGRATIONS_TEST_(POSTGRES|MARIADB)_URL "
							+ "is not set, no Docker engine is reachable, and embedded servers are turned off"));
		}
	}

	/**
	 * Run test classes in a JVM without the database variables of this one.
	 * @param classes a regular expression for the names of the classes
	 * @param variables variables to set
	 * @return what happened to each test and container
	 */
	private List<Outcome> run(String classes, Map<String, String> variables) throws Exception {
		Path report = this.directory.resolve("report.tsv");
		Path output = this.directory.resolve("output.log");
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		List<String> command = new ArrayList<>(List.of(java, "-Duser.timezone=" + System.getProperty("user.timezone"),
				"-cp", System.getProperty("java.class.path"), IsolatedTestRun.class.getName(), report.toString(),
				"dev.migrations", classes));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
		DATABASE_VARIABLES.forEach(builder.environment()::remove);
		builder.environment().putAll(variables);
		Process process = builder.start();
		if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
			// Terminated, not killed, so that it stops its embedded servers
			process.destroy();
			if (!process.waitFor(30, TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor();
			}
			throw new IllegalStateException(
					"The tests did not finish in " + TIMEOUT_MINUTES + " minutes: " + tail(output));
		}
		assertThat(process.exitValue()).as(() -> tail(output)).isZero();
		return Files.readAllLines(report).stream().map(Outcome::parse).toList();
	}

	/**
	 * Return the simple names of the test classes whose methods ran.
	 * @param outcomes what happened to each test and container
	 * @return the class names
	 */
	private static Set<String> classes(List<Outcome> outcomes) {
		Pattern testClass = Pattern.compile("\\[class:[\\w.]*\\.(\\w+)\\]/\\[method:");
		return outcomes.stream()
			.filter(Outcome::test)
			.map((outcome) -> testClass.matcher(outcome.id()))
			.filter(Matcher::find)
			.map((matcher) -> matcher.group(1))
			.collect(Collectors.toSet());
	}

	private static void assertNoFailures(List<Outcome> outcomes) {
		assertThat(outcomes).filteredOn((outcome) -> outcome.outcome().equals("FAILED"))
			.as("tests and containers that failed")
			.isEmpty();
	}

	private static String summary(List<Outcome> outcomes) {
		return outcomes.stream()
			.filter(Outcome::test)
			.collect(Collectors.groupingBy(Outcome::outcome, Collectors.counting()))
			.toString();
	}

	private static String tail(Path output) {
		try {
			List<String> lines = Files.readAllLines(output);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
		}
		catch (IOException ex) {
			return "(no output: " + ex + ")";
		}
	}

	/**
	 * What happened to one test or container.
	 *
	 * @param outcome {@code SUCCESSFUL}, {@code ABORTED}, {@code SKIPPED} or
	 * {@code FAILED}
	 * @param test whether it is a test rather than a container
	 * @param id its unique id
	 * @param reason why it was skipped or failed, or blank
	 */
	record Outcome(String outcome, boolean test, String id, String reason) {

		static Outcome parse(String line) {
			String[] fields = line.split("\t", 4);
			return new Outcome(fields[0], fields[1].equals("TEST"), fields[2], (fields.length > 3) ? fields[3] : "");
		}

	}

}
