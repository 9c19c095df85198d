package dev.migrations.boot.autoconfigure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import dev.migrations.DestructiveMigrationException;
import dev.migrations.Direction;
import dev.migrations.Migration;
import dev.migrations.MigrationDefinitionException;
import dev.migrations.MigrationDescriptor;
import dev.migrations.MigrationEntry;
import dev.migrations.MigrationException;
import dev.migrations.MigrationListener;
import dev.migrations.MigrationState;
import dev.migrations.MigrationValidationException;
import dev.migrations.runner.MigrationRunner;
import dev.migrations.schema.Schema;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.SchemaManagement;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MigrationsAutoConfiguration}.
 */
@ExtendWith(OutputCaptureExtension.class)
class MigrationsAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrationsAutoConfiguration.class));

	private final List<H2Database> databases = new ArrayList<>();

	@AfterEach
	void dropDatabases() {
		this.databases.forEach(H2Database::drop);
	}

	@Test
	void backsOffWithoutDataSource() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(MigrationsAutoConfiguration.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(MigrationRunner.class)
				.doesNotHaveBean(MigrationsInitializer.class));
	}

	@Test
	void backsOffWhenDisabled() {
		this.contextRunner.withPropertyValues("migrations.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed()
				.doesNotHaveBean(MigrationRunner.class)
				.doesNotHaveBean(MigrationsInitializer.class);
			assertThat(Databases.tables(context.getBean(DataSource.class))).isEmpty();
		});
	}

	@Test
	void backsOffWhenUserDefinesMigrationRunner() {
		this.contextRunner.withUserConfiguration(UserRunnerConfiguration.class).run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(MigrationRunner.class).hasBean("userRunner");
			assertThat(Databases.tables(context.getBean(DataSource.class))).contains("migrations_ledger", "orders")
				.doesNotContain("users");
		});
	}

	@Test
	void appliesSqlMigrationsFromDefaultLocationAtStartup() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed()
				.hasSingleBean(MigrationRunner.class)
				.hasSingleBean(MigrationsInitializer.class);
			DataSource dataSource = context.getBean(DataSource.class);
			assertThat(Databases.ledgerIds(dataSource)).containsExactly("m_20241201000000_create_users_table",
					"m_20241201000100_insert_first_user");
			assertThat(new JdbcTemplate(dataSource).queryForObject("SELECT email FROM users", String.class))
				.isEqualTo("ada@example.com");
		});
	}

	@Test
	void appliesMigrationBeansAndSqlFilesTogetherInIdOrder() {
		this.contextRunner.withUserConfiguration(AddNameColumnConfiguration.class)
			.withPropertyValues("migrations.locations=classpath:db/mixed")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				DataSource dataSource = context.getBean(DataSource.class);
				assertThat(Databases.ledgerIds(dataSource)).containsExactly("m_20241201000000_create_users_table",
						"m_20241201000100_add_name_to_users", "m_20241201000200_insert_user_with_name");
				assertThat(new JdbcTemplate(dataSource).queryForObject("SELECT name FROM users", String.class))
					.isEqualTo("Ada");
				assertThat(context.getBean(MigrationRunner.class).descriptors()).extracting(MigrationDescriptor::source)
					.contains("bean 'addNameToUsers'");
			});
	}

	@Test
	void aVendorLocationAppliesTheFolderOfTheDatabase() {
		this.contextRunner.withPropertyValues("migrations.locations=classpath:db/per-database/{vendor}")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				DataSource dataSource = context.getBean(DataSource.class);
				assertThat(Databases.ledgerIds(dataSource)).containsExactly("m_20241201000000_create_notes");
				assertThat(new JdbcTemplate(dataSource).queryForObject("SELECT written_for FROM notes", String.class))
					.isEqualTo("h2");
			});
	}

	@Test
	void appliesMigrationEntryBeans() {
		this.contextRunner.withUserConfiguration(MigrationEntryConfiguration.class)
			.withPropertyValues("migrations.locations=classpath:db/mixed")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(Databases.ledgerIds(context.getBean(DataSource.class)))
					.contains("m_20241201000100_add_name_to_users");
			});
	}

	@Test
	void failsWithClearMessageForMigrationBeanWithoutId() {
		this.contextRunner.withUserConfiguration(MigrationWithoutIdConfiguration.class).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(MigrationDefinitionException.class)
				.hasMessageContaining("Migration bean 'unnamedMigration' has no id")
				.hasMessageContaining("@dev.migrations.boot.autoconfigure.MigrationBean(")
				.hasMessageContaining("@MigrationBean(\"m_20241201000000_create_users_table\")");
		});
	}

	@Test
	void failsWithClearMessageForMalformedMigrationBeanId() {
		this.contextRunner.withUserConfiguration(MalformedIdConfiguration.class).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(MigrationDefinitionException.class)
				.hasMessageContaining("Migration bean 'badlyNamed'");
		});
	}

	@Test
	void appliesCustomizersInOrder() {
		this.contextRunner.withUserConfiguration(CustomizersConfiguration.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(CustomizersConfiguration.class).calls).containsExactly("first", "second");
			assertThat(Databases.tables(context.getBean(DataSource.class))).contains("second_ledger")
				.doesNotContain("first_ledger", "migrations_ledger");
		});
	}

	@Test
	void callsMigrationListenerBeans() {
		this.contextRunner.withUserConfiguration(ListenerConfiguration.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(RecordingListener.class).migrations)
				.containsExactly("m_20241201000000_create_users_table", "m_20241201000100_insert_first_user");
		});
	}

	@Test
	void appliesPropertiesToRunner() {
		this.contextRunner.withPropertyValues("migrations.table=app_ledger", "migrations.locations=classpath:db/orders")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(Databases.tables(context.getBean(DataSource.class))).containsExactly("app_ledger",
						"app_ledger_lock", "orders");
			});
	}

	@Test
	void migratesDataSourceQualifiedWithMigrationsDataSource() {
		H2Database application = h2();
		H2Database migrations = h2();
		this.contextRunner
			.withBean("applicationDataSource", DataSource.class, application::dataSource,
					(definition) -> definition.setPrimary(true))
			.withUserConfiguration(QualifiedDataSourceConfiguration.class)
			.withBean("migrationsDatabase", H2Database.class, () -> migrations)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(migrations.tables()).contains("users", "migrations_ledger");
				assertThat(application.tables()).isEmpty();
				MigrationsSchemaManagementProvider provider = context.getBean(MigrationsSchemaManagementProvider.class);
				assertThat(provider.getSchemaManagement(migrations.dataSource())).isEqualTo(SchemaManagement.MANAGED);
				assertThat(provider.getSchemaManagement(application.dataSource()))
					.isEqualTo(SchemaManagement.UNMANAGED);
			});
	}

	@Test
	void migratesDataSourceQualifiedWithMigrationsDataSourceWhenNoDataSourceIsPrimary() {
		H2Database application = h2();
		H2Database migrations = h2();
		this.contextRunner.withBean("applicationDataSource", DataSource.class, application::dataSource)
			.withUserConfiguration(QualifiedDataSourceConfiguration.class)
			.withBean("migrationsDatabase", H2Database.class, () -> migrations)
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(MigrationRunner.class);
				assertThat(migrations.tables()).contains("users", "migrations_ledger");
				assertThat(application.tables()).isEmpty();
			});
	}

	@Test
	void migratesDedicatedDataSourceFromMigrationsUrlWithoutLoggingThePassword(CapturedOutput output) {
		String url = "jdbc:h2:mem:dedicated_" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1";
		H2Database dedicated = new H2Database(url, new DriverManagerDataSource(url, "sa", "Sup3r-S3cret-Pa55"));
		this.databases.add(dedicated);
		this.contextRunner
			.withPropertyValues("migrations.url=" + dedicated.url(), "migrations.user=sa",
					"migrations.password=Sup3r-S3cret-Pa55",
					"migrations.locations=classpath:db/migrations,classpath:db/broken")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOf(MigrationDefinitionException.class)
					.hasMessageContaining("Duplicate migration id");
			});
		this.contextRunner
			.withPropertyValues("migrations.url=" + dedicated.url(), "migrations.user=sa",
					"migrations.password=Sup3r-S3cret-Pa55")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(dedicated.tables()).contains("users", "migrations_ledger");
				assertThat(Databases.tables(context.getBean(DataSource.class))).isEmpty();
			});
		assertThat(output).doesNotContain("Sup3r-S3cret-Pa55");
	}

	@Test
	void migratesThroughMigrationsUrlOnFreshConnectionsWithoutHikariCp() {
		H2Database dedicated = h2();
		this.contextRunner.withClassLoader(new FilteredClassLoader(HikariDataSource.class))
			.withPropertyValues("migrations.url=" + dedicated.url(), "migrations.user=sa")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(MigrationRunner.class).dataSource()).isInstanceOfSatisfying(
						DedicatedDataSource.class,
						(dataSource) -> assertThat(dataSource.isPooled()).as("pooled without HikariCP").isFalse());
				assertThat(context.getBean(MigrationRunner.class).status()).hasSize(2);
				assertThat(dedicated.tables()).contains("users", "migrations_ledger");
			});
		this.contextRunner.withPropertyValues("migrations.url=" + dedicated.url(), "migrations.user=sa")
			.run((context) -> assertThat(context.getBean(MigrationRunner.class).dataSource()).isInstanceOfSatisfying(
					DedicatedDataSource.class,
					(dataSource) -> assertThat(dataSource.isPooled()).as("pooled with HikariCP").isTrue()));
	}

	@Test
	void migratesTheApplicationDatabaseAsMigrationsUser() {
		H2Database database = h2();
		database.execute("CREATE USER migrator PASSWORD 'migrator-password' ADMIN");
		this.contextRunner
			.withPropertyValues("spring.datasource.url=" + database.url(), "migrations.user=migrator",
					"migrations.password=migrator-password")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(new JdbcTemplate(database.dataSource())
					.queryForList("SELECT DISTINCT applied_by FROM migrations_ledger", String.class))
					.singleElement(as(InstanceOfAssertFactories.STRING))
					.startsWith("MIGRATOR@");
				assertThat(context.getBean(MigrationRunner.class).dataSource())
					.isNotSameAs(context.getBean(DataSource.class));
				assertThat(context.getBean(MigrationsSchemaManagementProvider.class)
					.getSchemaManagement(context.getBean(DataSource.class))).isEqualTo(SchemaManagement.MANAGED);
			});
	}

	@Test
	void validateModeFailsWhenMigrationsArePending() {
		this.contextRunner.withPropertyValues("migrations.on-startup=validate").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOfSatisfying(MigrationValidationException.class,
						(ex) -> assertThat(ex.getProblems()).extracting((problem) -> problem.id().toString())
							.containsExactly("m_20241201000000_create_users_table",
									"m_20241201000100_insert_first_user"))
				.hasMessageContaining("is pending");
		});
	}

	@Test
	void validateModeStartsWhenMigrationsAreUpToDate() {
		H2Database database = h2();
		MigrationRunner.builder(database.dataSource()).build().applyAll();
		this.contextRunner
			.withPropertyValues("spring.datasource.url=" + database.url(), "migrations.on-startup=validate")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void validateModeWithATargetReportsOnlyWhatAnApplyToTheTargetWouldRun() {
		H2Database database = h2();
		this.contextRunner
			.withPropertyValues("spring.datasource.url=" + database.url(),
					"migrations.target=m_20241201000000_create_users_table", "migrations.on-startup=validate")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOfSatisfying(MigrationValidationException.class,
						(ex) -> assertThat(ex.getProblems()).extracting((problem) -> problem.id().toString())
							.containsExactly("m_20241201000000_create_users_table")));
		this.contextRunner
			.withPropertyValues("spring.datasource.url=" + database.url(),
					"migrations.target=m_20241201000000_create_users_table")
			.run((context) -> assertThat(context).hasNotFailed());
		this.contextRunner
			.withPropertyValues("spring.datasource.url=" + database.url(),
					"migrations.target=m_20241201000000_create_users_table", "migrations.on-startup=validate")
			.run((context) -> assertThat(context).hasNotFailed());
		this.contextRunner
			.withPropertyValues("spring.datasource.url=" + database.url(), "migrations.on-startup=validate")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOfSatisfying(MigrationValidationException.class,
						(ex) -> assertThat(ex.getProblems()).extracting((problem) -> problem.id().toString())
							.containsExactly("m_20241201000100_insert_first_user")));
	}

	@Test
	void validateModeFailsWhenAnAppliedMigrationChanged() {
		H2Database database = h2();
		MigrationRunner.builder(database.dataSource()).build().applyAll();
		database.execute(
				"UPDATE migrations_ledger SET checksum = 'v1:0000' WHERE id = 'm_20241201000100_insert_first_user'");
		this.contextRunner
			.withPropertyValues("spring.datasource.url=" + database.url(), "migrations.on-startup=validate")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOfSatisfying(MigrationValidationException.class, (ex) -> assertThat(ex.getProblems())
					.singleElement()
					.satisfies((problem) -> assertThat(problem.state()).isEqualTo(MigrationState.CHECKSUM_MISMATCH))));
	}

	@Test
	void pretendModeLogsTheSqlAndChangesNothing(CapturedOutput output) {
		this.contextRunner.withPropertyValues("migrations.on-startup=pretend").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(Databases.tables(context.getBean(DataSource.class))).isEmpty();
		});
		assertThat(output).contains("Pretend: 2 pending migration(s)")
			.contains("-- m_20241201000000_create_users_table")
			.contains("CREATE TABLE users")
			.contains("INSERT INTO users (id, email) VALUES (1, 'ada@example.com')");
	}

	@Test
	void pretendModeLogsTheSqlWithTheValuesOfSecretPlaceholdersMasked(CapturedOutput output) {
		this.contextRunner
			.withPropertyValues("migrations.on-startup=pretend", "migrations.locations=classpath:db/secret-placeholder",
					"migrations.placeholders.api_token=Tok_3333")
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output).contains("Pretend: 1 pending migration(s)")
			.contains("INSERT INTO tokens (v) VALUES ('******')")
			.doesNotContain("Tok_3333");
	}

	@Test
	void noneModeLeavesTheDatabaseAlone() {
		this.contextRunner.withPropertyValues("migrations.on-startup=none").run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(MigrationRunner.class);
			assertThat(Databases.tables(context.getBean(DataSource.class))).isEmpty();
		});
	}

	@Test
	void applyAndExitModeAppliesAndGivesTheContextExitCodeZeroWithoutEndingTheJvm() {
		H2Database database = h2();
		this.contextRunner
			.withPropertyValues("spring.datasource.url=" + database.url(), "migrations.on-startup=apply-and-exit")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(database.tables()).contains("users", "migrations_ledger");
				assertThat(context.getBean(MigrationsInitializer.class).getExitCode()).isZero();
				assertThat(SpringApplication.exit(context)).isZero();
				assertThat(context.isActive()).isFalse();
			});
	}

	@Test
	void applyAndExitModeFailsStartupWhenAMigrationFails() {
		this.contextRunner
			.withPropertyValues("migrations.on-startup=apply-and-exit", "migrations.locations=classpath:db/broken")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("no_such_table");
			});
	}

	@Test
	void migrationStrategyReplacesTheStartupAction() {
		this.contextRunner.withBean(MigrationStrategy.class, () -> (runner) -> runner.applyAll(1)).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(Databases.ledgerIds(context.getBean(DataSource.class)))
				.containsExactly("m_20241201000000_create_users_table");
		});
	}

	@Test
	void appliesTwoInstancesOnTwoDataSourcesInTheConfiguredOrder() {
		H2Database orders = h2();
		H2Database reporting = h2();
		this.contextRunner.withBean("ordersDataSource", DataSource.class, orders::dataSource)
			.withBean("reportingDataSource", DataSource.class, reporting::dataSource)
			.withUserConfiguration(ListenerConfiguration.class, OrdersJavaMigrationConfiguration.class)
			.withPropertyValues("migrations.instances.orders.data-source=ordersDataSource",
					"migrations.instances.orders.locations=classpath:db/orders", "migrations.instances.orders.order=2",
					"migrations.instances.reporting.data-source=reportingDataSource",
					"migrations.instances.reporting.locations=classpath:db/reporting",
					"migrations.instances.reporting.table=reporting_ledger", "migrations.instances.reporting.order=1")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBeansOfType(MigrationRunner.class)).containsOnlyKeys("ordersMigrationRunner",
						"reportingMigrationRunner");
				assertThat(context.getBean(RecordingListener.class).migrations).containsExactly(
						"m_20241201000000_create_reports_table", "m_20241201000000_create_orders_table",
						"m_20241201000100_add_note_to_orders");
				assertThat(orders.tables()).containsExactly("migrations_ledger", "migrations_ledger_lock", "orders");
				assertThat(reporting.tables()).containsExactly("reporting_ledger", "reporting_ledger_lock", "reports");
			});
	}

	@Test
	void instanceCanUseItsOwnUrl() {
		H2Database reporting = h2();
		this.contextRunner
			.withPropertyValues("migrations.instances.reporting.url=" + reporting.url(),
					"migrations.instances.reporting.user=sa",
					"migrations.instances.reporting.locations=classpath:db/reporting")
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(MigrationRunner.class);
				assertThat(reporting.tables()).contains("reports");
				assertThat(Databases.tables(context.getBean(DataSource.class))).isEmpty();
			});
	}

	@Test
	void instanceLocationsDefaultToASubdirectoryNamedAfterTheInstance(CapturedOutput output) {
		this.contextRunner.withPropertyValues("migrations.instances.archive.enabled=true").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean("archiveMigrationRunner", MigrationRunner.class).descriptors()).isEmpty();
		});
		assertThat(output).contains("location classpath:db/migrations/archive does not exist");
	}

	@Test
	void appliesMigrationBeanAnnotatedOnItsClass() {
		this.contextRunner.withBean(AddNameToUsers.class)
			.withPropertyValues("migrations.locations=classpath:db/mixed")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(Databases.ledgerIds(context.getBean(DataSource.class)))
					.contains("m_20241201000100_add_name_to_users");
			});
	}

	@Test
	void failsWhenMigrationBeanNamesNoConfiguredInstance() {
		this.contextRunner.withUserConfiguration(AddNameColumnConfiguration.class)
			.withPropertyValues("migrations.instances.orders.locations=classpath:db/orders")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(MigrationDefinitionException.class)
				.hasMessageContaining("Migration bean 'addNameToUsers' does not name one of the configured")
				.hasMessageContaining("[orders]"));
	}

	@Test
	void reportsMigratedDataSourceAsManagedSchema() {
		this.contextRunner.run((context) -> {
			MigrationsSchemaManagementProvider provider = context.getBean(MigrationsSchemaManagementProvider.class);
			assertThat(provider.getSchemaManagement(context.getBean(DataSource.class)))
				.isEqualTo(SchemaManagement.MANAGED);
		});
	}

	@Test
	void refusesToStartOnAMigrationThatWouldDestroyDataUnlessAllowDestructiveIsSet(@TempDir Path directory)
			throws IOException {
		H2Database database = h2();
		database.execute("CREATE TABLE authors (id INT PRIMARY KEY, bio VARCHAR(20))");
		database.execute("INSERT INTO authors (id, bio) VALUES (1, 'a'), (2, 'b')");
		Files.writeString(directory.resolve("20240102000000_drop_bio.up.sql"), "ALTER TABLE authors DROP COLUMN bio;");
		ApplicationContextRunner runner = this.contextRunner.withBean(DataSource.class, database::dataSource)
			.withPropertyValues("migrations.locations=filesystem:" + directory);
		runner.run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(DestructiveMigrationException.class)
				.hasMessageContaining("it drops column authors.bio of a table holding 2 rows")
				.satisfies((failure) -> assertThat(SpringRemedies.action(((MigrationException) failure).remedy()))
					.contains("migrations.allow-destructive=true"));
		});
		assertThat(bioColumns(database)).isOne();
		runner.withPropertyValues("migrations.allow-destructive=true").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(bioColumns(database)).isZero();
		});
	}

	private static Integer bioColumns(H2Database database) {
		return new JdbcTemplate(database.dataSource()).queryForObject(
				"SELECT COUNT(*) FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_NAME = 'AUTHORS' AND COLUMN_NAME = 'BIO'",
				Integer.class);
	}

	private H2Database h2() {
		H2Database database = H2Database.create();
		this.databases.add(database);
		return database;
	}

	@Configuration(proxyBeanMethods = false)
	static class UserRunnerConfiguration {

		@Bean
		MigrationRunner userRunner(DataSource dataSource) {
			return MigrationRunner.builder(dataSource).locations("classpath:db/orders").build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class AddNameColumnConfiguration {

		@Bean
		@MigrationBean("m_20241201000100_add_name_to_users")
		Migration addNameToUsers() {
			return (schema) -> schema.sql("ALTER TABLE users ADD COLUMN name VARCHAR(100)");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OrdersJavaMigrationConfiguration {

		@Bean
		@MigrationBean(value = "m_20241201000100_add_note_to_orders", instance = "orders")
		Migration addNoteToOrders() {
			return (schema) -> schema.sql("ALTER TABLE orders ADD COLUMN note VARCHAR(100)");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class MigrationEntryConfiguration {

		@Bean
		MigrationEntry addNameToUsers() {
			return MigrationEntry.of("m_20241201000100_add_name_to_users",
					(schema) -> schema.sql("ALTER TABLE users ADD COLUMN name VARCHAR(100)"));
		}

	}

	@Configuration(proxyBeanMethods = false)
	public static class MigrationWithoutIdConfiguration {

		@Bean
		Migration unnamedMigration() {
			return (schema) -> schema.sql("CREATE TABLE unnamed (id INT)");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class MalformedIdConfiguration {

		@Bean
		@MigrationBean("create_users")
		Migration badlyNamed() {
			return (schema) -> schema.sql("CREATE TABLE unnamed (id INT)");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CustomizersConfiguration {

		final List<String> calls = new ArrayList<>();

		@Bean
		@Order(2)
		MigrationRunnerCustomizer second() {
			return (builder) -> {
				this.calls.add("second");
				builder.table("second_ledger");
			};
		}

		@Bean
		@Order(1)
		MigrationRunnerCustomizer first() {
			return (builder) -> {
				this.calls.add("first");
				builder.table("first_ledger");
			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ListenerConfiguration {

		@Bean
		RecordingListener recordingListener() {
			return new RecordingListener();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class QualifiedDataSourceConfiguration {

		@Bean
		@MigrationsDataSource
		DataSource migrationsDataSource(H2Database migrationsDatabase) {
			return migrationsDatabase.dataSource();
		}

	}

	@MigrationBean("m_20241201000100_add_name_to_users")
	static class AddNameToUsers implements Migration {

		@Override
		public void up(Schema schema) {
			schema.sql("ALTER TABLE users ADD COLUMN name VARCHAR(100)");
		}

	}

	static class RecordingListener implements MigrationListener {

		final List<String> migrations = new ArrayList<>();

		@Override
		public void afterMigration(MigrationDescriptor migration, Direction direction, Duration duration) {
			this.migrations.add(migration.id().toString());
		}

	}

}
