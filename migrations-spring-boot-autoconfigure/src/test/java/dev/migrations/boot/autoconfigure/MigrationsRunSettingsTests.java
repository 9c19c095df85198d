package dev.migrations.boot.autoconfigure;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.migrations.MigrationDefinitionException;
import dev.migrations.testing.DatabaseKind;
import dev.migrations.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code migrations.*} properties Flyway users rely on, through the
 * auto-configuration: placeholders, target, init SQL, schema creation and the driver of a
 * dedicated connection on a real PostgreSQL server, connect retries against a port where
 * nothing listens, and an instance inheriting the top-level values.
 */
@ExtendWith(OutputCaptureExtension.class)
class MigrationsRunSettingsTests {

	private static final String SECRET = "Pl4ceholder-Secret-93";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrationsAutoConfiguration.class));

	private final List<AutoCloseable> databases = new ArrayList<>();

	@TempDir
	Path directory;

	@AfterEach
	void dropDatabases() throws Exception {
		for (AutoCloseable database : this.databases) {
			database.close();
		}
	}

	@Test
	void placeholdersTargetInitSqlsAndSchemaCreationOnPostgresql(CapturedOutput output) throws IOException {
		TestDatabase database = TestDatabase.create(DatabaseKind.POSTGRESQL);
		this.databases.add(database);
		write("20240101000000_one.sql", "CREATE TABLE ${table_name} (id INT PRIMARY KEY, timeout TEXT);\n"
				+ "INSERT INTO ${table_name} VALUES (1, current_setting('statement_timeout'));\n");
		write("20240102000000_two.sql", "CREATE TABLE two_t AS SELECT '${db.password}'::text AS p;\n");
		write("20240103000000_three.sql", "CREATE TABLE three_t (id INT);\n");
		this.contextRunner
			.withPropertyValues("migrations.url=" + database.url(),
					"migrations.driver-class-name=org.postgresql.Driver",
					"migrations.locations=filesystem:" + this.directory, "migrations.placeholders.table_name=widgets",
					"migrations.placeholders.db.password=" + SECRET, "migrations.target=20240102000000_two",
					"migrations.init-sqls[0]=SET statement_timeout = 4321", "migrations.schema=ledger_home",
					"migrations.create-schemas=true")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				JdbcTemplate jdbc = new JdbcTemplate(database.dataSource());
				assertThat(jdbc.queryForObject("SELECT timeout FROM public.widgets", String.class)).isEqualTo("4321ms");
				assertThat(jdbc.queryForObject("SELECT p FROM public.two_t", String.class)).isEqualTo(SECRET);
				assertThat(database.tables()).doesNotContain("three_t");
				assertThat(jdbc.queryForList("SELECT id FROM ledger_home.migrations_ledger ORDER BY id", String.class))
					.containsExactly("m_20240101000000_one", "m_20240102000000_two");
			});
		assertThat(output).doesNotContain(SECRET);
	}

	@Test
	void initSqlsRunOnTheLockSessionAndInPretendWithAPooledConnectionOfMigrationsOwn(CapturedOutput output)
			throws IOException {
		TestDatabase database = TestDatabase.create(DatabaseKind.POSTGRESQL);
		this.databases.add(database);
		database.execute("CREATE SCHEMA app");
		write("20240101000000_one.sql", """
				CREATE TABLE lock_session AS SELECT a.application_name
				FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
				WHERE l.locktype = 'advisory' AND l.granted
				  AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database());
				""");
		String[] properties = { "migrations.url=" + database.url(), "migrations.locations=filesystem:" + this.directory,
				"migrations.init-sqls[0]=SET application_name = 'migrations-init'",
				"migrations.init-sqls[1]=SET search_path TO app" };
		this.contextRunner.withPropertyValues(properties).run((context) -> assertThat(context).hasNotFailed());
		assertThat(database.queryForLong("SELECT count(*) FROM app.migrations_ledger")).isOne();
		assertThat(database.queryForString("SELECT string_agg(application_name, ',') FROM app.lock_session"))
			.isEqualTo("migrations-init");
		write("20240102000000_two.sql", "CREATE TABLE pretended (id INT);\n");
		this.contextRunner.withPropertyValues(properties)
			.withPropertyValues("migrations.on-startup=pretend")
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output).contains("CREATE TABLE pretended").doesNotContain("CREATE TABLE lock_session");
		assertThat(database.tables()).doesNotContain("pretended");
	}

	@Test
	void aMissingPlaceholderFailsStartupNamingTheFileThePlaceholderAndBothProperties() throws IOException {
		write("20240101000000_one.sql", "CREATE TABLE ${table_name} (id INT PRIMARY KEY);\n");
		this.contextRunner.withPropertyValues("migrations.locations=filesystem:" + this.directory).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("20240101000000_one.sql")
				.hasMessageContaining("${table_name}")
				.hasMessageContaining("migrations.placeholders.table_name")
				.hasMessageContaining("migrations.placeholder-replacement=false");
		});
		this.contextRunner
			.withPropertyValues("migrations.locations=filesystem:" + this.directory,
					"migrations.placeholder-replacement=false")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageNotContaining("placeholder"));
	}

	@Test
	void anUnknownTargetFailsStartupNamingIt() throws IOException {
		write("20240101000000_one.sql", "CREATE TABLE one_t (id INT PRIMARY KEY);\n");
		this.contextRunner
			.withPropertyValues("migrations.locations=filesystem:" + this.directory,
					"migrations.target=20240101000000_onw")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOf(MigrationDefinitionException.class)
					.hasMessageContaining("20240101000000_onw")
					.hasMessageContaining("migrations.target");
				FailureAnalysis analysis = new MigrationDefinitionFailureAnalyzer(new StandardEnvironment())
					.analyze(context.getStartupFailure());
				assertThat(analysis.getAction()).startsWith("Set the target to the id of a migration file")
					.doesNotContain("Correct the migration");
			});
	}

	@Test
	void aMissingWrongOrForeignDriverClassFailsStartupNamingTheClassAndTheProperty() {
		H2Database dedicated = H2Database.create();
		this.databases.add(dedicated);
		this.contextRunner
			.withPropertyValues("migrations.url=" + dedicated.url(), "migrations.user=sa",
					"migrations.driver-class-name=com.example.NoSuchDriver")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).hasRootCauseInstanceOf(ClassNotFoundException.class)
					.hasStackTraceContaining("The JDBC driver com.example.NoSuchDriver (migrations.driver-class-name) "
							+ "is not on the class path");
			});
		this.contextRunner
			.withPropertyValues("migrations.url=" + dedicated.url(), "migrations.user=sa",
					"migrations.driver-class-name=java.lang.String")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("java.lang.String")
				.hasMessageContaining("not a JDBC driver"));
		this.contextRunner
			.withPropertyValues("migrations.url=" + dedicated.url() + ";PASSWORD=" + SECRET, "migrations.user=sa",
					"migrations.driver-class-name=org.postgresql.Driver")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("The JDBC driver org.postgresql.Driver (migrations.driver-class-name) does "
						+ "not accept the URL 'jdbc:h2:")
				.hasMessageContaining("the driver of another database")
				.message()
				.doesNotContain(SECRET));
	}

	@Test
	void connectRetriesTryAgainWhileNothingListensAndLogNoPassword(CapturedOutput output) throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		this.contextRunner
			.withPropertyValues("migrations.url=jdbc:postgresql://127.0.0.1:" + port + "/app?connectTimeout=2",
					"migrations.user=app", "migrations.password=" + SECRET, "migrations.connect-retries=2",
					"migrations.connect-retries-interval=10ms")
			.run((context) -> assertThat(context).hasFailed());
		assertThat(output).contains("attempt 1 of 3")
			.contains("attempt 2 of 3")
			.doesNotContain("attempt 3 of 3")
			.doesNotContain(SECRET);
	}

	@Test
	void aDriverClassWithoutAUrlOfItsOwnIsReportedUnused(CapturedOutput output) {
		H2Database application = H2Database.create();
		this.databases.add(application);
		this.contextRunner
			.withPropertyValues("spring.datasource.url=" + application.url(),
					"migrations.driver-class-name=org.h2.Driver", "migrations.locations=filesystem:" + this.directory)
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output).contains("migrations.driver-class-name is set but migrations.url is not: the driver is "
				+ "used only for migrations.url");
	}

	@Test
	void placeholdersFromEnvironmentVariablesAreLowerCaseWithDots() {
		SystemEnvironmentPropertySource environment = new SystemEnvironmentPropertySource(
				StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
				Map.of("MIGRATIONS_PLACEHOLDERS_AUDIT_SCHEMA", "audit", "MIGRATIONS_PLACEHOLDERS_APPROLE", "app_rw"));
		MigrationsProperties properties = new Binder(ConfigurationPropertySources.from(environment))
			.bind("migrations", MigrationsProperties.class)
			.get();
		assertThat(properties.getPlaceholders()).containsOnly(Map.entry("audit.schema", "audit"),
				Map.entry("approle", "app_rw"));
	}

	@Test
	void anInitSqlWithACommaIsOneStatement() {
		MigrationsProperties properties = new Binder(
				new MapConfigurationPropertySource(Map.of("migrations.init-sqls", "SET search_path TO app, public",
						"migrations.instances.alpha.init-sqls", "SET search_path TO alpha, public")))
			.bind("migrations", MigrationsProperties.class)
			.get();
		assertThat(properties.getInitSqls()).containsExactly("SET search_path TO app, public");
		assertThat(properties.getInstances().get("alpha").getInitSqls())
			.containsExactly("SET search_path TO alpha, public");
	}

	@Test
	void aConnectRetriesIntervalWithoutAUnitIsSecondsAsFlywaysIs() {
		MigrationsProperties properties = new Binder(new MapConfigurationPropertySource(Map.of(
				"migrations.connect-retries-interval", "3", "migrations.instances.alpha.connect-retries-interval", "7",
				"migrations.instances.beta.connect-retries-interval", "250ms")))
			.bind("migrations", MigrationsProperties.class)
			.get();
		assertThat(properties.getConnectRetriesInterval()).isEqualTo(Duration.ofSeconds(3));
		assertThat(properties.getInstances().get("alpha").getConnectRetriesInterval()).isEqualTo(Duration.ofSeconds(7));
		assertThat(properties.getInstances().get("beta").getConnectRetriesInterval()).isEqualTo(Duration.ofMillis(250));
	}

	@Test
	void aNegativeOrOverlongConnectRetriesIntervalFailsNamingTheProperty() {
		H2Database dedicated = H2Database.create();
		this.databases.add(dedicated);
		Map.of("-5s", "-5s.", "200000000000d", "4800000000000h.")
			.forEach((interval, written) -> this.contextRunner
				.withPropertyValues("migrations.url=" + dedicated.url(), "migrations.user=sa",
						"migrations.connect-retries=2", "migrations.connect-retries-interval=" + interval)
				.run((context) -> assertThat(context.getStartupFailure()).as(interval)
					.rootCause()
					.isInstanceOf(MigrationDefinitionException.class)
					.hasMessageStartingWith("migrations.connect-retries-interval is " + written)));
	}

	@Test
	void anInstanceInheritsPlaceholdersAndTakesItsOwnEncodingAndTarget() throws IOException {
		H2Database alpha = H2Database.create();
		this.databases.add(alpha);
		Files.writeString(this.directory.resolve("20240101000000_one.sql"),
				"CREATE TABLE ${prefix}_${name} (id INT PRIMARY KEY, note VARCHAR(20));\n"
						+ "INSERT INTO ${prefix}_${name} VALUES (1, 'café');\n",
				Charset.forName("ISO-8859-1"));
		write("20240102000000_two.sql", "CREATE TABLE two_t (id INT);\n");
		this.contextRunner.withPropertyValues("migrations.placeholders.prefix=app",
				"migrations.instances.alpha.url=" + alpha.url(), "migrations.instances.alpha.user=sa",
				"migrations.instances.alpha.locations=filesystem:" + this.directory,
				"migrations.instances.alpha.placeholders.name=alpha", "migrations.instances.alpha.encoding=ISO-8859-1",
				"migrations.instances.alpha.target=20240101000000_one")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(
						new JdbcTemplate(alpha.dataSource()).queryForObject("SELECT note FROM app_alpha", String.class))
					.isEqualTo("café");
				assertThat(alpha.tables()).doesNotContain("two_t", "TWO_T");
			});
	}

	private void write(String fileName, String content) throws IOException {
		Files.writeString(this.directory.resolve(fileName), content, StandardCharsets.UTF_8);
	}

}
