package dev.migrations.testing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.migrations.testing.DatabaseServers.ServerStarter;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Where {@link DatabaseServers} takes a server from, with the environment, Docker and the
 * servers it starts replaced.
 */
class DatabaseServersTests {

	private static final String POSTGRES_URL = "MIGRATIONS_TEST_POSTGRES_URL";

	private final Map<String, String> environment = new HashMap<>();

	private final List<String> started = new ArrayList<>();

	private boolean docker;

	@Test
	void takesTheUrlInTheEnvironmentAndStartsNothing() {
		this.environment.put(POSTGRES_URL, "jdbc:postgresql://db:5432/postgres?user=postgres");
		this.docker = true;
		assertThat(servers(started("container"), started("embedded")).adminUrlOf(DatabaseKind.POSTGRESQL))
			.isEqualTo("jdbc:postgresql://db:5432/postgres?user=postgres");
		assertThat(this.started).isEmpty();
	}

	@Test
	void startsAContainerWhenDockerIsReachable() {
		this.docker = true;
		assertThat(servers(started("container"), started("embedded")).adminUrlOf(DatabaseKind.POSTGRESQL))
			.isEqualTo("container postgresql");
		assertThat(this.started).containsExactly("container postgresql");
	}

	@Test
	void startsOneEmbeddedServerPerKindWhenThereIsNeitherUrlNorDocker() {
		DatabaseServers servers = servers(started("container"), started("embedded"));
		assertThat(servers.adminUrlOf(DatabaseKind.POSTGRESQL)).isEqualTo("embedded postgresql");
		assertThat(servers.adminUrlOf(DatabaseKind.POSTGRESQL)).isEqualTo("embedded postgresql");
		assertThat(servers.adminUrlOf(DatabaseKind.MARIADB)).isEqualTo("embedded mariadb");
		assertThat(this.started).containsExactly("embedded postgresql", "embedded mariadb");
	}

	@Test
	void skipsWithTheReasonWhenTheEmbeddedServerDoesNotStart() {
		DatabaseServers servers = servers(started("container"), failing("initdb: cannot be run as root"));
		assertThatExceptionOfType(TestAbortedException.class)
			.isThrownBy(() -> servers.adminUrlOf(DatabaseKind.POSTGRESQL))
			.withMessageContaining("PostgreSQL is not available: MIGRATIONS_TEST_POSTGRES_URL is not set, "
					+ "no Docker engine is reachable, and the embedded PostgreSQL did not start: "
					+ "initdb: cannot be run as root")
			.withMessageContaining("Set MIGRATIONS_TEST_POSTGRES_URL to a JDBC URL");
	}

	@Test
	void triesTheEmbeddedServerOnlyOnce() {
		DatabaseServers servers = servers(started("container"), failing("no binaries"));
		for (int test = 0; test < 3; test++) {
			assertThatExceptionOfType(TestAbortedException.class)
				.isThrownBy(() -> servers.adminUrlOf(DatabaseKind.MARIADB));
		}
		assertThat(this.started).containsExactly("failed mariadb");
	}

	@Test
	void skipsWithoutStartingAnEmbeddedServerWhenTheyAreTurnedOff() {
		this.environment.put("MIGRATIONS_TEST_EMBEDDED", "false");
		assertThatExceptionOfType(TestAbortedException.class)
			.isThrownBy(() -> servers(started("container"), started("embedded")).adminUrlOf(DatabaseKind.MARIADB))
			.withMessageContaining("MariaDB is not available: MIGRATIONS_TEST_MARIADB_URL is not set, "
					+ "no Docker engine is reachable, and embedded servers are turned off "
					+ "(MIGRATIONS_TEST_EMBEDDED=false)");
		assertThat(this.started).isEmpty();
	}

	@Test
	void failsInsteadOfSkippingWhenDatabasesAreRequired() {
		this.environment.put("MIGRATIONS_TEST_REQUIRE_DATABASES", "true");
		assertThatExceptionOfType(AssertionFailedError.class)
			.isThrownBy(() -> servers(started("container"), failing("no binaries")).adminUrlOf(DatabaseKind.POSTGRESQL))
			.withMessageContaining("the embedded PostgreSQL did not start: no binaries")
			.withMessageEndingWith("(MIGRATIONS_TEST_REQUIRE_DATABASES=true turns this skip into a failure)");
	}

	@Test
	void startsTheEmbeddedServerWhenDatabasesAreRequiredButNoneIsInTheEnvironment() {
		this.environment.put("MIGRATIONS_TEST_REQUIRE_DATABASES", "true");
		assertThat(servers(started("container"), started("embedded")).adminUrlOf(DatabaseKind.POSTGRESQL))
			.isEqualTo("embedded postgresql");
	}

	private DatabaseServers servers(ServerStarter containers, ServerStarter embedded) {
		return new DatabaseServers(this.environment::get, () -> this.docker, containers, embedded);
	}

	private ServerStarter started(String source) {
		return (kind) -> {
			String server = source + " " + kind.displayName();
			this.started.add(server);
			return server;
		};
	}

	private ServerStarter failing(String reason) {
		return (kind) -> {
			this.started.add("failed " + kind.displayName());
			throw new IllegalStateException(reason);
		};
	}

}
