package dev.migrations.testing;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.JdbcDatabaseContainer;
import org.testcontainers.mariadb.MariaDBContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * Testcontainers containers for the server databases, the versions the tests expect of
 * the servers in the environment. Testcontainers stops them when the JVM exits.
 */
final class ServerContainers {

	private ServerContainers() {
	}

	/**
	 * Return whether a Docker engine is reachable.
	 * @return whether containers can be started
	 */
	static boolean dockerReachable() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	/**
	 * Start a container.
	 * @param kind {@link DatabaseKind#POSTGRESQL} or {@link DatabaseKind#MARIADB}
	 * @return an administrative JDBC URL of the server in the container
	 */
	static String start(DatabaseKind kind) {
		JdbcDatabaseContainer<?> container = switch (kind) {
			case POSTGRESQL -> new PostgreSQLContainer("postgres:15-alpine");
			case MARIADB -> new MariaDBContainer("mariadb:10.11").withUsername("root");
			case H2, SQLITE -> throw new IllegalArgumentException(kind.productName() + " runs in the JVM");
		};
		container.start();
		String separator = container.getJdbcUrl().contains("?") ? "&" : "?";
		return container.getJdbcUrl() + separator + "user=" + container.getUsername() + "&password="
				+ container.getPassword();
	}

}
