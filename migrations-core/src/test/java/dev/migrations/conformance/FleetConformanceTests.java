package dev.migrations.conformance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.migrations.LedgerTable;
import dev.migrations.MigrationDefinitionException;
import dev.migrations.command.MigrationCommandLine;
import dev.migrations.dialect.Dialect;
import dev.migrations.dialect.Dialects;
import dev.migrations.process.FleetMain;
import dev.migrations.runner.FleetResult;
import dev.migrations.runner.FleetResult.Outcome;
import dev.migrations.runner.MigrationFleet;
import dev.migrations.runner.MigrationRunner;
import dev.migrations.runner.MigrationTarget;
import dev.migrations.runner.MigrationTargets;
import dev.migrations.runner.RetryingDataSource;
import dev.migrations.testing.DatabaseDisplayNames;
import dev.migrations.testing.DatabaseKind;
import dev.migrations.testing.LockHeldElsewhere;
import dev.migrations.testing.LoggedEvents;
import dev.migrations.testing.OnDatabase;
import dev.migrations.testing.ReusedConnections;
import dev.migrations.testing.TestDatabase;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A fleet over the schemas of one database (on MariaDB, the databases of one server):
 * every schema gets every migration once, in parallel; a schema that fails fails alone,
 * and the next run resumes it.
 */
@DisplayNameGeneration(DatabaseDisplayNames.class)
abstract class FleetConformanceTests {

	private static final int MIGRATIONS = 20;

	/** The migration that fails in a schema that already has a {@code marker} table. */
	private static final int MARKED = 10;

	@TempDir
	Path directory;

	TestDatabase database;

	/** Keeps an H2 database shared with other processes open while they use it. */
	Connection host;

	/**
	 * Each test's schemas start with it, so that tests on one MariaDB server never meet.
	 */
	String prefix;

	final List<String> schemas = new ArrayList<>();

	String location;

	@BeforeEach
	void createDatabase(TestInfo test) throws IOException {
		boolean processes = test.getTestMethod().map(Method::getName).orElse("").startsWith("twoProcesses");
		this.database = processes ? TestDatabase.createShared(kind()) : TestDatabase.create(kind());
		this.prefix = "f" + UUID.randomUUID().toString().replace("-", "").substring(0, 8) + "_";
		Path migrations = Files.createDirectories(this.directory.resolve("migrations"));
		for (int i = 1; i <= MIGRATIONS; i++) {
			String marker = (i == MARKED) ? "CREATE TABLE marker (id INT);\n" : "";
			Files.writeString(migrations.resolve(String.format("2024010100%04d_create_fleet%d.sql", i, i)),
					marker + "CREATE TABLE fleet" + i + " (id INT PRIMARY KEY);\nINSERT INTO fleet" + i
							+ " (id) VALUES (" + i + ");\n");
		}
		this.location = "filesystem:" + migrations;
	}

	@AfterEach
	void dropDatabase() throws Exception {
		if (this.host != null) {
			this.host.close();
		}
		if (this.database != null) {
			if (kind() == DatabaseKind.MARIADB) {
				this.schemas.forEach((schema) -> this.database.execute("DROP DATABASE IF EXISTS " + schema));
			}
			this.database.close();
		}
	}

	@Test
	void appliesEveryMigrationOnceInEachOfFiftySchemasInParallel() {
		List<String> tenants = createSchemas(50);
		createSchema("other" + this.prefix + "01");
		MigrationFleet fleet = MigrationFleet.builder(template()).schemasLike(this.prefix + "%").build();
		assertThat(fleet.targets()).extracting(MigrationTarget::name).containsExactlyElementsOf(tenants);
		FleetResult result = fleet.applyAll();
		assertThat(result.hasFailures()).as(result.table().toString()).isFalse();
		assertThat(result.count(Outcome.APPLIED)).isEqualTo(50);
		assertThat(result.targets()).allSatisfy((target) -> assertThat(target.applied()).isEqualTo(MIGRATIONS));
		assertThat(result.migrationsApplied()).isEqualTo(50 * MIGRATIONS);
		assertEachSchemaHasEveryMigration(tenants);
		assertThat(fleetTablesBySchema()).containsOnlyKeys(lowerCase(tenants));
		FleetResult again = fleet.applyAll();
		assertThat(again.count(Outcome.UP_TO_DATE)).isEqualTo(50);
		assertThat(again.migrationsApplied()).isZero();
	}

	@Test
	void aTenantAddedLaterIsMigratedByTheSameCodePath() {
		List<String> tenants = createSchemas(2);
		MigrationFleet fleet = MigrationFleet.builder(template()).schemasLike(this.prefix + "%").build();
		fleet.applyAll();
		String added = createSchema(this.prefix + "added");
		FleetResult.Target result = fleet.apply(MigrationTarget.schema(added));
		assertThat(result.outcome()).isEqualTo(Outcome.APPLIED);
		assertThat(result.applied()).isEqualTo(MIGRATIONS);
		List<String> all = new ArrayList<>(tenants);
		all.add(added);
		assertEachSchemaHasEveryMigration(all);
		assertThat(fleet.status().count(Outcome.UP_TO_DATE)).isEqualTo(3);
	}

	@Test
	void aTenantWhoseSchemaDoesNotExistYetGetsItWhenTheFleetCreatesSchemas() {
		String added = this.prefix + "new";
		this.schemas.add(added);
		MigrationFleet fleet = MigrationFleet.builder(template()).createSchemas(true).build();
		FleetResult.Target result = fleet.apply(MigrationTarget.schema(added));
		assertThat(result.outcome()).as(String.valueOf(result.error())).isEqualTo(Outcome.APPLIED);
		assertEachSchemaHasEveryMigration(
				List.of((kind() == DatabaseKind.H2) ? added.toUpperCase(Locale.ROOT) : added));
		FleetResult.Target missing = MigrationFleet.builder(template())
			.build()
			.apply(MigrationTarget.schema(this.prefix + "missing"));
		assertThat(missing.outcome()).isEqualTo(Outcome.FAILED);
		assertThat(missing.error()).containsIgnoringCase(this.prefix + "missing");
	}

	@Test
	void aFailingSchemaFailsAloneAndTheNextRunResumesIt() {
		List<String> tenants = createSchemas(12);
		String poisoned = tenants.get(4);
		this.database.execute("CREATE TABLE " + poisoned + ".marker (id INT)");
		MigrationFleet fleet = MigrationFleet.builder(template()).schemasLike(this.prefix + "%").build();
		FleetResult result = fleet.applyAll();
		assertThat(result.hasFailures()).isTrue();
		assertThat(result.failures()).singleElement().satisfies((failed) -> {
			assertThat(failed.name()).isEqualTo(poisoned);
			assertThat(failed.error()).contains("m_20240101000010_create_fleet10");
			assertThat(failed.applied()).isEqualTo(MARKED - 1);
		});
		assertThat(result.count(Outcome.APPLIED)).isEqualTo(11);
		assertThat(result.summary()).contains("11 applied").contains("1 failed");
		List<String> others = tenants.stream().filter((tenant) -> !tenant.equals(poisoned)).toList();
		assertEachSchemaHasEveryMigration(others);
		assertThat(appliedInLedger(poisoned)).isEqualTo(MARKED - 1);

		CommandRun command = command("migrate", "--schemas", this.prefix + "%");
		assertThat(command.exitCode()).as(command.output()).isEqualTo(MigrationCommandLine.FAILURE);
		assertThat(command.output()).containsPattern("(?m)^" + poisoned + " +FAILED")
			.contains("12 target(s): 0 applied, 11 up to date, 0 pending, 1 failed, 0 skipped");

		this.database.execute("DROP TABLE " + poisoned + ".marker");
		MigrationTarget target = MigrationTarget.schema(poisoned);
		fleet.runner(target).repair();
		FleetResult resumed = fleet.applyAll();
		assertThat(resumed.hasFailures()).isFalse();
		assertThat(resumed.targets()).allSatisfy((each) -> {
			if (each.name().equals(poisoned)) {
				assertThat(each.outcome()).isEqualTo(Outcome.APPLIED);
				assertThat(each.applied()).isEqualTo(MIGRATIONS - MARKED + 1);
			}
			else {
				assertThat(each.outcome()).isEqualTo(Outcome.UP_TO_DATE);
				assertThat(each.applied()).isZero();
			}
		});
		assertEachSchemaHasEveryMigration(tenants);
	}

	@Test
	void schemasOfOneDatabaseTakeTheirOwnLocks() throws Exception {
		List<String> tenants = createSchemas(2);
		Dialect dialect = Dialects.detect(this.database.dataSource());
		MigrationRunner template = MigrationRunner.builder(this.database.dataSource())
			.locations(this.location)
			.lockTimeout(Duration.ofSeconds(1))
			.build();
		MigrationFleet fleet = MigrationFleet.builder(template).schemas(tenants.get(0), tenants.get(1)).build();
		LedgerTable first = new LedgerTable(tenants.get(0), LedgerTable.DEFAULT_NAME);
		try (LockHeldElsewhere held = LockHeldElsewhere.hold(dialect.lock(this.database.dataSource(), first))) {
			FleetResult result = fleet.applyAll();
			assertThat(result.targets()).extracting(FleetResult.Target::outcome)
				.containsExactly(Outcome.FAILED, Outcome.APPLIED);
			assertThat(result.targets().get(0).error()).containsIgnoringCase("lock");
		}
		assertThat(fleet.applyAll().targets()).extracting(FleetResult.Target::outcome)
			.containsExactly(Outcome.APPLIED, Outcome.UP_TO_DATE);
		assertEachSchemaHasEveryMigration(tenants);
	}

	@Test
	void commandLinePrintsATableOrJsonPerSchema() {
		List<String> tenants = createSchemas(3);
		CommandRun status = command("migrate:status", "--schemas", this.prefix + "%", "--pending");
		assertThat(status.exitCode()).as(status.output()).isEqualTo(MigrationCommandLine.PROBLEMS);
		assertThat(status.output()).startsWith("TARGET")
			.containsPattern("(?m)^" + tenants.get(0) + " +PENDING +0 +20 ")
			.contains("3 target(s): 0 applied, 0 up to date, 3 pending, 0 failed, 0 skipped");
		CommandRun migrate = command("migrate", "--schemas", this.prefix + "%", "--parallelism", "2", "--json");
		assertThat(migrate.exitCode()).as(migrate.output()).isZero();
		assertThat(migrate.output().strip())
			.matches("\\{\"summary\":\\{\"targets\":3,\"applied\":3,\"upToDate\":0,\"pending\":0,\"failed\":0,"
					+ "\"skipped\":0,\"migrationsApplied\":60,\"durationMs\":\\d+},\"targets\":\\[.*]}")
			.contains("{\"name\":\"" + tenants.get(1) + "\",\"outcome\":\"APPLIED\",\"applied\":20,\"pending\":0,");
		CommandRun validate = command("migrate:validate", "--schemas", this.prefix + "%");
		assertThat(validate.exitCode()).as(validate.output()).isZero();
		assertThat(validate.output()).contains("3 target(s): 0 applied, 3 up to date");
	}

	@Test
	void schemaPatternsAndNamesAreValidated() {
		CommandRun quote = command("migrate", "--schemas", "tenant_%'; DROP TABLE x");
		assertThat(quote.exitCode()).isEqualTo(MigrationCommandLine.USAGE);
		assertThat(quote.output()).contains("Invalid schema pattern 'tenant_%'; DROP TABLE x'")
			.contains("letters, digits, underscores and %");
		assertThatExceptionOfType(MigrationDefinitionException.class)
			.isThrownBy(() -> MigrationTargets.schemasLike("tenant;"))
			.withMessageContaining("Invalid schema pattern 'tenant;'");
		assertThatExceptionOfType(MigrationDefinitionException.class)
			.isThrownBy(() -> MigrationTarget.schema("tenant\"1"))
			.withMessageContaining("Invalid schema name 'tenant\"1'");
		CommandRun parallelism = command("migrate:status", "--parallelism", "2");
		assertThat(parallelism.exitCode()).isEqualTo(MigrationCommandLine.USAGE);
		assertThat(parallelism.output()).contains("--parallelism is for a run over schemas");
	}

	@Test
	void twoProcessesRunningTheSameFleetApplyEachMigrationOncePerSchema() throws Exception {
		List<String> tenants = createSchemas(10);
		this.host = this.database.dataSource().getConnection();
		List<Process> processes = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			processes.add(fleetProcess(this.directory.resolve("fleet-" + i + ".log")));
		}
		int applied = 0;
		for (int i = 0; i < processes.size(); i++) {
			Process process = processes.get(i);
			String output = "";
			if (!process.waitFor(180, TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor();
			}
			output = Files.readString(this.directory.resolve("fleet-" + i + ".log"));
			assertThat(process.exitValue()).as(output).isZero();
			Matcher count = Pattern.compile("\"migrationsApplied\":(\\d+)").matcher(output);
			assertThat(count.find()).as(output).isTrue();
			applied += Integer.parseInt(count.group(1));
		}
		assertThat(applied).isEqualTo(10 * MIGRATIONS);
		assertEachSchemaHasEveryMigration(tenants);
	}

	@Test
	void databasesGivenAsDataSourcesOrUrlsEachGetTheirLedger() {
		try (TestDatabase second = TestDatabase.create(kind())) {
			String missing = missingDatabaseUrl();
			MigrationFleet fleet = MigrationFleet.builder(template())
				.targets((connection) -> List.of(MigrationTarget.database("first", this.database.dataSource()),
						MigrationTarget.url("second", second.url(), null, null),
						MigrationTarget.url("missing", missing, null, "Pa55word-never-shown")))
				.build();
			FleetResult result = fleet.applyAll();
			assertThat(result.targets()).extracting(FleetResult.Target::outcome)
				.containsExactly(Outcome.APPLIED, Outcome.APPLIED, Outcome.FAILED);
			assertThat(result.targets().get(2).error()).isNotBlank()
				.doesNotContain("Pa55word-never-shown")
				.doesNotContain("Url5ecret-never-shown");
			assertThat(this.database.queryForLong("SELECT COUNT(*) FROM migrations_ledger")).isEqualTo(MIGRATIONS);
			assertThat(second.queryForLong("SELECT COUNT(*) FROM migrations_ledger")).isEqualTo(MIGRATIONS);
		}
	}

	@Test
	void databaseTargetsAreConnectedToAsTheTemplateIs() {
		try (TestDatabase second = TestDatabase.create(kind())) {
			MigrationRunner template = MigrationRunner.builder(this.database.dataSource())
				.locations(this.location)
				.initSqls(List.of("CREATE TABLE IF NOT EXISTS init_sql_ran (id INT)"))
				.connectRetries(1)
				.connectRetriesInterval(Duration.ZERO)
				.build();
			MigrationFleet fleet = MigrationFleet.builder(template)
				.targets((connection) -> List.of(MigrationTarget.url("second", second.url(), null, null),
						MigrationTarget.url("missing", missingDatabaseUrl(), null, null)))
				.build();
			List<ILoggingEvent> retries = LoggedEvents.during(RetryingDataSource.class.getName(),
					() -> assertThat(fleet.applyAll().targets()).extracting(FleetResult.Target::outcome)
						.containsExactly(Outcome.APPLIED, Outcome.FAILED));
			// The init SQL ran on the target's own connections, not only on the
			// template's
			assertThat(second.queryForLong("SELECT COUNT(*) FROM init_sql_ran")).isZero();
			assertThat(second.queryForLong("SELECT COUNT(*) FROM migrations_ledger")).isEqualTo(MIGRATIONS);
			// The missing database's first connection was tried again, its password
			// masked
			assertThat(retries).singleElement()
				.extracting(ILoggingEvent::getFormattedMessage, as(InstanceOfAssertFactories.STRING))
				.contains("attempt 1 of 2")
				.doesNotContain("Url5ecret-never-shown");
		}
	}

	@Test
	void pooledConnectionsReturnToThePoolInTheSchemaTheyCameIn() throws Exception {
		List<String> tenants = createSchemas(5);
		try (ReusedConnections pool = new ReusedConnections(this.database.dataSource())) {
			MigrationRunner template = MigrationRunner.builder(pool).locations(this.location).build();
			String before = pool.sessionSchemas().get(0);
			FleetResult result = MigrationFleet.builder(template)
				.schemasLike(this.prefix + "%")
				.parallelism(2)
				.build()
				.applyAll();
			assertThat(result.count(Outcome.APPLIED)).as(result.table().toString()).isEqualTo(5);
			assertThat(pool.sessionSchemas()).hasSizeGreaterThan(1).containsOnly(before);
		}
		assertEachSchemaHasEveryMigration(tenants);
	}

	/**
	 * Return the URL of a database that does not exist, with a password in it.
	 */
	private String missingDatabaseUrl() {
		return switch (kind()) {
			case H2 -> "jdbc:h2:mem:missing_" + this.prefix + ";IFEXISTS=TRUE;PASSWORD=Url5ecret-never-shown";
			default -> this.database.url().replaceFirst("/mig_[0-9a-f]+", "/missing_" + this.prefix)
					+ (this.database.url().contains("?") ? "&" : "?") + "password=Url5ecret-never-shown";
		};
	}

	private Process fleetProcess(Path output) throws IOException {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		ProcessBuilder builder = new ProcessBuilder(java, "-Xmx128m", "-XX:TieredStopAtLevel=1", "-cp",
				System.getProperty("java.class.path"), FleetMain.class.getName(), this.database.url(), this.location,
				this.prefix + "%");
		builder.redirectErrorStream(true);
		builder.redirectOutput(output.toFile());
		return builder.start();
	}

	private MigrationRunner template() {
		return MigrationRunner.builder(this.database.dataSource()).locations(this.location).build();
	}

	private CommandRun command(String... args) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
		MigrationCommandLine commandLine = new MigrationCommandLine(
				(listener) -> MigrationRunner.builder(this.database.dataSource())
					.locations(this.location)
					.listener(listener)
					.build(),
				List.of(this.location), out, out, false, List.of());
		int exitCode = commandLine.run(List.of(args));
		return new CommandRun(exitCode, bytes.toString(StandardCharsets.UTF_8));
	}

	private List<String> createSchemas(int count) {
		return IntStream.rangeClosed(1, count)
			.mapToObj((i) -> createSchema(String.format("%s%02d", this.prefix, i)))
			.toList();
	}

	/**
	 * Create a schema (on MariaDB a database) and return its name as the catalog lists
	 * it.
	 */
	private String createSchema(String name) {
		this.schemas.add(name);
		this.database.execute(((kind() == DatabaseKind.MARIADB) ? "CREATE DATABASE " : "CREATE SCHEMA ") + name);
		return (kind() == DatabaseKind.H2) ? name.toUpperCase(Locale.ROOT) : name;
	}

	private void assertEachSchemaHasEveryMigration(List<String> schemas) {
		Map<String, Long> tables = fleetTablesBySchema();
		for (String schema : schemas) {
			assertThat(appliedInLedger(schema)).as("ledger rows of " + schema).isEqualTo(MIGRATIONS);
			assertThat(tables.get(schema.toLowerCase(Locale.ROOT))).as("tables of " + schema).isEqualTo(MIGRATIONS);
		}
	}

	private long appliedInLedger(String schema) {
		return this.database
			.queryForLong("SELECT COUNT(*) FROM " + schema + ".migrations_ledger WHERE state = 'APPLIED'");
	}

	/**
	 * Return how many of the migrations' tables each schema of the database holds.
	 */
	private Map<String, Long> fleetTablesBySchema() {
		Map<String, Long> tables = new HashMap<>();
		try (Connection connection = this.database.dataSource().getConnection();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT LOWER(table_schema), COUNT(*) "
						+ "FROM information_schema.tables WHERE LOWER(table_name) LIKE 'fleet%' "
						+ "GROUP BY LOWER(table_schema)")) {
			// A MariaDB server's catalog holds every database, other runs' too: keep this
			// test's schemas and the connection's own
			List<String> own = Stream.of(connection.getCatalog(), connection.getSchema())
				.filter(Objects::nonNull)
				.map((name) -> name.toLowerCase(Locale.ROOT))
				.toList();
			String prefix = this.prefix.toLowerCase(Locale.ROOT);
			while (rows.next()) {
				String schema = rows.getString(1);
				if (schema.contains(prefix) || own.contains(schema)) {
					tables.put(schema, rows.getLong(2));
				}
			}
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		return tables;
	}

	private static List<String> lowerCase(List<String> names) {
		return names.stream().map((name) -> name.toLowerCase(Locale.ROOT)).toList();
	}

	private DatabaseKind kind() {
		return getClass().getAnnotation(OnDatabase.class).value();
	}

	record CommandRun(int exitCode, String output) {

	}

}
