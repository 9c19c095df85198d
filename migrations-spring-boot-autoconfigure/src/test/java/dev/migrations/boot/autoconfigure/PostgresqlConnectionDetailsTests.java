package dev.migrations.boot.autoconfigure;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import dev.migrations.boot.autoconfigure.MigrationsConnectionDetailsTests.Details;
import dev.migrations.runner.MigrationRunner;
import dev.migrations.testing.DatabaseKind;
import dev.migrations.testing.OnDatabase;
import dev.migrations.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application whose own DataSource is an in-memory H2 database and whose migrations
 * run against a fresh PostgreSQL database through {@link MigrationsConnectionDetails}:
 * declared as a bean, made of {@code migrations.url}, or both (the bean wins); and an
 * application without any DataSource, as one that uses R2DBC only.
 */
@OnDatabase(DatabaseKind.POSTGRESQL)
@ExtendWith(OutputCaptureExtension.class)
class PostgresqlConnectionDetailsTests {

	private static final String PASSWORD = "Service-Pa55word-2026";

	private static final Pattern USER = Pattern.compile("[?&]user=([^&]*)");

	private static final String[] MIGRATIONS = { "m_20241201000000_create_users_table",
			"m_20241201000100_insert_first_user" };

	private TestDatabase postgresql;

	private H2Database application;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrationsAutoConfiguration.class));

	@BeforeEach
	void createDatabases() {
		this.postgresql = TestDatabase.create(DatabaseKind.POSTGRESQL);
		this.application = H2Database.create();
	}

	@AfterEach
	void dropDatabases() {
		if (this.application != null) {
			this.application.drop();
		}
		// A server that is not available skips the test before the database is created
		if (this.postgresql != null) {
			this.postgresql.close();
		}
	}

	@Test
	void migrationsLandInTheDatabaseOfAConnectionDetailsBeanNotInTheApplicationsDataSource(CapturedOutput output) {
		this.contextRunner.withPropertyValues("spring.datasource.url=" + this.application.url())
			.withBean(MigrationsConnectionDetails.class, this::postgresqlDetails)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertMigratedPostgresql();
				assertThat(context.getBean(MigrationRunner.class).dialect().name()).isEqualTo("postgresql");
				assertThat(context.getBean(MigrationRunner.class).dataSource())
					.isNotSameAs(context.getBean(DataSource.class));
				assertThat(Databases.tables(context.getBean(DataSource.class))).isEmpty();
			});
		assertThat(output).contains("Applied 2 migration(s)").doesNotContain(PASSWORD);
	}

	@Test
	void migrationsUrlStillOpensTheMigrationsConnection() {
		this.contextRunner
			.withPropertyValues("spring.datasource.url=" + this.application.url(),
					"migrations.url=" + this.postgresql.url())
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(MigrationsConnectionDetails.class))
					.isInstanceOf(PropertiesMigrationsConnectionDetails.class)
					.extracting(MigrationsConnectionDetails::getJdbcUrl)
					.isEqualTo(this.postgresql.url());
				assertMigratedPostgresql();
				assertThat(Databases.tables(context.getBean(DataSource.class))).isEmpty();
			});
	}

	@Test
	void aConnectionDetailsBeanWinsOverMigrationsUrlUserAndPassword(CapturedOutput output) {
		H2Database configured = H2Database.create();
		try {
			this.contextRunner
				.withPropertyValues("spring.datasource.url=" + this.application.url(),
						"migrations.url=" + configured.url(), "migrations.user=sa", "migrations.password=")
				.withBean(MigrationsConnectionDetails.class, this::postgresqlDetails)
				.run((context) -> {
					assertThat(context).hasNotFailed().hasSingleBean(MigrationsConnectionDetails.class);
					assertMigratedPostgresql();
					assertThat(configured.tables()).isEmpty();
					assertThat(Databases.tables(context.getBean(DataSource.class))).isEmpty();
				});
		}
		finally {
			configured.drop();
		}
		assertThat(output).doesNotContain(PASSWORD);
	}

	@Test
	void anApplicationWithoutAnyDataSourceMigratesThroughConnectionDetails() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(MigrationsAutoConfiguration.class))
			.withBean(MigrationsConnectionDetails.class, this::postgresqlDetails)
			.run((context) -> {
				assertThat(context).hasNotFailed()
					.doesNotHaveBean(DataSource.class)
					.hasSingleBean(MigrationRunner.class);
				assertMigratedPostgresql();
			});
	}

	private void assertMigratedPostgresql() {
		assertThat(this.postgresql.tables()).contains("users", "migrations_ledger");
		assertThat(Databases.ledgerIds(this.postgresql.dataSource())).containsExactly(MIGRATIONS);
		assertThat(this.postgresql.queryForString("SELECT email FROM users")).isEqualTo("ada@example.com");
		assertThat(this.application.tables()).isEmpty();
	}

	/**
	 * The details of the PostgreSQL database, with the user apart from the URL as a
	 * service connection gives them, and a password the server does not ask for.
	 */
	private MigrationsConnectionDetails postgresqlDetails() {
		String url = this.postgresql.url();
		Matcher user = USER.matcher(url);
		return new Details(url, user.find() ? user.group(1) : null, PASSWORD, null);
	}

}
