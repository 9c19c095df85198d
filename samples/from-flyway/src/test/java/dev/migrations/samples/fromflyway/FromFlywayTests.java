package dev.migrations.samples.fromflyway;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import dev.migrations.MigrationState;
import dev.migrations.MigrationStatus;
import dev.migrations.runner.MigrationRunner;
import dev.migrations.testing.DatabaseKind;
import dev.migrations.testing.SchemaSnapshot;
import dev.migrations.testing.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * The application after the move, on H2 and PostgreSQL: a new database gets from the
 * starter what Flyway builds from the original files, and a database Flyway migrated
 * starts on the starter with {@code migrations.baseline-on-migrate}, re-applies nothing,
 * and then takes a new migration. Flyway runs from the original files, kept under
 * {@code src/test/resources/flyway}; the application with the test configuration (both
 * locations) or, where it says so, with the main location only, as in production.
 */
@ExtendWith(OutputCaptureExtension.class)
class FromFlywayTests {

	private static final String[] FLYWAY_LOCATIONS = { "classpath:flyway/db/migration",
			"classpath:flyway/db/testdata" };

	private static final String PRODUCTION_LOCATIONS = "--migrations.locations=classpath:db/migrations";

	@TempDir
	Path directory;

	@ParameterizedTest
	@EnumSource(value = DatabaseKind.class, names = { "H2", "POSTGRESQL" })
	void aNewDatabaseGetsTheSchemaAndDataFlywayBuildsFromTheOriginalFiles(DatabaseKind kind) throws SQLException {
		try (TestDatabase byFlyway = TestDatabase.create(kind); TestDatabase byStarter = TestDatabase.create(kind)) {
			flyway(byFlyway, FLYWAY_LOCATIONS);
			try (ConfigurableApplicationContext context = start(byStarter)) {
				assertThat(context.getBean(Customers.class).names()).containsExactly("Ada", "Grace");
			}
			assertThat(ledger(byStarter)).containsExactly("m_20000101000001_create_customers APPLIED",
					"m_20000101000002_add_email_to_customers APPLIED", "m_20000101000003_create_orders APPLIED",
					"m_20000101000004_seed_test_customers APPLIED");
			assertThat(schema(byStarter)).isEqualTo(schema(byFlyway));
			for (String query : List.of("SELECT id, name, email FROM customers ORDER BY id",
					"SELECT id, customer_id, total FROM orders ORDER BY id")) {
				assertThat(rows(byStarter, query)).isEqualTo(rows(byFlyway, query)).isNotEmpty();
			}
		}
	}

	@ParameterizedTest
	@EnumSource(value = DatabaseKind.class, names = { "H2", "POSTGRESQL" })
	void aDatabaseFlywayMigratedIsBaselinedOnItsFirstStartAndThenTakesANewMigration(DatabaseKind kind)
			throws Exception {
		try (TestDatabase database = TestDatabase.create(kind)) {
			flyway(database, FLYWAY_LOCATIONS);
			long history = database.queryForLong("SELECT COUNT(*) FROM " + flywayHistory(database));

			try (ConfigurableApplicationContext context = start(database)) {
				assertThat(context.getBean(Customers.class).names()).containsExactly("Ada", "Grace");
				assertThat(context.getBean(MigrationRunner.class).status()).extracting(MigrationStatus::state)
					.containsOnly(MigrationState.BASELINE)
					.hasSize(4);
			}
			assertThat(ledger(database)).containsExactly("m_20000101000004_seed_test_customers BASELINE");
			assertThat(database.queryForLong("SELECT COUNT(*) FROM " + flywayHistory(database))).isEqualTo(history);

			Path added = Files.createDirectories(this.directory.resolve("added"));
			Files.writeString(added.resolve("20261203000000_add_phone_to_customers.sql"),
					"ALTER TABLE customers ADD COLUMN phone VARCHAR(40);\n");
			String locations = "--migrations.locations=classpath:db/migrations,classpath:db/testdata,filesystem:"
					+ added;
			start(database, locations).close();
			assertThat(ledger(database)).containsExactly("m_20000101000004_seed_test_customers BASELINE",
					"m_20261203000000_add_phone_to_customers APPLIED");
			assertThat(database.queryForLong("SELECT COUNT(phone) + COUNT(*) FROM customers")).isEqualTo(2);

			start(database, locations).close();
			assertThat(ledger(database)).hasSize(2);
		}
	}

	@ParameterizedTest
	@EnumSource(value = DatabaseKind.class, names = { "H2", "POSTGRESQL" })
	void aProductionDatabaseIsBaselinedAtTheLastVersionFlywayAppliedThere(DatabaseKind kind, CapturedOutput output)
			throws SQLException {
		try (TestDatabase database = TestDatabase.create(kind)) {
			flyway(database, FLYWAY_LOCATIONS[0]);
			start(database, PRODUCTION_LOCATIONS, "--logging.level.dev.migrations=info").close();
			assertThat(ledger(database)).containsExactly("m_20000101000003_create_orders BASELINE");
			assertThat(output).containsOnlyOnce("Baselined migrations_ledger at m_20000101000003_create_orders: "
					+ "baseline-on-migrate, as the Flyway history flyway_schema_history records version 2 "
					+ "(V2__Create_orders.sql) as the last it applied, which this migration had under Flyway");
			assertThat(database.queryForLong("SELECT COUNT(*) FROM customers")).isZero();
		}
	}

	@Test
	void aFlywayFileLeftInALocationFailsStartup() throws Exception {
		try (TestDatabase database = TestDatabase.create(DatabaseKind.H2)) {
			Path stale = Files.createDirectories(this.directory.resolve("testdata"));
			Files.copy(Path.of("src/test/resources/flyway/db/testdata/V9999__seed_test_customers.sql"),
					stale.resolve("V9999__seed_test_customers.sql"));
			assertThatException()
				.isThrownBy(() -> start(database, "--migrations.locations=classpath:db/migrations,filesystem:" + stale))
				.withStackTraceContaining("V9999__seed_test_customers.sql");
			assertThat(database.tables()).doesNotContain("customers");
		}
	}

	/**
	 * Start the application on a database, with the test configuration unless the
	 * arguments override it. The database's own DataSource is the application's, so that
	 * H2 is opened as the user that created it.
	 */
	private static ConfigurableApplicationContext start(TestDatabase database, String... arguments) {
		DataSource dataSource = database.dataSource();
		return new SpringApplicationBuilder(FromFlywayApplication.class)
			.initializers((context) -> context.getBeanFactory().registerSingleton("dataSource", dataSource))
			.run(arguments);
	}

	private static void flyway(TestDatabase database, String... locations) {
		Flyway.configure().dataSource(database.dataSource()).locations(locations).load().migrate();
	}

	/** Flyway's history table, quoted as Flyway created it. */
	private static String flywayHistory(TestDatabase database) throws SQLException {
		try (Connection connection = database.dataSource().getConnection();
				ResultSet tables = connection.getMetaData().getTables(null, connection.getSchema(), "%", null)) {
			while (tables.next()) {
				String name = tables.getString("TABLE_NAME");
				if (name.equalsIgnoreCase("flyway_schema_history")) {
					return "\"" + name + "\"";
				}
			}
		}
		throw new AssertionError("No flyway_schema_history in " + database.tables());
	}

	private static List<String> ledger(TestDatabase database) throws SQLException {
		return rows(database, "SELECT id, state FROM migrations_ledger ORDER BY id").stream()
			.map((row) -> String.join(" ", row))
			.toList();
	}

	private static Map<String, SchemaSnapshot.Table> schema(TestDatabase database) {
		Map<String, SchemaSnapshot.Table> tables = new TreeMap<>(SchemaSnapshot.of(database).normalized().tables());
		tables.remove("flyway_schema_history");
		return tables;
	}

	private static List<List<String>> rows(TestDatabase database, String query) throws SQLException {
		List<List<String>> rows = new ArrayList<>();
		try (Connection connection = database.dataSource().getConnection();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(query)) {
			int columns = result.getMetaData().getColumnCount();
			while (result.next()) {
				List<String> row = new ArrayList<>();
				for (int i = 1; i <= columns; i++) {
					row.add(result.getString(i));
				}
				rows.add(row);
			}
		}
		return rows;
	}

}
