package dev.migrations.testing;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.h2.tools.RunScript;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The database's own client ({@code psql}, {@code mariadb}, {@code sqlite3}, and for H2,
 * which has no command-line client of its own, its {@link RunScript} tool), run on a
 * script as a user would pipe one into it. Where the client is not installed the test is
 * skipped with the reason; with {@code MIGRATIONS_TEST_REQUIRE_DATABASES=true}, as on CI,
 * whose servers come with their clients, that skip is a failure.
 */
public final class DatabaseClient {

	private static final Pattern URL = Pattern.compile("jdbc:([a-z]+)://([^/:?]+)(?::(\\d+))?/([^?]*)(?:\\?(.*))?");

	private DatabaseClient() {
	}

	/**
	 * Run a script through the client of a database, stopping at the first error, as
	 * {@code mariadb --default-character-set=utf8mb4 --comments db < script.sql} (the
	 * script being UTF-8, and the comments in routine bodies kept, as the runner keeps
	 * them, where the client's default strips them),
	 * {@code psql -v ON_ERROR_STOP=1 -f script.sql},
	 * {@code sqlite3 -bail file.db < script.sql} and H2's
	 * {@code RunScript.execute(connection, reader)} do.
	 * @param database the database
	 * @param script the script
	 * @return what the client printed, standard error included
	 * @throws AssertionError if the client exits with an error
	 */
	public static String run(TestDatabase database, String script) {
		if (database.kind() == DatabaseKind.H2) {
			return runScript(database, script);
		}
		if (database.kind() == DatabaseKind.SQLITE) {
			return execute(List.of(executable("sqlite3", "sqlite3"), "-bail",
					database.url().substring("jdbc:sqlite:".length())), Map.of(), script);
		}
		Matcher url = URL.matcher(database.url());
		if (!url.matches()) {
			throw new IllegalStateException("Not a server database URL: " + database);
		}
		Map<String, String> parameters = new HashMap<>();
		if (url.group(5) != null) {
			for (String parameter : url.group(5).split("&")) {
				int equals = parameter.indexOf('=');
				if (equals > 0) {
					parameters.put(parameter.substring(0, equals), parameter.substring(equals + 1));
				}
			}
		}
		List<String> command = new ArrayList<>();
		Map<String, String> environment = new HashMap<>();
		switch (database.kind()) {
			case MARIADB -> {
				command.add(executable("mariadb-client", "mariadb", "mysql"));
				command.addAll(
						List.of("--host=" + url.group(2), "--port=" + ((url.group(3) != null) ? url.group(3) : "3306"),
								"--default-character-set=utf8mb4", "--comments"));
				if (parameters.containsKey("user")) {
					command.add("--user=" + parameters.get("user"));
				}
				if (parameters.containsKey("password")) {
					environment.put("MYSQL_PWD", parameters.get("password"));
				}
				command.add(url.group(4));
			}
			case POSTGRESQL -> {
				command.addAll(List.of(executable("postgresql-client", "psql"), "--no-psqlrc", "--quiet", "-v",
						"ON_ERROR_STOP=1", "--host=" + url.group(2),
						"--port=" + ((url.group(3) != null) ? url.group(3) : "5432"), "--dbname=" + url.group(4)));
				if (parameters.containsKey("user")) {
					command.add("--username=" + parameters.get("user"));
				}
				if (parameters.containsKey("password")) {
					environment.put("PGPASSWORD", parameters.get("password"));
				}
			}
			default -> throw new IllegalArgumentException("No command-line client for " + database);
		}
		return execute(command, environment, script);
	}

	private static String runScript(TestDatabase database, String script) {
		try (Connection connection = database.dataSource().getConnection()) {
			RunScript.execute(connection, new StringReader(script));
			return "";
		}
		catch (SQLException ex) {
			throw new AssertionError("RunScript failed on the script:\n" + script + "\nwith: " + ex, ex);
		}
	}

	private static String execute(List<String> command, Map<String, String> environment, String script) {
		try {
			Path output = Files.createTempFile("client", ".out");
			try {
				ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
					.redirectOutput(output.toFile());
				builder.environment().putAll(environment);
				Process process = builder.start();
				try (OutputStream in = process.getOutputStream()) {
					in.write(script.getBytes(StandardCharsets.UTF_8));
				}
				if (!process.waitFor(60, TimeUnit.SECONDS)) {
					process.destroyForcibly();
					Assertions.fail(command.get(0) + " did not finish within 60 s");
				}
				String printed = Files.readString(output);
				Assertions.assertEquals(0, process.exitValue(),
						() -> command.get(0) + " failed on the script:\n" + script + "\nIt printed:\n" + printed);
				return printed;
			}
			finally {
				Files.deleteIfExists(output);
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String executable(String debianPackage, String... names) {
		Optional<Path> found = Optional.empty();
		for (String name : names) {
			for (String directory : String.valueOf(System.getenv("PATH")).split(File.pathSeparator)) {
				Path candidate = Path.of(directory, name);
				if (found.isEmpty() && Files.isExecutable(candidate)) {
					found = Optional.of(candidate);
				}
			}
		}
		if (found.isPresent()) {
			return found.get().toString();
		}
		String reason = "The command-line client (" + String.join(" or ", names) + ") is not on the PATH; install "
				+ "it (Debian: apt-get install " + debianPackage + ") to test that its scripts replay";
		if (Boolean.parseBoolean(System.getenv("MIGRATIONS_TEST_REQUIRE_DATABASES"))) {
			Assertions.fail(reason + " (MIGRATIONS_TEST_REQUIRE_DATABASES=true turns this skip into a failure)");
		}
		Assumptions.abort(reason);
		throw new IllegalStateException(reason);
	}

}
