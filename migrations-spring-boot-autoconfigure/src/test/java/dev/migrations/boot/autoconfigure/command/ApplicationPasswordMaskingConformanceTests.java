package dev.migrations.boot.autoconfigure.command;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.migrations.testing.ProcessDatabaseTests;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Runs a Spring Boot application as a real process against a database that refuses it,
 * with the password in each of the ways an application takes one: in the user information
 * of {@code spring.datasource.url} or {@code migrations.url}, as the URL's
 * {@code password} parameter, as a property ({@code spring.datasource.password},
 * {@code migrations.password}) and as an environment variable
 * ({@code SPRING_DATASOURCE_PASSWORD}, {@code MIGRATIONS_PASSWORD}); once as a command
 * ({@code java -jar app.jar migrate:status}, with and without {@code --verbose}) and once
 * starting up with {@code migrations.on-startup=apply-and-exit}. The database's error is
 * printed, readable, and the password never is.
 */
abstract class ApplicationPasswordMaskingConformanceTests extends ProcessDatabaseTests {

	private static final long TIMEOUT_SECONDS = 120;

	private static final String PASSWORD = "S3cretPw9";

	private static final Pattern SERVER_URL = Pattern.compile("(jdbc:[a-z]+://[^:/?]+:\\d+/)[^?]*(?:\\?(.*))?");

	private static final String CONNECT = "Could not connect to the database: ";

	private static final String NEXT_STEP = "\nNext step: check that the database is running and reachable and that "
			+ "the URL, user and password are right; then run the command again.";

	/**
	 * Return the name of a database that the server refuses for this test's user and the
	 * password: one that does not exist, or any when the password is wrong.
	 * @return the database
	 */
	abstract String refusedDatabase();

	/**
	 * Return what the driver says when it refuses the connection.
	 * @return a part of its error
	 */
	abstract String refusalSays();

	/**
	 * Return what the driver says about a URL with user information.
	 * @return a part of its error, the password masked
	 */
	abstract String userInfoSays();

	@Test
	void aPasswordInTheUrlsUserInformationIsNeverPrinted() throws Exception {
		assertNeverPrinted(Form.USER_INFO);
	}

	@Test
	void aPasswordInTheUserInformationOfMigrationsUrlIsNeverPrinted() throws Exception {
		assertNeverPrinted(Form.MIGRATIONS_USER_INFO);
	}

	@Test
	void aPasswordAsTheUrlsParameterIsNeverPrinted() throws Exception {
		assertNeverPrinted(Form.URL_PARAMETER);
	}

	@Test
	void aPasswordPropertyIsNeverPrinted() throws Exception {
		assertNeverPrinted(Form.DATASOURCE_PROPERTY);
		assertNeverPrinted(Form.MIGRATIONS_PROPERTY);
	}

	@Test
	void aPasswordInTheEnvironmentIsNeverPrinted() throws Exception {
		assertNeverPrinted(Form.DATASOURCE_ENVIRONMENT);
		assertNeverPrinted(Form.MIGRATIONS_ENVIRONMENT);
	}

	@Test
	void aOneCharacterPasswordIsMaskedWhereALongOneIsAndNowhereElse() throws Exception {
		for (Form form : List.of(Form.USER_INFO, Form.URL_PARAMETER, Form.DATASOURCE_PROPERTY,
				Form.MIGRATIONS_ENVIRONMENT)) {
			Result longPassword = command(form, PASSWORD, "migrate:status", "--verbose");
			Result oneCharacter = command(form, "e", "migrate:status", "--verbose");
			assertThat(oneCharacter.exitCode()).as(form + ": " + oneCharacter.output()).isEqualTo(3);
			assertThat(oneCharacter.output()).as(form.name()).contains("error: " + CONNECT).contains(NEXT_STEP);
			assertThat(comparable(oneCharacter.output())).as(form.name()).isEqualTo(comparable(longPassword.output()));
		}
	}

	private void assertNeverPrinted(Form form) throws Exception {
		String says = (form == Form.USER_INFO || form == Form.MIGRATIONS_USER_INFO) ? userInfoSays() : refusalSays();
		for (List<String> command : List.of(List.of("migrate:status"), List.of("migrate:status", "--verbose"))) {
			Result result = command(form, PASSWORD, command.toArray(String[]::new));
			String description = form + ", " + command + ":\n" + result.output();
			assertThat(result.exitCode()).as(description).isEqualTo(3);
			assertThat(result.output()).as(description)
				.contains("error: " + CONNECT)
				.contains(says)
				.contains(NEXT_STEP)
				.doesNotContain(PASSWORD)
				.doesNotContain("The application context started");
			if (command.contains("--verbose")) {
				assertThat(result.output()).as(description).contains("\tat ").contains("Caused by: ");
			}
			else {
				assertThat(result.output()).as(description).doesNotContain("\tat ");
			}
		}
		Result startup = run(form, PASSWORD,
				List.of("--spring.main.web-application-type=none", "--migrations.on-startup=apply-and-exit"));
		String description = form + ", apply-and-exit:\n" + startup.output();
		assertThat(startup.exitCode()).as(description).isNotZero();
		assertThat(startup.output()).as(description)
			.contains("APPLICATION FAILED TO START")
			.contains(CONNECT)
			.contains(says)
			.doesNotContain(PASSWORD)
			.doesNotContain("The application's own work ran");
	}

	/**
	 * Return output as it reads the same whatever the password: without the logging
	 * system's own timestamped lines and the connection numbers that differ from run to
	 * run.
	 */
	private static String comparable(String output) {
		return output.replaceAll("(?m)^\\d\\d:\\d\\d:\\d\\d,\\d+ \\|-.*\\R", "")
			.replaceAll("\\(conn=\\d+\\)", "(conn=N)");
	}

	private Result command(Form form, String password, String... command) throws Exception {
		List<String> args = new ArrayList<>(List.of(command));
		return run(form, password, args);
	}

	private Result run(Form form, String password, List<String> args) throws Exception {
		Matcher matcher = SERVER_URL.matcher(this.database.url());
		assertThat(matcher.matches()).as(this.database.url()).isTrue();
		Matcher userParameter = Pattern.compile("(?:^|&)user=([^&]+)")
			.matcher((matcher.group(2) != null) ? matcher.group(2) : "");
		assertThat(userParameter.find()).as("user in " + this.database.url()).isTrue();
		String user = userParameter.group(1);
		String url = matcher.group(1) + refusedDatabase();
		List<String> all = new ArrayList<>(args);
		all.add("--migrations.locations=filesystem:" + this.migrations);
		Map<String, String> environment = Map.of();
		switch (form) {
			case USER_INFO ->
				all.add("--spring.datasource.url=" + url.replace("://", "://" + user + ":" + password + "@"));
			case MIGRATIONS_USER_INFO ->
				all.add("--migrations.url=" + url.replace("://", "://" + user + ":" + password + "@"));
			case URL_PARAMETER -> all.add("--spring.datasource.url=" + url + "?user=" + user + "&password=" + password);
			case DATASOURCE_PROPERTY -> all.addAll(List.of("--spring.datasource.url=" + url,
					"--spring.datasource.username=" + user, "--spring.datasource.password=" + password));
			case MIGRATIONS_PROPERTY -> all.addAll(List.of("--spring.datasource.url=" + url,
					"--migrations.user=" + user, "--migrations.password=" + password));
			case DATASOURCE_ENVIRONMENT -> environment = Map.of("SPRING_DATASOURCE_URL", url,
					"SPRING_DATASOURCE_USERNAME", user, "SPRING_DATASOURCE_PASSWORD", password);
			case MIGRATIONS_ENVIRONMENT ->
				environment = Map.of("MIGRATIONS_URL", url, "MIGRATIONS_USER", user, "MIGRATIONS_PASSWORD", password);
		}
		return run(all, environment);
	}

	private Result run(List<String> args, Map<String, String> environment) throws Exception {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		List<String> command = new ArrayList<>(List.of(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp",
				classPath, CommandApplication.class.getName()));
		command.addAll(args);
		Path log = Files.createTempFile(this.directory, "application", ".log");
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
		builder.environment().keySet().removeIf((name) -> name.startsWith("MIGRATIONS_") || name.startsWith("SPRING_"));
		builder.environment().putAll(environment);
		Process process = builder.start();
		if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
			process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			fail("The application did not finish within " + TIMEOUT_SECONDS + " s:\n" + Files.readString(log));
		}
		return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
	}

	/**
	 * How the password is given.
	 */
	enum Form {

		USER_INFO, MIGRATIONS_USER_INFO, URL_PARAMETER, DATASOURCE_PROPERTY, MIGRATIONS_PROPERTY,
		DATASOURCE_ENVIRONMENT, MIGRATIONS_ENVIRONMENT

	}

	private record Result(int exitCode, String output) {

	}

}
