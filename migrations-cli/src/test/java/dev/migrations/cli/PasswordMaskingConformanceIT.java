package dev.migrations.cli;

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

/**
 * Runs the standalone executable jar as a real process against a database that refuses it
 * (a wrong port, an unknown host, a wrong database or password) with the password given
 * in each of the four ways the command line takes one: in the URL's user information, as
 * the URL's {@code password} parameter, as {@code --password} and as
 * {@code MIGRATIONS_PASSWORD}. The driver's error is printed, readable, and the password
 * never is, with or without {@code --verbose}.
 */
abstract class PasswordMaskingConformanceIT extends ProcessDatabaseTests {

	private static final String PASSWORD = "S3cretPw9";

	private static final Pattern SERVER_URL = Pattern.compile("(jdbc:[a-z]+)://([^:/?]+):(\\d+)/[^?]*(?:\\?(.*))?");

	private static final String CONNECT = "error: Could not connect to the database: ";

	private static final String NEXT_STEP = "\nNext step: check that the database is running and reachable and that "
			+ "the URL, user and password are right; then run the command again.";

	/**
	 * Return the ways this database refuses a connection, the last one the server's own
	 * refusal: a wrong database or a wrong password.
	 * @param server the test database's server
	 * @return the failures
	 */
	abstract List<Failure> failures(Server server);

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
	void aPasswordAsTheUrlsParameterIsNeverPrinted() throws Exception {
		assertNeverPrinted(Form.URL_PARAMETER);
	}

	@Test
	void aPasswordGivenWithTheOptionIsNeverPrinted() throws Exception {
		assertNeverPrinted(Form.OPTION);
	}

	@Test
	void aPasswordInTheEnvironmentIsNeverPrinted() throws Exception {
		assertNeverPrinted(Form.ENVIRONMENT);
	}

	@Test
	void aOneCharacterPasswordIsMaskedWhereALongOneIsAndNowhereElse() throws Exception {
		Failure refused = failures(server()).get(failures(server()).size() - 1);
		for (Form form : Form.values()) {
			List<String> command = List.of("migrate:status", "--verbose");
			Result longPassword = run(form, refused, PASSWORD, command);
			Result oneCharacter = run(form, refused, "e", command);
			assertThat(oneCharacter.exitCode()).as(form + ": " + oneCharacter.output()).isEqualTo(3);
			assertThat(oneCharacter.output()).as(form.name()).contains(CONNECT).contains(NEXT_STEP);
			assertThat(comparable(oneCharacter.output())).as(form.name()).isEqualTo(comparable(longPassword.output()));
		}
	}

	private void assertNeverPrinted(Form form) throws Exception {
		for (Failure failure : failures(server())) {
			String says = (form == Form.USER_INFO) ? userInfoSays() : failure.says();
			for (List<String> command : List.of(List.of("migrate:status"),
					List.of("migrate:validate", "--json", "--verbose"))) {
				Result result = run(form, failure, PASSWORD, command);
				String description = form + ", " + failure.name() + ", " + command + ":\n" + result.output();
				assertThat(result.exitCode()).as(description).isEqualTo(3);
				assertThat(result.output()).as(description)
					.contains(CONNECT)
					.contains(says)
					.contains(NEXT_STEP)
					.doesNotContain(PASSWORD);
				if (command.contains("--verbose")) {
					assertThat(result.output()).as(description).contains("\tat ").contains("Caused by: ");
				}
				else {
					assertThat(result.output()).as(description).doesNotContain("\tat ");
				}
			}
		}
	}

	/**
	 * Return output as it reads the same whatever the password: without connection
	 * numbers and line numbers that differ from run to run.
	 */
	private static String comparable(String output) {
		return output.replaceAll("\\(conn=\\d+\\)", "(conn=N)").replaceAll("\\.\\.\\. \\d+ more", "... N more");
	}

	private Server server() {
		Matcher matcher = SERVER_URL.matcher(this.database.url());
		assertThat(matcher.matches()).as(this.database.url()).isTrue();
		Matcher user = Pattern.compile("(?:^|&)user=([^&]+)")
			.matcher((matcher.group(4) != null) ? matcher.group(4) : "");
		assertThat(user.find()).as("user in " + this.database.url()).isTrue();
		return new Server(matcher.group(1), matcher.group(2), Integer.parseInt(matcher.group(3)), user.group(1));
	}

	private Result run(Form form, Failure failure, String password, List<String> command) throws Exception {
		List<String> args = new ArrayList<>();
		Map<String, String> environment = Map.of();
		switch (form) {
			case USER_INFO -> args.addAll(List.of("--url",
					failure.url().replace("://", "://" + failure.server().user() + ":" + password + "@")));
			case URL_PARAMETER -> args
				.addAll(List.of("--url", failure.url() + "?user=" + failure.server().user() + "&password=" + password));
			case OPTION ->
				args.addAll(List.of("--url", failure.url(), "--user", failure.server().user(), "--password", password));
			case ENVIRONMENT -> environment = Map.of("MIGRATIONS_URL", failure.url(), "MIGRATIONS_USER",
					failure.server().user(), "MIGRATIONS_PASSWORD", password);
		}
		args.addAll(List.of("--locations", "filesystem:" + this.migrations));
		args.addAll(command);
		return run(args, environment);
	}

	private Result run(List<String> args, Map<String, String> environment) throws Exception {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1",
						"-jar", System.getProperty("migrations.cli.jar")));
		command.addAll(args);
		Path output = Files.createTempFile(this.directory, "cli", ".log");
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
		builder.environment().keySet().removeIf((name) -> name.startsWith("MIGRATIONS_"));
		builder.environment().putAll(environment);
		Process process = builder.start();
		if (!process.waitFor(120, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new IllegalStateException("The command line did not finish: " + Files.readString(output));
		}
		return new Result(process.exitValue(), Files.readString(output));
	}

	/**
	 * How the password is given.
	 */
	enum Form {

		USER_INFO, URL_PARAMETER, OPTION, ENVIRONMENT

	}

	/**
	 * The server of the test database.
	 *
	 * @param scheme the URL's scheme, such as {@code jdbc:postgresql}
	 * @param host the host
	 * @param port the port
	 * @param user a user who may connect
	 */
	record Server(String scheme, String host, int port, String user) {

		/**
		 * Return a failure on a URL of this server's kind.
		 * @param name what is wrong
		 * @param host the host
		 * @param port the port
		 * @param database the database
		 * @param says a part of the driver's error
		 * @return the failure
		 */
		Failure failure(String name, String host, int port, String database, String says) {
			return new Failure(name, this, this.scheme + "://" + host + ":" + port + "/" + database, says);
		}

	}

	/**
	 * A way the database refuses a connection.
	 *
	 * @param name what is wrong
	 * @param server the server
	 * @param url the URL, without credentials
	 * @param says a part of the driver's error
	 */
	record Failure(String name, Server server, String url, String says) {

	}

	record Result(int exitCode, String output) {
	}

}
