package dev.migrations.boot.testcontainers;

import dev.migrations.boot.autoconfigure.MigrationsConnectionDetails;
import org.testcontainers.containers.JdbcDatabaseContainer;

import org.springframework.boot.testcontainers.service.connection.ContainerConnectionDetailsFactory;
import org.springframework.boot.testcontainers.service.connection.ContainerConnectionSource;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;

/**
 * Creates the {@link MigrationsConnectionDetails} of a
 * {@link ServiceConnection @ServiceConnection} {@link JdbcDatabaseContainer} (PostgreSQL,
 * MariaDB, MySQL and every other JDBC database container), so that migrations run against
 * the container the test starts.
 */
class MigrationsContainerConnectionDetailsFactory
		extends ContainerConnectionDetailsFactory<JdbcDatabaseContainer<?>, MigrationsConnectionDetails> {

	@Override
	protected MigrationsConnectionDetails getContainerConnectionDetails(
			ContainerConnectionSource<JdbcDatabaseContainer<?>> source) {
		return new MigrationsContainerConnectionDetails(source);
	}

	/**
	 * The connection details of a started container, read from it when asked.
	 * Thread-safe.
	 */
	private static final class MigrationsContainerConnectionDetails
			extends ContainerConnectionDetails<JdbcDatabaseContainer<?>> implements MigrationsConnectionDetails {

		private MigrationsContainerConnectionDetails(ContainerConnectionSource<JdbcDatabaseContainer<?>> source) {
			super(source);
		}

		@Override
		public String getJdbcUrl() {
			return getContainer().getJdbcUrl();
		}

		@Override
		public String getUsername() {
			return getContainer().getUsername();
		}

		@Override
		public String getPassword() {
			return getContainer().getPassword();
		}

		@Override
		public String getDriverClassName() {
			return getContainer().getDriverClassName();
		}

	}

}
