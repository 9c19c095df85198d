package dev.migrations.testing;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Where the PostgreSQL or MariaDB server of the tests comes from, decided once per kind
 * of database and JVM, in order: a JDBC URL in the environment
 * ({@code MIGRATIONS_TEST_POSTGRES_URL}, {@code MIGRATIONS_TEST_MARIADB_URL}), a
 * Testcontainers container when a Docker engine is reachable, an embedded server started
 * from a Maven artifact ({@link EmbeddedPostgresql}, {@link EmbeddedMariadb}), else none:
 * every test that asks for it is skipped with the reason, or fails with
 * {@code MIGRATIONS_TEST_REQUIRE_DATABASES=true}. The embedded server is only started
 * when neither of the others is there, so a run against the servers in the environment
 * never starts one. Thread-safe.
 */
final class DatabaseServers {

	/** With {@code true}, a test that would be skipped for want of a server fails. */
	static final String REQUIRE_DATABASES = "MIGRATIONS_TEST_REQUIRE_DATABASES";

	/** With {@code false}, no embedded server is started: the tests are skipped. */
	static final String EMBEDDED = "MIGRATIONS_TEST_EMBEDDED";

	private static final DatabaseServers fromEnvironment = new DatabaseServers(System::getenv,
			ServerContainers::dockerReachable, ServerContainers::start, DatabaseServers::startEmbedded);

	private final UnaryOperator<String> environment;

	private final BooleanSupplier docker;

	private final ServerStarter containers;

	private final ServerStarter embedded;

	private final Map<DatabaseKind, Server> servers = new EnumMap<>(DatabaseKind.class);

	DatabaseServers(UnaryOperator<String> environment, BooleanSupplier docker, ServerStarter containers,
			ServerStarter embedded) {
		this.environment = environment;
		this.docker = docker;
		this.containers = containers;
		this.embedded = embedded;
	}

	/**
	 * Return an administrative JDBC URL, one with rights to create databases, of the
	 * server for a kind of database, from the environment of this JVM; skip or fail the
	 * calling test when there is none.
	 * @param kind {@link DatabaseKind#POSTGRESQL} or {@link DatabaseKind#MARIADB}
	 * @return the URL
	 */
	static String adminUrl(DatabaseKind kind) {
		return fromEnvironment.adminUrlOf(kind);
	}

	synchronized String adminUrlOf(DatabaseKind kind) {
		Server server = this.servers.get(kind);
		if (server == null) {
			server = find(kind);
			this.servers.put(kind, server);
		}
		if (server.adminUrl() != null) {
			return server.adminUrl();
		}
		if (Boolean.parseBoolean(this.environment.apply(REQUIRE_DATABASES))) {
			Assertions.fail(server.unavailable() + " (" + REQUIRE_DATABASES + "=true turns this skip into a failure)");
		}
		return Assumptions.abort(server.unavailable());
	}

	private Server find(DatabaseKind kind) {
		String url = this.environment.apply(kind.environmentVariable());
		if (url != null && !url.isBlank()) {
			return new Server(url, null);
		}
		if (this.docker.getAsBoolean()) {
			return new Server(start(this.containers, kind), null);
		}
		String unavailable = kind.productName() + " is not available: " + kind.environmentVariable()
				+ " is not set, no Docker engine is reachable, and ";
		String remedy = ". Set " + kind.environmentVariable()
				+ " to a JDBC URL with rights to create databases, or make a Docker engine reachable";
		if ("false".equalsIgnoreCase(this.environment.apply(EMBEDDED))) {
			return new Server(null, unavailable + "embedded servers are turned off (" + EMBEDDED + "=false)" + remedy);
		}
		try {
			return new Server(this.embedded.start(kind), null);
		}
		catch (Exception | LinkageError ex) {
			return new Server(null,
					unavailable + "the embedded " + kind.productName() + " did not start: " + ex.getMessage() + remedy);
		}
	}

	private static String start(ServerStarter starter, DatabaseKind kind) {
		try {
			return starter.start(kind);
		}
		catch (RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not start " + kind.productName() + ": " + ex, ex);
		}
	}

	private static String startEmbedded(DatabaseKind kind) throws Exception {
		String url = switch (kind) {
			case POSTGRESQL -> EmbeddedPostgresql.start();
			case MARIADB -> EmbeddedMariadb.start();
			case H2, SQLITE -> throw new IllegalArgumentException(kind.productName() + " runs in the JVM");
		};
		System.err.println(kind.environmentVariable() + " is not set and no Docker engine is reachable: the "
				+ kind.productName() + " tests run on an embedded server at " + url.split("\\?")[0]);
		return url;
	}

	/**
	 * Starts a server for a kind of database.
	 */
	@FunctionalInterface
	interface ServerStarter {

		/**
		 * Start a server.
		 * @param kind the kind of database
		 * @return an administrative JDBC URL of the server
		 * @throws Exception when the server cannot be started
		 */
		String start(DatabaseKind kind) throws Exception;

	}

	/**
	 * A server found for a kind of database, or why there is none.
	 *
	 * @param adminUrl the administrative JDBC URL, or {@code null}
	 * @param unavailable why there is no server, or {@code null}
	 */
	private record Server(String adminUrl, String unavailable) {

	}

}
