package dev.migrations.boot.testcontainers;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.migrations.boot.autoconfigure.MigrationsAutoConfiguration;
import dev.migrations.boot.autoconfigure.MigrationsConnectionDetails;
import dev.migrations.testing.DatabaseKind;
import dev.migrations.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.JdbcDatabaseContainer;
import org.testcontainers.mariadb.MariaDBContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.boot.testcontainers.service.connection.ServiceConnectionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * The {@link MigrationsConnectionDetails} that {@code @ServiceConnection} makes of a JDBC
 * database container, through {@code META-INF/spring.factories} as in a test, with
 * stand-ins for the containers so that no Docker engine is needed; the last test points a
 * stand-in at a real PostgreSQL database and migrates it. A whole application:
 * {@code PostgresqlServiceConnectionApplicationTests}.
 */
class MigrationsContainerConnectionDetailsFactoryTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ServiceConnectionAutoConfiguration.class));

	@Test
	void aPostgresqlContainerGivesItsUrlUserPasswordAndDriver() {
		this.contextRunner.withUserConfiguration(PostgresqlContainerConfiguration.class).run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(MigrationsConnectionDetails.class);
			MigrationsConnectionDetails details = context.getBean(MigrationsConnectionDetails.class);
			assertThat(details.getJdbcUrl()).isEqualTo("jdbc:postgresql://localhost:49153/test?loggerLevel=OFF");
			assertThat(details.getUsername()).isEqualTo("owner");
			assertThat(details.getPassword()).isEqualTo("owner-secret");
			assertThat(details.getDriverClassName()).isEqualTo("org.postgresql.Driver");
		});
	}

	@Test
	void aMariadbContainerGivesItsUrlUserPasswordAndDriver() {
		this.contextRunner.withUserConfiguration(MariadbContainerConfiguration.class).run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(MigrationsConnectionDetails.class);
			MigrationsConnectionDetails details = context.getBean(MigrationsConnectionDetails.class);
			assertThat(details.getJdbcUrl()).isEqualTo("jdbc:mariadb://localhost:49154/test");
			assertThat(details.getUsername()).isEqualTo("test");
			assertThat(details.getPassword()).isEqualTo("test-secret");
			assertThat(details.getDriverClassName()).isEqualTo("org.mariadb.jdbc.Driver");
		});
	}

	@Test
	void migrationsRunAgainstTheDatabaseOfTheContainer() {
		try (TestDatabase database = TestDatabase.create(DatabaseKind.POSTGRESQL)) {
			this.contextRunner.withConfiguration(AutoConfigurations.of(MigrationsAutoConfiguration.class))
				.withUserConfiguration(RealDatabaseContainerConfiguration.class)
				.withPropertyValues("test.postgresql-url=" + database.url())
				.run((context) -> {
					assertThat(context).hasNotFailed();
					assertThat(database.tables()).contains("users", "migrations_ledger");
					assertThat(new JdbcTemplate(database.dataSource())
						.queryForList("SELECT id FROM migrations_ledger ORDER BY id", String.class)).isEqualTo(
								List.of("m_20241201000000_create_users_table", "m_20241201000100_insert_first_user"));
				});
		}
	}

	static <C extends JdbcDatabaseContainer<?>> C container(Class<C> type, String url, String user, String password,
			String driver) {
		C container = mock(type);
		given(container.getDockerImageName()).willReturn("stand-in:1");
		given(container.getJdbcUrl()).willReturn(url);
		given(container.getUsername()).willReturn(user);
		given(container.getPassword()).willReturn(password);
		given(container.getDriverClassName()).willReturn(driver);
		return container;
	}

	@Configuration(proxyBeanMethods = false)
	static class PostgresqlContainerConfiguration {

		@Bean
		@ServiceConnection
		PostgreSQLContainer postgresql() {
			return container(PostgreSQLContainer.class, "jdbc:postgresql://localhost:49153/test?loggerLevel=OFF",
					"owner", "owner-secret", "org.postgresql.Driver");
		}

	}

	/**
	 * A stand-in for a PostgreSQL container whose database is a real one, with the user
	 * apart from the URL as a container gives them.
	 */
	@Configuration(proxyBeanMethods = false)
	static class RealDatabaseContainerConfiguration {

		private static final Pattern USER = Pattern.compile("[?&]user=([^&]*)");

		@Bean
		@ServiceConnection
		PostgreSQLContainer postgresql(Environment environment) {
			String url = environment.getRequiredProperty("test.postgresql-url");
			Matcher user = USER.matcher(url);
			return container(PostgreSQLContainer.class, url, user.find() ? user.group(1) : "postgres", "unused",
					"org.postgresql.Driver");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class MariadbContainerConfiguration {

		@Bean
		@ServiceConnection
		MariaDBContainer mariadb() {
			return container(MariaDBContainer.class, "jdbc:mariadb://localhost:49154/test", "test", "test-secret",
					"org.mariadb.jdbc.Driver");
		}

	}

}
