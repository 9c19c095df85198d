package dev.migrations.boot.docker.compose;

import dev.migrations.boot.autoconfigure.MigrationsConnectionDetails;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetailsFactory;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;

/**
 * Adapts the {@link JdbcConnectionDetails} that Spring Boot's Docker Compose support
 * creates for a database service (PostgreSQL, MariaDB, MySQL, Oracle, SQL Server,
 * ClickHouse: every database it connects a DataSource to) into
 * {@link MigrationsConnectionDetails}, so that migrations run against that service.
 */
class JdbcAdaptingMigrationsConnectionDetailsFactory
		implements ConnectionDetailsFactory<JdbcConnectionDetails, MigrationsConnectionDetails> {

	@Override
	public MigrationsConnectionDetails getConnectionDetails(JdbcConnectionDetails input) {
		return new JdbcAdaptedConnectionDetails(input);
	}

	/**
	 * The connection details of a service, read from Spring Boot's when asked.
	 * Thread-safe if those are.
	 */
	private static final class JdbcAdaptedConnectionDetails implements MigrationsConnectionDetails {

		private final JdbcConnectionDetails jdbc;

		private JdbcAdaptedConnectionDetails(JdbcConnectionDetails jdbc) {
			this.jdbc = jdbc;
		}

		@Override
		public String getJdbcUrl() {
			return this.jdbc.getJdbcUrl();
		}

		@Override
		public @Nullable String getUsername() {
			return this.jdbc.getUsername();
		}

		@Override
		public @Nullable String getPassword() {
			return this.jdbc.getPassword();
		}

		@Override
		public @Nullable String getDriverClassName() {
			return this.jdbc.getDriverClassName();
		}

	}

}
