package dev.migrations.boot.actuate;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import dev.migrations.MigrationExecutionException;
import dev.migrations.boot.actuate.MigrationsEndpoint.RunnerDriftDescriptor;
import dev.migrations.boot.autoconfigure.MigrationsAutoConfiguration;
import dev.migrations.dialect.Dialects;
import dev.migrations.runner.MigrationRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Neither the {@code migrations} endpoint nor the health contributor shows a password the
 * application configures, in whichever way it configures it, though a {@code FAILED}
 * row's error or the database's own error quotes it.
 */
class MigrationsActuatorSecretsTests {

	private static final String PASSWORD = "S3cretPw9";

	private static final String FAILED = "m_20241201000200_create_comments_table";

	@TempDir
	Path directory;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrationsAutoConfiguration.class,
				MigrationsEndpointAutoConfiguration.class, MigrationsHealthContributorAutoConfiguration.class))
		.withPropertyValues("management.endpoints.web.exposure.include=migrations", "migrations.on-startup=none",
				"migrations.locations=" + ObservedDatabase.LOCATION);

	static Stream<Arguments> configurations() {
		return Stream.of(
				configuration("spring.datasource.password",
						(url, password) -> List.of("spring.datasource.url=" + url, "spring.datasource.username=sa",
								"spring.datasource.password=" + password),
						Map.of()),
				configuration("SPRING_DATASOURCE_PASSWORD",
						(url, password) -> List.of("spring.datasource.url=" + url, "spring.datasource.username=sa"),
						(password) -> Map.of("SPRING_DATASOURCE_PASSWORD", password)),
				configuration("migrations.password",
						(url, password) -> List.of("spring.datasource.url=" + url, "migrations.user=sa",
								"migrations.password=" + password),
						Map.of()),
				configuration("MIGRATIONS_PASSWORD", (url, password) -> List.of("spring.datasource.url=" + url),
						(password) -> Map.of("MIGRATIONS_USER", "sa", "MIGRATIONS_PASSWORD", password)),
				configuration("PASSWORD= in migrations.url",
						(url, password) -> List.of("migrations.url=" + url + ";USER=sa;PASSWORD=" + password),
						Map.of()));
	}

	private static Arguments configuration(String form, Properties properties, Map<String, String> environment) {
		return configuration(form, properties, (password) -> environment);
	}

	private static Arguments configuration(String form, Properties properties, Environment environment) {
		return Arguments.of(form, properties, environment);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("configurations")
	void aFailedRowsErrorIsShownWithThePasswordMasked(String form, Properties properties, Environment environment) {
		String url = database(PASSWORD);
		run(properties.of(url, PASSWORD), environment.of(PASSWORD), (context) -> {
			String responses = responses(context);
			assertThat(responses).contains("\"state\":\"FAILED\"")
				.contains("Incorrect port value : ******@db.example.com")
				.contains("the password ****** was refused")
				.doesNotContain(PASSWORD);
		});
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("configurations")
	void aOneCharacterPasswordIsMaskedWithoutGarblingTheError(String form, Properties properties,
			Environment environment) {
		String url = database("e");
		run(properties.of(url, "e"), environment.of("e"),
				(context) -> assertThat(responses(context))
					.contains("Could not connect to the database: Incorrect port value : ******@db.example.com; "
							+ "the password ****** was refused")
					.contains(FAILED));
	}

	@Test
	void theApplicationsOwnRunnerIsShownWithTheConfiguredPasswordMasked() {
		String url = database(PASSWORD);
		DriverManagerDataSource dataSource = new DriverManagerDataSource(url, "sa", PASSWORD);
		this.contextRunner.withPropertyValues("spring.datasource.password=" + PASSWORD)
			.withBean(MigrationRunner.class,
					() -> MigrationRunner.builder(dataSource).locations(ObservedDatabase.LOCATION).build())
			.run((context) -> assertThat(responses(context)).contains("Incorrect port value : ******@db.example.com")
				.doesNotContain(PASSWORD));
	}

	@Test
	void aWriteOperationThatFailsThrowsItsErrorWithThePasswordMasked() throws IOException {
		String url = "jdbc:h2:mem:secrets_" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1";
		new JdbcTemplate(new DriverManagerDataSource(url, "sa", PASSWORD)).execute("CREATE TABLE logins (login INT)");
		Files.writeString(this.directory.resolve("20241201000600_record_login.sql"),
				"-- migrations: no-transaction\nINSERT INTO no_such_table (login) VALUES ('app:" + PASSWORD + "');");
		this.contextRunner
			.withPropertyValues("spring.datasource.url=" + url, "spring.datasource.username=sa",
					"spring.datasource.password=" + PASSWORD, "migrations.locations=filesystem:" + this.directory)
			.run((context) -> {
				MigrationsEndpoint endpoint = context.getBean(MigrationsEndpoint.class);
				assertThatExceptionOfType(MigrationExecutionException.class)
					.isThrownBy(() -> endpoint.migrate("apply", null, null, null))
					.satisfies((failure) -> assertThat(stackTrace(failure))
						.contains("Migration m_20241201000600_record_login failed while applying")
						.contains("VALUES ('app:******')")
						.doesNotContain(PASSWORD));
				// The migration's own SQL (upSql) is shown as written; its recorded error
				// is not
				assertThat(JsonMapper.builder().build().writeValueAsString(endpoint.migrations()))
					.contains("\"state\":\"FAILED\"")
					.contains("VALUES ('app:******')")
					.doesNotContain(PASSWORD);
			});
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("shadowConfigurations")
	void aShadowDatabaseThatIsNotEmptyIsRefusedInTheDriftWithoutItsPassword(String form, List<String> properties) {
		String shadowUrl = "jdbc:h2:mem:shadow_" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1";
		JdbcTemplate shadow = new JdbcTemplate(new DriverManagerDataSource(shadowUrl, "sa", PASSWORD));
		shadow.execute("CREATE TABLE leftover (id INT PRIMARY KEY)");
		try {
			List<String> all = new ArrayList<>(List.of("spring.datasource.url=" + database("M4inPw"),
					"spring.datasource.username=sa", "spring.datasource.password=M4inPw"));
			properties.forEach((property) -> all.add(property.replace("{url}", shadowUrl)));
			this.contextRunner.withPropertyValues(all.toArray(String[]::new)).run((context) -> {
				RunnerDriftDescriptor drift = context.getBean(MigrationsEndpoint.class)
					.drift(null)
					.runners()
					.get("migrationRunner");
				assertThat(drift.drift()).isNull();
				assertThat(drift.error()).contains("is not empty (it holds table LEFTOVER)").doesNotContain(PASSWORD);
				assertThat(JsonMapper.builder().build().writeValueAsString(drift)).doesNotContain(PASSWORD);
			});
		}
		finally {
			shadow.execute("SHUTDOWN");
		}
	}

	static Stream<Arguments> shadowConfigurations() {
		return Stream.of(
				Arguments.of("migrations.shadow-password",
						List.of("migrations.shadow-url={url}", "migrations.shadow-user=sa",
								"migrations.shadow-password=" + PASSWORD)),
				Arguments.of("PASSWORD= in migrations.shadow-url",
						List.of("migrations.shadow-url={url};USER=sa;PASSWORD=" + PASSWORD)));
	}

	@Test
	void healthThatCannotReadTheLedgerShowsTheDatabasesErrorWithThePasswordInTheUrlMasked() {
		// MariaDB Connector/J quotes a URL's user information out of context
		String url = "jdbc:mariadb://root:" + PASSWORD + "@127.0.0.1:3306/test";
		this.contextRunner.withPropertyValues("spring.datasource.url=" + url)
			.withBean(MigrationRunner.class,
					() -> MigrationRunner.builder(new DriverManagerDataSource(url))
						.dialect(Dialects.forProduct("MariaDB", "10.11.0-MariaDB"))
						.locations(ObservedDatabase.LOCATION)
						.build())
			.run((context) -> {
				Health health = context.getBean("migrationsHealthContributor", HealthIndicator.class).health();
				assertThat(health.getStatus()).isEqualTo(Status.DOWN);
				assertThat(health.getDetails().get("error")).asString()
					.contains("Could not connect to the database: Incorrect port value : ******@127.0.0.1")
					.doesNotContain(PASSWORD);
			});
	}

	/**
	 * Create an H2 database whose user {@code sa} has a password, with migrations in
	 * every state, and a {@code FAILED} row whose error quotes the password as a driver
	 * would.
	 */
	private static String database(String password) {
		String url = "jdbc:h2:mem:secrets_" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1";
		DriverManagerDataSource dataSource = new DriverManagerDataSource(url, "sa", password);
		ObservedDatabase.seed(dataSource);
		new JdbcTemplate(dataSource).update("UPDATE migrations_ledger SET error = ? WHERE id = ?",
				"Could not connect to the database: Incorrect port value : " + password
						+ "@db.example.com; the password " + password + " was refused",
				FAILED);
		return url;
	}

	private void run(List<String> properties, Map<String, String> environment,
			java.util.function.Consumer<AssertableApplicationContext> assertions) {
		this.contextRunner.withPropertyValues(properties.toArray(String[]::new))
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
						new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
								Map.copyOf(environment))))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertions.accept(context);
			});
	}

	/**
	 * Return what the endpoint and the health contributor answer, as JSON.
	 */
	private static String responses(AssertableApplicationContext context) {
		MigrationsEndpoint endpoint = context.getBean(MigrationsEndpoint.class);
		Health health = context.getBean("migrationsHealthContributor", HealthIndicator.class).health();
		List<Object> responses = new ArrayList<>(
				List.of(endpoint.migrations(), endpoint.migration(FAILED, null), health.getDetails()));
		return JsonMapper.builder().build().writeValueAsString(responses);
	}

	private static String stackTrace(Throwable failure) {
		StringWriter trace = new StringWriter();
		failure.printStackTrace(new PrintWriter(trace));
		return trace.toString();
	}

	/**
	 * The properties of one way to configure the password.
	 */
	@FunctionalInterface
	interface Properties {

		List<String> of(String url, String password);

	}

	/**
	 * The environment variables of one way to configure the password.
	 */
	@FunctionalInterface
	interface Environment {

		Map<String, String> of(String password);

	}

}
