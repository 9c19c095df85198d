package dev.migrations.boot.autoconfigure.app;

import java.util.List;

import javax.sql.DataSource;

import dev.migrations.boot.autoconfigure.MigrationsConnectionDetails;
import dev.migrations.runner.MigrationRunner;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.postgresql.PostgreSQLContainer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample application with a PostgreSQL container as its
 * {@link ServiceConnection @ServiceConnection}: the container supplies both the
 * application's DataSource and the connection migrations open for themselves. Needs a
 * Docker engine; without one, JUnit reports the test class skipped with the reason
 * "disabledWithoutDocker is true and Docker is not available". The same path without
 * Docker, with a stand-in container:
 * {@code MigrationsContainerConnectionDetailsFactoryTests}.
 */
@SpringBootTest(classes = SampleApplication.class)
@Testcontainers(disabledWithoutDocker = true)
class PostgresqlServiceConnectionApplicationTests {

	@Container
	@ServiceConnection
	static final PostgreSQLContainer postgresql = new PostgreSQLContainer("postgres:15-alpine");

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

}
