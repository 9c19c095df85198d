package dev.migrations.boot.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import dev.migrations.LedgerTable;
import dev.migrations.MigrationException;
import dev.migrations.MigrationProblem;
import dev.migrations.MigrationState;
import dev.migrations.MigrationValidationException;
import dev.migrations.Remedy;
import dev.migrations.runner.MigrationRunner;
import dev.migrations.testing.DatabaseKind;
import dev.migrations.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Tests for the failure analyzers: what a failed startup prints.
 */
@ExtendWith(OutputCaptureExtension.class)
class MigrationsFailureAnalyzerTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrationsAutoConfiguration.class));

	@Test
	void brokenMigrationNamesTheMigrationTheStatementAndTheFix(@TempDir Path directory) {
		FailureAnalysis analysis = analyzeStartupFailure(new MigrationExecutionFailureAnalyzer(new MockEnvironment()),
				this.contextRunner.withPropertyValues("spring.datasource.url=jdbc:h2:file:" + directory.resolve("db"),
						"migrations.locations=classpath:db/broken"));
		assertThat(analysis.getDescription())
			.contains("Migration m_20241201000100_insert_into_missing_table failed while applying at statement 2")
			.contains("classpath:db/broken/20241201000100_insert_into_missing_table.sql")
			.contains("INSERT INTO no_such_table (id) VALUES (1)")
			.containsIgnoringCase("Table \"NO_SUCH_TABLE\" not found")
			.doesNotContain("Next step:");
		assertThat(analysis.getAction())
			.startsWith("Correct migration m_20241201000100_insert_into_missing_table (statement 2); "
					+ "starting again alone will not apply it: the database may be partly changed")
			.doesNotContain("and start the application again")
			.contains("run repair")
			.contains("run it once with the command migrate:repair")
			.contains("define a MigrationStrategy bean that calls runner.repair(false)");
		assertThat(remedy(analysis).kind()).isEqualTo(Remedy.Kind.REPAIR_THEN_RETRY);
	}

	@Test
	void brokenMigrationOnAnInMemoryDatabaseSaysToFixAndStartAgainNotToRepair() {
		FailureAnalysis analysis = analyzeStartupFailure(new MigrationExecutionFailureAnalyzer(new MockEnvironment()),
				this.contextRunner.withPropertyValues("migrations.locations=classpath:db/broken"));
		assertThat(analysis.getAction())
			.startsWith("The database lives in memory: it goes when the process ends, with what ran of "
					+ "m_20241201000100_insert_into_missing_table and its FAILED row, and the next start builds it "
					+ "anew from the migrations, so there is nothing to repair. Correct "
					+ "m_20241201000100_insert_into_missing_table "
					+ "(classpath:db/broken/20241201000100_insert_into_missing_table.sql) and start the application "
					+ "again.")
			.doesNotContain("migrate:repair")
			.doesNotContain("MigrationStrategy");
		assertThat(remedy(analysis).kind()).isEqualTo(Remedy.Kind.FIX_AND_RESTART);
	}

	@Test
	void brokenMigrationRolledBackWithItsLedgerRowSaysToFixAndStartAgain() {
		try (TestDatabase database = TestDatabase.create(DatabaseKind.POSTGRESQL)) {
			FailureAnalysis analysis = analyzeStartupFailure(
					new MigrationExecutionFailureAnalyzer(new MockEnvironment()), this.contextRunner.withPropertyValues(
							"spring.datasource.url=" + database.url(), "migrations.locations=classpath:db/broken"));
			assertThat(analysis.getAction())
				.startsWith("Fix migration m_20241201000100_insert_into_missing_table (statement 2) and start the "
						+ "application again.")
				.contains("rolled back together")
				.doesNotContain("repair");
			assertThat(remedy(analysis).kind()).isEqualTo(Remedy.Kind.FIX_AND_RETRY);
		}
	}

	@Test
	void failedMigrationBlocksTheNextStartAndExplainsHowToRepair() {
		try (H2Database database = H2Database.create()) {
			ApplicationContextRunner broken = this.contextRunner.withPropertyValues(
					"spring.datasource.url=" + database.url(), "migrations.locations=classpath:db/broken");
			broken.run((context) -> assertThat(context).hasFailed());
			FailureAnalysis analysis = analyzeStartupFailure(
					new MigrationValidationFailureAnalyzer(new MockEnvironment()), broken);
			assertThat(analysis.getDescription())
				.contains("m_20241201000100_insert_into_missing_table [FAILED] Migration "
						+ "m_20241201000100_insert_into_missing_table "
						+ "(classpath:db/broken/20241201000100_insert_into_missing_table.sql) failed in batch 1");
			assertThat(analysis.getAction()).startsWith(" - m_20241201000100_insert_into_missing_table: ")
				.contains("define a MigrationStrategy bean that calls runner.repair(false)")
				.doesNotContain("--accept-checksums");
			assertThat(problemRemedy(analysis).kind()).isEqualTo(Remedy.Kind.REPAIR_THEN_RETRY);
		}
	}

	@Test
	void checksumMismatchNamesTheEditedMigrationAndTheFix() {
		try (H2Database database = H2Database.create()) {
			MigrationRunner.builder(database.dataSource()).build().applyAll();
			database.execute("UPDATE migrations_ledger SET checksum = 'v1:0000' "
					+ "WHERE id = 'm_20241201000100_insert_first_user'");
			FailureAnalysis analysis = analyzeStartupFailure(
					new MigrationValidationFailureAnalyzer(new MockEnvironment()),
					this.contextRunner.withPropertyValues("spring.datasource.url=" + database.url()));
			assertThat(analysis.getDescription()).contains("m_20241201000100_insert_first_user [CHECKSUM_MISMATCH]")
				.contains("was changed after it was applied");
			assertThat(analysis.getAction()).startsWith(" - m_20241201000100_insert_first_user: ")
				.contains("write a new migration instead");
			assertThat(problemRemedy(analysis).kind()).isEqualTo(Remedy.Kind.ACCEPT_CHECKSUMS);
		}
	}

	@Test
	void checksumMismatchAtStartupSaysToRepairAcceptingTheChecksumsNotToRepairAlone() {
		try (H2Database database = H2Database.create()) {
			MigrationRunner.builder(database.dataSource()).build().applyAll();
			database.execute("UPDATE migrations_ledger SET checksum = 'v1:0000' "
					+ "WHERE id = 'm_20241201000100_insert_first_user'");
			FailureAnalysis analysis = analyzeStartupFailure(
					new MigrationValidationFailureAnalyzer(new MockEnvironment()),
					this.contextRunner.withPropertyValues("spring.datasource.url=" + database.url()));
			assertThat(problemRemedy(analysis).kind()).isEqualTo(Remedy.Kind.ACCEPT_CHECKSUMS);
			assertThat(problemRemedy(analysis).migration())
				.isEqualTo(dev.migrations.MigrationId.parse("m_20241201000100_insert_first_user"));
			assertThat(analysis.getAction()).isEqualTo(" - m_20241201000100_insert_first_user: Revert the change and "
					+ "write a new migration instead; or, if the change is intended, accept the new checksums with "
					+ "java -jar app.jar migrate:repair --accept-checksums.\n"
					+ "To accept them from this application, run it once with the command migrate:repair "
					+ "--accept-checksums (java -jar app.jar migrate:repair --accept-checksums), or define a "
					+ "MigrationStrategy bean that calls runner.repair(RepairOption.ACCEPT_CHECKSUMS) and then "
					+ "runner.applyAll(), start once, and remove the bean again. A plain migrate:repair does not "
					+ "accept them.");
			assertThat(analysis.getAction()).doesNotContain("(java -jar app.jar migrate:repair)")
				.doesNotContain("runner.repair(false)");
		}
	}

	@Test
	void lockTimeoutNamesTheLockHolderAndTheFix() {
		try (TestDatabase database = TestDatabase.create(DatabaseKind.POSTGRESQL)) {
			DataSource dataSource = database.dataSource();
			MigrationRunner holder = MigrationRunner.builder(dataSource).build();
			FailureAnalysis analysis = holder.dialect()
				.lock(dataSource, new LedgerTable(null, "migrations_ledger"))
				.withLock(Duration.ofSeconds(5),
						(waited) -> analyzeStartupFailure(new MigrationLockFailureAnalyzer(new MockEnvironment()),
								this.contextRunner.withPropertyValues("spring.datasource.url=" + database.url(),
										"migrations.lock-timeout=300ms")));
			assertThat(analysis.getDescription()).contains("Timed out after 300 ms waiting for the migration lock");
			assertThat(analysis.getAction()).contains("raise migrations.lock-timeout");
			assertThat(remedy(analysis).kind()).isEqualTo(Remedy.Kind.WAIT_FOR_LOCK);
			assertThat(database.tables()).doesNotContain("users");
		}
	}

	@Test
	void lockFailureThatIsNotATimeoutShowsItsOwnNextStepNotAnotherProcess() {
		try (H2Database database = H2Database.create()) {
			database.execute("CREATE TABLE migrations_ledger_lock (id INT NOT NULL PRIMARY KEY)");
			ApplicationContextRunner broken = this.contextRunner
				.withPropertyValues("spring.datasource.url=" + database.url());
			broken.run((context) -> assertThat(
					new MigrationLockFailureAnalyzer(new MockEnvironment()).analyze(context.getStartupFailure()))
				.isNull());
			FailureAnalysis analysis = analyzeStartupFailure(new MigrationFailureAnalyzer(new MockEnvironment()),
					broken);
			assertThat(analysis.getDescription())
				.startsWith("Could not take the migration lock (lease in \"MIGRATIONS_LEDGER_LOCK\")");
			assertThat(analysis.getAction()).startsWith("correct the cause of this database error")
				.endsWith("; then start the application again.")
				.doesNotContain("Another process");
			assertThat(remedy(analysis).kind()).isEqualTo(Remedy.Kind.CORRECT_DATABASE_ERROR);
		}
	}

	@Test
	void poolOfOneConnectionFailsAtOnceWithThePropertyToChange() {
		try (H2Database database = H2Database.create()) {
			FailureAnalysis analysis = analyzeStartupFailure(new MigrationFailureAnalyzer(new MockEnvironment()),
					this.contextRunner.withPropertyValues("spring.datasource.url=" + database.url(),
							"spring.datasource.hikari.maximum-pool-size=1"));
			assertThat(analysis.getDescription()).isEqualTo("The DataSource to migrate is a connection pool of at most "
					+ "one connection, and a run needs two at once: the migration lock holds one for the whole run. "
					+ "Nothing was applied.");
			assertThat(analysis.getAction()).contains("spring.datasource.hikari.maximum-pool-size")
				.contains("migrations.url");
			assertThat(remedy(analysis).kind()).isEqualTo(Remedy.Kind.SECOND_CONNECTION);
			assertThat(database.tables()).isEmpty();
		}
	}

	@Test
	void poolOfTwoConnectionsIsEnough() {
		try (H2Database database = H2Database.create()) {
			this.contextRunner
				.withPropertyValues("spring.datasource.url=" + database.url(),
						"spring.datasource.hikari.maximum-pool-size=2")
				.run((context) -> assertThat(context).hasNotFailed());
			assertThat(database.tables()).contains("migrations_ledger");
		}
	}

	@Test
	void migrationBeanWithoutIdShowsTheAnnotationToAdd() {
		FailureAnalysis analysis = analyzeStartupFailure(new MigrationDefinitionFailureAnalyzer(new MockEnvironment()),
				this.contextRunner
					.withUserConfiguration(MigrationsAutoConfigurationTests.MigrationWithoutIdConfiguration.class));
		assertThat(analysis.getDescription()).isEqualTo("Migration bean 'unnamedMigration' has no id.");
		assertThat(analysis.getAction())
			.startsWith("annotate its class or @Bean method with "
					+ "@dev.migrations.boot.autoconfigure.MigrationBean(\"m_<yyyyMMddHHmmss>_<name>\")")
			.endsWith("for example @MigrationBean(\"m_20241201000000_create_users_table\").");
		assertThat(remedy(analysis).kind()).isEqualTo(Remedy.Kind.CORRECT_CONFIGURATION);
	}

	@Test
	void invalidLedgerTableNameNamesThePropertyAndAValidName() {
		FailureAnalysis analysis = analyzeStartupFailure(new MigrationDefinitionFailureAnalyzer(new MockEnvironment()),
				this.contextRunner.withPropertyValues("migrations.table=bad-name"));
		assertThat(analysis.getDescription()).isEqualTo("Invalid ledger table name 'bad-name': use letters, digits "
				+ "and underscores, starting with a letter or underscore, at most 60 characters.");
		assertThat(analysis.getAction()).isEqualTo("set migrations.table to such a name, for example "
				+ "migrations.table=migrations_ledger (the default); then start the application again. "
				+ "Nothing was applied.");
		assertThat(remedy(analysis).kind()).isEqualTo(Remedy.Kind.CORRECT_CONFIGURATION);
		assertThat(remedy(analysis).fact(Remedy.Fact.SETTING)).isEqualTo("migrations.table");
	}

	@Test
	void ledgerTableNameWithASchemaSaysWhereTheSchemaGoes() {
		FailureAnalysis analysis = analyzeStartupFailure(new MigrationDefinitionFailureAnalyzer(new MockEnvironment()),
				this.contextRunner.withPropertyValues("migrations.instances.orders.table=ops.orders_ledger",
						"migrations.instances.orders.locations=classpath:db/orders"));
		assertThat(analysis.getDescription()).startsWith("Invalid ledger table name 'ops.orders_ledger'");
		assertThat(analysis.getAction()).startsWith("set migrations.instances.orders.table to the table name alone, "
				+ "for example migrations.instances.orders.table=migrations_ledger, and the schema in "
				+ "migrations.schema;");
	}

	@Test
	void invalidLedgerSchemaNameNamesTheProperty() {
		FailureAnalysis analysis = analyzeStartupFailure(new MigrationDefinitionFailureAnalyzer(new MockEnvironment()),
				this.contextRunner.withPropertyValues("migrations.schema=ops-schema"));
		assertThat(analysis.getDescription()).startsWith("Invalid ledger schema name 'ops-schema'");
		assertThat(analysis.getAction()).startsWith("set migrations.schema to such a name, that of an existing schema, "
				+ "or leave it empty to keep the ledger in the connection's current schema;");
	}

	@Test
	void ledgerSchemaThatDoesNotExistSaysSoAndHowToFixIt() {
		assertMissingSchemaAnalysis(this.contextRunner.withPropertyValues("migrations.schema=ops"));
		try (TestDatabase database = TestDatabase.create(DatabaseKind.POSTGRESQL)) {
			assertMissingSchemaAnalysis(this.contextRunner.withPropertyValues("spring.datasource.url=" + database.url(),
					"migrations.schema=ops"));
			assertThat(database.tables()).isEmpty();
		}
	}

	private static void assertMissingSchemaAnalysis(ApplicationContextRunner contextRunner) {
		FailureAnalysis analysis = analyzeStartupFailure(new MigrationFailureAnalyzer(new MockEnvironment()),
				contextRunner);
		assertThat(analysis.getDescription()).isEqualTo(
				"The migration ledger ops.migrations_ledger belongs in schema ops, which does not exist. Nothing was "
						+ "changed.");
		assertThat(analysis.getAction())
			.isEqualTo("create schema ops (for example CREATE SCHEMA ops) and start the application again, or "
					+ "let the run create it (migrations.create-schemas=true), or configure a ledger schema that exists (migrations.schema, or migrations.instances.<name>.schema "
					+ "for one of several instances; left empty, the ledger is kept in the connection's current "
					+ "schema).");
		assertThat(remedy(analysis).kind()).isEqualTo(Remedy.Kind.CREATE_SCHEMA);
	}

	@Test
	void urlThatNoDriverAcceptsNamesThePropertyWithoutItsCredentials() {
		FailureAnalysis analysis = analyzeStartupFailure(new MigrationFailureAnalyzer(new MockEnvironment()),
				this.contextRunner.withPropertyValues(
						"migrations.url=jdbc:postgres://app:s3cret@127.0.0.1:5432/app?password=s3cret",
						"migrations.password=hunter2"));
		assertThat(analysis.getDescription()).isEqualTo("No JDBC driver accepts migrations.url "
				+ "'jdbc:postgres://app:******@127.0.0.1:5432/app?password=******'.");
		assertThat(analysis.getAction()).startsWith("correct migrations.url: a JDBC URL names its database after "
				+ "jdbc:, for example jdbc:postgresql://localhost:5432/app");
	}

	@Test
	void urlOfADatabaseWhoseDriverIsMissingNamesTheDriver() {
		FailureAnalysis analysis = analyzeStartupFailure(new MigrationFailureAnalyzer(new MockEnvironment()),
				this.contextRunner.withPropertyValues("migrations.instances.orders.url=jdbc:mysql://db:3306/orders",
						"migrations.instances.orders.locations=classpath:db/orders"));
		assertThat(analysis.getDescription()).isEqualTo("No JDBC driver accepts migrations.instances.orders.url "
				+ "'jdbc:mysql://db:3306/orders': its driver, com.mysql.cj.jdbc.Driver, is not on the class path.");
		assertThat(analysis.getAction()).startsWith("add that driver to the application's dependencies");
	}

	@Test
	void failedStartupOnAMistypedUrlPrintsNeitherTheCredentialsNorAStackTrace(CapturedOutput output) {
		assertThatException()
			.isThrownBy(() -> new SpringApplicationBuilder(BrokenApplication.class).web(WebApplicationType.NONE)
				.properties("migrations.url=jdbc:postgres://app:s3cret@127.0.0.1:5432/app")
				.run()
				.close());
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("No JDBC driver accepts migrations.url 'jdbc:postgres://app:******@127.0.0.1:5432/app'")
			.contains("correct migrations.url")
			.doesNotContain("s3cret")
			.doesNotContain("Driver has not been set");
	}

	@Test
	void failedStartupOnADatabaseErrorThatQuotesThePasswordPrintsItNowhere(CapturedOutput output) {
		// MariaDB Connector/J quotes a URL's user information out of context
		for (String password : List.of("S3cretPw9", "e")) {
			assertThatException()
				.isThrownBy(() -> new SpringApplicationBuilder(BrokenApplication.class).web(WebApplicationType.NONE)
					.properties("spring.datasource.url=jdbc:mariadb://root:" + password + "@127.0.0.1:3306/test")
					.run()
					.close());
		}
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Could not connect to the database: Incorrect port value : ******@127.0.0.1 (SQLState null).")
			.contains("check that the database is running and reachable and that the URL, user and password are "
					+ "right; then start the application again.")
			.doesNotContain("S3cretPw9")
			.doesNotContain(" e@");
	}

	@Test
	void analyzersMaskTheConfiguredPasswordsInWhatTheyQuote() {
		MockEnvironment environment = new MockEnvironment().withProperty("spring.datasource.password", "S3cretPw9")
			.withProperty("migrations.url", "jdbc:mariadb://app:hunter2@db.example.com/app");
		dev.migrations.MigrationId id = dev.migrations.MigrationId.parse("m_20241201000100_insert_into_missing_table");
		MigrationValidationException failedRow = new MigrationValidationException(List.of(new MigrationProblem(id,
				MigrationState.FAILED, "Migration " + id + " failed: login with S3cretPw9 was refused",
				correction("Log in with the right password (not S3cretPw9), then run repair"))));
		FailureAnalysis validation = new MigrationValidationFailureAnalyzer(environment).analyze(failedRow);
		assertThat(validation.getDescription()).contains("failed: login with ****** was refused")
			.doesNotContain("S3cretPw9");
		assertThat(validation.getAction()).contains("Log in with the right password (not ******), then run repair");
		FailureAnalysis connection = new MigrationFailureAnalyzer(environment).analyze(new MigrationException(
				"Could not connect to the database: Incorrect port value : hunter2@db.example.com.",
				correction("check the URL")));
		assertThat(connection.getDescription())
			.isEqualTo("Could not connect to the database: Incorrect port value : ******@db.example.com.");
		assertThat(connection.getAction()).isEqualTo("check the URL");
	}

	@Test
	void genericAnalyzerLeavesSpecificFailuresToTheirAnalyzers() {
		this.contextRunner.withPropertyValues("migrations.locations=classpath:db/broken").run((context) -> {
			Throwable failure = context.getStartupFailure();
			assertThat(new MigrationFailureAnalyzer(new MockEnvironment()).analyze(failure)).isNull();
			assertThat(new MigrationExecutionFailureAnalyzer(new MockEnvironment()).analyze(failure)).isNotNull();
		});
	}

	@Test
	void failedStartupPrintsTheAnalysisInsteadOfAStackTrace(CapturedOutput output) {
		assertThatException()
			.isThrownBy(() -> new SpringApplicationBuilder(BrokenApplication.class).web(WebApplicationType.NONE)
				.properties("migrations.locations=classpath:db/broken")
				.run()
				.close());
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Description:")
			.contains("Migration m_20241201000100_insert_into_missing_table failed while applying at statement 2")
			.contains("Action:")
			.contains("The database lives in memory")
			.contains("Correct m_20241201000100_insert_into_missing_table "
					+ "(classpath:db/broken/20241201000100_insert_into_missing_table.sql) and start the application again.");
	}

	private static Remedy correction(String step) {
		return Remedy.of(Remedy.Kind.CORRECT_CONFIGURATION).with(Remedy.Fact.STEP, step);
	}

	private static Remedy remedy(FailureAnalysis analysis) {
		assertThat(analysis.getCause()).isInstanceOf(MigrationException.class);
		return ((MigrationException) analysis.getCause()).remedy();
	}

	private static Remedy problemRemedy(FailureAnalysis analysis) {
		assertThat(analysis.getCause()).isInstanceOf(MigrationValidationException.class);
		List<MigrationProblem> problems = ((MigrationValidationException) analysis.getCause()).getProblems();
		assertThat(problems).hasSize(1);
		return problems.get(0).remedy();
	}

	private static FailureAnalysis analyzeStartupFailure(FailureAnalyzer analyzer,
			ApplicationContextRunner contextRunner) {
		FailureAnalysis[] analysis = new FailureAnalysis[1];
		contextRunner.run((context) -> {
			assertThat(context).hasFailed();
			analysis[0] = analyzer.analyze(context.getStartupFailure());
		});
		assertThat(analysis[0]).as("analysis by " + analyzer.getClass().getSimpleName()).isNotNull();
		return analysis[0];
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ DataSourceAutoConfiguration.class, MigrationsAutoConfiguration.class })
	static class BrokenApplication {

	}

}
