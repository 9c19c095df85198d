package dev.migrations.boot.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.migrations.runner.MigrationDriftException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Startup with {@code migrations.verify}: a database changed by hand after its migrations
 * were applied fails the start with the differences ({@code fail}) or starts and logs
 * them ({@code warn}); a shadow database that is not empty is refused, and its password
 * is shown nowhere.
 */
@ExtendWith(OutputCaptureExtension.class)
class MigrationsVerificationTests {

	private static final String SHADOW_PASSWORD = "Sh4dowPw7";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrationsAutoConfiguration.class));

	private final List<H2Database> databases = new ArrayList<>();

	@AfterEach
	void dropDatabases() {
		this.databases.forEach(H2Database::drop);
	}

	@Test
	void verifyFailRefusesToStartOnADatabaseChangedByHandAndNamesTheDifferences() {
		H2Database database = changedByHandAfterAFirstStart();
		this.contextRunner.withPropertyValues("spring.datasource.url=" + database.url(), "migrations.verify=fail")
			.run((context) -> {
				assertThat(context).hasFailed();
				Throwable failure = context.getStartupFailure();
				assertThat(failure).rootCause().isInstanceOf(MigrationDriftException.class);
				assertThat(new MigrationFailureAnalyzer(new MockEnvironment()).analyze(failure)).isNull();
				FailureAnalysis analysis = new MigrationDriftFailureAnalyzer(new MockEnvironment()).analyze(failure);
				assertThat(analysis.getDescription())
					.startsWith("The database differs from the schema its applied migrations build")
					.contains("\n    + column USERS.NICKNAME: varchar(20) null")
					.contains("\n    + table NOTES: columns (ID)");
				assertThat(analysis.getAction()).startsWith("What was applied stays applied.")
					.contains("write a new migration")
					.contains("migrate:diff")
					.contains("migrations.verify=warn");
			});
	}

	@Test
	void verifyFailPrintsTheDifferencesWhenTheApplicationFailsToStart(CapturedOutput output) {
		H2Database database = changedByHandAfterAFirstStart();
		assertThatException()
			.isThrownBy(() -> new SpringApplicationBuilder(VerifiedApplication.class).web(WebApplicationType.NONE)
				.properties("spring.datasource.url=" + database.url(), "migrations.verify=fail")
				.run()
				.close());
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("+ column USERS.NICKNAME")
			.contains("bring the database back to the schema its migrations build");
	}

	@Test
	void verifyWarnStartsAndLogsTheDifferences(CapturedOutput output) {
		H2Database database = changedByHandAfterAFirstStart();
		this.contextRunner.withPropertyValues("spring.datasource.url=" + database.url(), "migrations.verify=warn")
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output).contains("WARN")
			.contains("the database differs from the schema its migrations build")
			.contains("+ column USERS.NICKNAME");
	}

	@Test
	void verifyPassesOnADatabaseAppliedFromItsMigrations(CapturedOutput output) {
		H2Database database = h2();
		this.contextRunner.withPropertyValues("spring.datasource.url=" + database.url(), "migrations.verify=fail")
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output).contains("Verified: the database holds the schema its migrations build");
	}

	@Test
	void aShadowDatabaseThatIsNotEmptyIsRefusedWithoutItsPassword(CapturedOutput output) {
		H2Database database = h2();
		String shadowUrl = "jdbc:h2:mem:shadow_" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1";
		H2Database shadow = new H2Database(shadowUrl, new DriverManagerDataSource(shadowUrl, "sa", SHADOW_PASSWORD));
		this.databases.add(shadow);
		shadow.execute("CREATE TABLE leftover (id INT PRIMARY KEY)");
		assertThatException()
			.isThrownBy(() -> new SpringApplicationBuilder(VerifiedApplication.class).web(WebApplicationType.NONE)
				.properties("spring.datasource.url=" + database.url(), "migrations.verify=fail",
						"migrations.shadow-url=" + shadowUrl, "migrations.shadow-user=sa",
						"migrations.shadow-password=" + SHADOW_PASSWORD)
				.run()
				.close())
			.havingRootCause()
			.withMessageContaining("is not empty (it holds table LEFTOVER)");
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("is not empty (it holds table LEFTOVER)")
			.contains("is of the same kind and is empty, or name another that is empty")
			.doesNotContain(SHADOW_PASSWORD);
		assertThat(shadow.tables()).containsExactly("leftover");
	}

	/**
	 * Start once on a new database, then add a column and a table to it by hand.
	 */
	private H2Database changedByHandAfterAFirstStart() {
		H2Database database = h2();
		this.contextRunner.withPropertyValues("spring.datasource.url=" + database.url())
			.run((context) -> assertThat(context).hasNotFailed());
		database.execute("ALTER TABLE users ADD nickname VARCHAR(20)");
		database.execute("CREATE TABLE notes (id INT PRIMARY KEY)");
		return database;
	}

	private H2Database h2() {
		H2Database database = H2Database.create();
		this.databases.add(database);
		return database;
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ DataSourceAutoConfiguration.class, MigrationsAutoConfiguration.class })
	static class VerifiedApplication {

	}

}
