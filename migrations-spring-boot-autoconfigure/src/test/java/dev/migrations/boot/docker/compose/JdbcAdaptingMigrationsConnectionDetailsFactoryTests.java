package dev.migrations.boot.docker.compose;

import java.util.Map;

import dev.migrations.boot.autoconfigure.MigrationsConnectionDetails;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;
import org.springframework.boot.autoconfigure.service.connection.ConnectionDetailsFactories;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@link MigrationsConnectionDetails} adapted from the {@link JdbcConnectionDetails}
 * of a Docker Compose database service, the way Spring Boot's Docker Compose support
 * adapts them: it asks the {@code META-INF/spring.factories} factories for connection
 * details whose source is those JDBC details. The services are stand-ins with the URLs
 * Spring Boot builds for each database it supports, so no Docker engine is needed.
 */
class JdbcAdaptingMigrationsConnectionDetailsFactoryTests {

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					postgres           | jdbc:postgresql://127.0.0.1:32768/app           | org.postgresql.Driver
					mariadb            | jdbc:mariadb://127.0.0.1:32769/app              | org.mariadb.jdbc.Driver
					mysql              | jdbc:mysql://127.0.0.1:32770/app                | com.mysql.cj.jdbc.Driver
					gvenzl/oracle-free | jdbc:oracle:thin:@127.0.0.1:32771/freepdb1      | oracle.jdbc.OracleDriver
					gvenzl/oracle-xe   | jdbc:oracle:thin:@127.0.0.1:32772/xepdb1        | oracle.jdbc.OracleDriver
					mssql/server       | jdbc:sqlserver://127.0.0.1:32773;encrypt=false  | com.microsoft.sqlserver.jdbc.SQLServerDriver
					clickhouse         | jdbc:clickhouse://127.0.0.1:32774/app           | com.clickhouse.jdbc.ClickHouseDriver
					""")
	void aDatabaseServiceGivesMigrationsItsUrlUserPasswordAndDriver(String image, String url, String driver) {
		JdbcConnectionDetails service = new Service(url, "app_owner", "compose-secret-" + image);
		Map<Class<?>, ConnectionDetails> adapted = new ConnectionDetailsFactories(getClass().getClassLoader())
			.getConnectionDetails(service, false);
		assertThat(adapted).containsKey(MigrationsConnectionDetails.class);
		MigrationsConnectionDetails details = (MigrationsConnectionDetails) adapted
			.get(MigrationsConnectionDetails.class);
		assertThat(details.getJdbcUrl()).isEqualTo(url);
		assertThat(details.getUsername()).isEqualTo("app_owner");
		assertThat(details.getPassword()).isEqualTo("compose-secret-" + image);
		assertThat(details.getDriverClassName()).isEqualTo(driver);
	}

	/**
	 * The JDBC details of a running service, with the driver Spring Boot derives from the
	 * URL.
	 */
	record Service(String url, @Nullable String user, @Nullable String password) implements JdbcConnectionDetails {

		@Override
		public String getJdbcUrl() {
			return this.url;
		}

		@Override
		public @Nullable String getUsername() {
			return this.user;
		}

		@Override
		public @Nullable String getPassword() {
			return this.password;
		}

	}

}
