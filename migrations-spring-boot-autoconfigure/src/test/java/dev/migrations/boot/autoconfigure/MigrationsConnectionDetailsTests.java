package dev.migrations.boot.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import dev.migrations.Migration;
import dev.migrations.MigrationException;
import dev.migrations.runner.MigrationRunner;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.NoUniqueBeanDefinitionException;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@link MigrationsConnectionDetails} that the auto-configuration makes of
 * {@code migrations.url}, and how a bean of the application's replaces it, on H2. The
 * same against PostgreSQL: {@code PostgresqlConnectionDetailsTests}.
 */
@ExtendWith(OutputCaptureExtension.class)
class MigrationsConnectionDetailsTests {

	private static final String PASSWORD = "Details-Pa55word-0815";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrationsAutoConfiguration.class));

	private final List<H2Database> databases = new ArrayList<>();

	@AfterEach
	void dropDatabases() {
		this.databases.forEach(H2Database::drop);
	}

	@Test
	void migrationsUrlUserAndPasswordBecomeConnectionDetails() {
		H2Database migrations = database();
		this.contextRunner
			.withPropertyValues("migrations.url=" + migrations.url(), "migrations.user=sa", "migrations.password=")
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(MigrationsConnectionDetails.class);
				MigrationsConnectionDetails details = context.getBean(MigrationsConnectionDetails.class);
				assertThat(details).isInstanceOf(PropertiesMigrationsConnectionDetails.class);
				assertThat(details.getJdbcUrl()).isEqualTo(migrations.url());
				assertThat(details.getUsername()).isEqualTo("sa");
				assertThat(details.getPassword()).isEmpty();
				assertThat(details.getDriverClassName()).isEqualTo("org.h2.Driver");
				assertThat(migrations.tables()).contains("migrations_ledger", "users");
				assertThat(Databases.tables(context.getBean(DataSource.class))).isEmpty();
			});
	}

	@Test
	void noConnectionDetailsWithoutMigrationsUrl() {
		this.contextRunner.withPropertyValues("migrations.url=", "migrations.user=sa").run((context) -> {
			assertThat(context).hasNotFailed().doesNotHaveBean(MigrationsConnectionDetails.class);
			assertThat(Databases.tables(context.getBean(DataSource.class))).contains("migrations_ledger", "users");
		});
	}

	@Test
	void backsOffWhenTheApplicationDeclaresConnectionDetails() {
		H2Database declared = database();
		H2Database configured = database();
		this.contextRunner
			.withBean(MigrationsConnectionDetails.class, () -> new Details(declared.url(), "sa", "", null))
			.withPropertyValues("migrations.url=" + configured.url(), "migrations.user=sa")
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(MigrationsConnectionDetails.class);
				assertThat(context.getBean(MigrationsConnectionDetails.class)).isInstanceOf(Details.class);
				assertThat(declared.tables()).contains("migrations_ledger", "users");
				assertThat(configured.tables()).isEmpty();
				assertThat(Databases.tables(context.getBean(DataSource.class))).isEmpty();
			});
	}

	@Test
	void connectionDetailsWinOverAMigrationsDataSourceBean() {
		H2Database declared = database();
		H2Database qualified = database();
		this.contextRunner
			.withBean(MigrationsConnectionDetails.class, () -> new Details(declared.url(), "sa", "", null))
			.withUserConfiguration(QualifiedDataSourceConfiguration.class)
			.withPropertyValues("test.qualified-url=" + qualified.url())
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(declared.tables()).contains("migrations_ledger", "users");
				assertThat(qualified.tables()).isEmpty();
			});
	}

	@Test
	void startsWithoutAnyDataSourceWhenConnectionDetailsExist() {
		H2Database declared = database();
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(MigrationsAutoConfiguration.class))
			.withBean(MigrationsConnectionDetails.class, () -> new Details(declared.url(), "sa", "", null))
			.run((context) -> {
				assertThat(context).hasNotFailed()
					.doesNotHaveBean(DataSource.class)
					.hasSingleBean(MigrationRunner.class);
				assertThat(Databases.ledgerIds(declared.dataSource()))
					.containsExactly("m_20241201000000_create_users_table", "m_20241201000100_insert_first_user");
			});
	}

	@Test
	void instancesKeepTheirOwnConnectionsWhenConnectionDetailsExist() {
		H2Database declared = database();
		H2Database orders = database();
		this.contextRunner
			.withBean(MigrationsConnectionDetails.class, () -> new Details(declared.url(), "sa", "", null))
			.withPropertyValues("migrations.instances.orders.url=" + orders.url(),
					"migrations.instances.orders.user=sa", "migrations.instances.orders.locations=classpath:db/orders")
			.run((context) -> {
				assertThat(context).hasNotFailed()
					.hasSingleBean(MigrationRunner.class)
					.hasBean("ordersMigrationRunner");
				assertThat(orders.tables()).contains("migrations_ledger", "orders");
				assertThat(declared.tables()).isEmpty();
			});
	}

	@Test
	void driverClassNameDefaultsToTheDriverOfTheDatabaseTheUrlNames() {
		assertThat(new Details("jdbc:postgresql://db:5432/app", null, null, null).getDriverClassName())
			.isEqualTo("org.postgresql.Driver");
		assertThat(new Details("jdbc:mariadb://db:3306/app", null, null, null).getDriverClassName())
			.isEqualTo("org.mariadb.jdbc.Driver");
		assertThat(new Details("jdbc:nosuchdatabase://db/app", null, null, null).getDriverClassName()).isNull();
		assertThat(new Details("postgresql://db:5432/app", null, null, null).getDriverClassName()).isNull();
	}

	@Test
	void aUrlNoDriverAcceptsFailsNamingTheBeanWithoutItsPasswords() {
		this.contextRunner
			.withBean(MigrationsConnectionDetails.class,
					() -> new Details("jdbc:nosuchdatabase://db/app?password=Url-" + PASSWORD, "owner", PASSWORD, null))
			.run((context) -> {
				assertThat(context).hasFailed();
				Throwable failure = context.getStartupFailure();
				assertThat(migrationException(failure)).isNotNull()
					.hasMessageContaining(
							"No JDBC driver accepts the JDBC URL of the MigrationsConnectionDetails bean 'jdbc:nosuchdatabase://db/app?password=")
					.hasMessageContaining("correct the URL that bean returns");
				assertThat(messages(failure)).doesNotContain(PASSWORD);
			});
	}

	@Test
	void aFailedMigrationShowsNoPasswordOfTheConnectionDetails(CapturedOutput output) {
		// Gone with its last connection: its password is not the one H2Database opens
		// with
		String url = "jdbc:h2:mem:details_" + UUID.randomUUID().toString().replace("-", "");
		this.contextRunner.withBean(MigrationsConnectionDetails.class, () -> new Details(url, "sa", PASSWORD, null))
			.withUserConfiguration(QuotesThePasswordConfiguration.class)
			.run((context) -> {
				assertThat(context).hasFailed();
				String messages = messages(context.getStartupFailure());
				assertThat(messages).contains("MISSING_TABLE").doesNotContain(PASSWORD);
			});
		assertThat(output).doesNotContain(PASSWORD);
	}

	@Test
	void twoConnectionDetailsBeansFailTheStartNamingBoth() {
		H2Database first = database();
		H2Database second = database();
		this.contextRunner
			.withBean("firstDetails", MigrationsConnectionDetails.class, () -> new Details(first.url(), "sa", "", null))
			.withBean("secondDetails", MigrationsConnectionDetails.class,
					() -> new Details(second.url(), "sa", "", null))
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOf(NoUniqueBeanDefinitionException.class)
					.hasMessageContaining("firstDetails")
					.hasMessageContaining("secondDetails");
				assertThat(first.tables()).isEmpty();
				assertThat(second.tables()).isEmpty();
			});
	}

	private static @Nullable MigrationException migrationException(@Nullable Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof MigrationException migration) {
				return migration;
			}
		}
		return null;
	}

	private static String messages(Throwable failure) {
		StringBuilder messages = new StringBuilder();
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			messages.append(cause).append('\n');
		}
		return messages.toString();
	}

	private H2Database database() {
		H2Database database = H2Database.create();
		this.databases.add(database);
		return database;
	}

	@Configuration(proxyBeanMethods = false)
	static class QuotesThePasswordConfiguration {

		@Bean
		@MigrationBean("m_20241201000050_quote_the_password")
		Migration quoteThePassword() {
			return (schema) -> schema.sql("INSERT INTO missing_table VALUES ('" + PASSWORD + "')");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class QualifiedDataSourceConfiguration {

		@Bean
		@MigrationsDataSource
		DataSource migrationsDataSource(Environment environment) {
			return new DriverManagerDataSource(environment.getRequiredProperty("test.qualified-url"), "sa", "");
		}

	}

	/**
	 * Connection details an application declares.
	 */
	record Details(String url, @Nullable String user, @Nullable String password,
			@Nullable String driver) implements MigrationsConnectionDetails {

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

		@Override
		public @Nullable String getDriverClassName() {
			return (this.driver != null) ? this.driver : MigrationsConnectionDetails.super.getDriverClassName();
		}

	}

}
