package dev.migrations.boot.autoconfigure.app;

import java.util.List;

import javax.sql.DataSource;

import dev.migrations.boot.autoconfigure.MigrationsConnectionDetails;
import dev.migrations.runner.MigrationRunner;
import dev.migrations.testing.DatabaseKind;
import dev.migrations.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.postgresql.PostgreSQLContainer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample application with a PostgreSQL container as its
 * {@link ServiceConnection @ServiceConnection}: the container supplies both the
 * application's DataSource and the connection migrations open for themselves. The
 * container stands for a started one on a fresh database of the PostgreSQL server the
 * tests use, so that Spring Boot's service-connection path runs against a real database
 * where no Docker engine is (as here and in CI).
 */
@SpringBootTest(classes = SampleApplication.class)
class PostgresqlServiceConnectionApplicationTests {

	private static final TestDatabase database = TestDatabase.create(DatabaseKind.POSTGRESQL);

	@ServiceConnection
	static final PostgreSQLContainer postgresql = new StartedContainer(database.url());

	@Autowired
	private MigrationsConnectionDetails connectionDetails;

	@Autowired
	private MigrationRunner runner;

	@Autowired
	private DataSource dataSource;

	@Autowired
	private UserRepository users;

	@Test
	void migrationsRanInTheContainerThroughTheirOwnConnection() {
		assertThat(this.connectionDetails.getJdbcUrl()).isEqualTo(postgresql.getJdbcUrl());
		assertThat(this.runner.dataSource()).isNotSameAs(this.dataSource);
		assertThat(this.runner.dialect().name()).isEqualTo("postgresql");
		JdbcTemplate jdbc = new JdbcTemplate(this.dataSource);
		assertThat(jdbc.queryForList("SELECT id FROM migrations_ledger ORDER BY id", String.class))
			.isEqualTo(List.of("m_20241201000000_create_users_table", "m_20241201000100_insert_first_user"));
		assertThat(this.users.findAll()).extracting(User::getEmail).containsExactly("ada@example.com");
	}

	@AfterAll
	static void dropDatabase() {
		database.close();
	}

	/**
	 * A PostgreSQL container as Testcontainers hands it over once started, reached at a
	 * database of a server that is already running.
	 */
	static final class StartedContainer extends PostgreSQLContainer {

		private final String url;

		StartedContainer(String url) {
			super("postgres:15-alpine");
			this.url = url;
		}

		@Override
		public void start() {
		}

		@Override
		public void stop() {
		}

		@Override
		public String getDockerImageName() {
			return "postgres:15-alpine";
		}

		@Override
		public boolean isRunning() {
			return true;
		}

		@Override
		public String getJdbcUrl() {
			return this.url;
		}

		@Override
		public String getUsername() {
			return null;
		}

		@Override
		public String getPassword() {
			return null;
		}

	}

}
