package dev.migrations.conformance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.migrations.Migration;
import dev.migrations.MigrationDefinitionException;
import dev.migrations.MigrationEntry;
import dev.migrations.MigrationException;
import dev.migrations.MigrationId;
import dev.migrations.MigrationState;
import dev.migrations.MigrationStatus;
import dev.migrations.runner.MigrationRunner;
import dev.migrations.schema.Schema;
import dev.migrations.testing.LoggedEvents;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.entry;

/**
 * Baseline-on-migrate: the first apply on a database that has tables and an empty ledger
 * baselines it, at the migration of the last version a Flyway history records, or at the
 * baseline version, and applies only the migrations after it; once.
 */
abstract class BaselineOnMigrateConformanceTests extends FreshDatabaseTests {

	private static final String M1 = "20000101000001_create_alpha";

	private static final String M2 = "20000101000002_create_beta";

	private static final String M3 = "20000101000003_create_gamma";

	private static final String M4 = "20240101000000_create_delta";

	@Test
	void baselinesADatabaseWithTablesAtTheBaselineVersionOnceAndAppliesOnlyWhatComesAfter() throws IOException {
		this.database.execute("CREATE TABLE alpha (id INT PRIMARY KEY)", "CREATE TABLE beta (id INT PRIMARY KEY)");
		writeMigrations(null);
		List<String> logged = logged(() -> {
			assertThat(runner((builder) -> builder.baselineVersion(MigrationId.parse(M2))).applyAll().migrations())
				.extracting((migration) -> migration.id().toString())
				.containsExactly("m_" + M3, "m_" + M4);
			assertThat(runner((builder) -> builder.baselineVersion(MigrationId.parse(M3))).applyAll().isEmpty())
				.isTrue();
		});
		assertThat(states()).containsExactly(entry("m_" + M1, MigrationState.BASELINE),
				entry("m_" + M2, MigrationState.BASELINE), entry("m_" + M3, MigrationState.APPLIED),
				entry("m_" + M4, MigrationState.APPLIED));
		assertThat(logged).filteredOn((line) -> line.startsWith("Baselined"))
			.singleElement()
			.satisfies((line) -> assertThat(line.toLowerCase(Locale.ROOT)).contains("at m_" + M2, "baseline-on-migrate",
					"alpha", "beta"));
		assertThat(this.database.queryForLong("SELECT COUNT(*) FROM gamma")).isZero();
	}

	@Test
	void migratesADatabaseWithoutTablesFromTheFirstMigration() throws IOException {
		writeMigrations(null);
		assertThat(runner((builder) -> builder.baselineVersion(MigrationId.parse(M2))).applyAll().migrations())
			.hasSize(4);
		assertThat(states()).containsOnlyKeys("m_" + M1, "m_" + M2, "m_" + M3, "m_" + M4)
			.containsValues(MigrationState.APPLIED)
			.doesNotContainValue(MigrationState.BASELINE);
	}

	@Test
	void isOffByDefault() throws IOException {
		this.database.execute("CREATE TABLE unrelated (id INT PRIMARY KEY)");
		writeMigrations(null);
		MigrationRunner runner = MigrationRunner.builder(this.database.dataSource())
			.locations("filesystem:" + migrations())
			.baselineVersion(MigrationId.parse(M2))
			.build();
		assertThat(runner.applyAll().migrations()).hasSize(4);
	}

	@Test
	void refusesADatabaseWithTablesWhenNoBaselineVersionIsSet() throws IOException {
		this.database.execute("CREATE TABLE alpha (id INT PRIMARY KEY)");
		writeMigrations(null);
		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> runner(UnaryOperator.identity()).applyAll())
			.withMessageContaining("baseline-on-migrate is on")
			.satisfies((ex) -> assertThat(ex.getMessage()).containsIgnoringCase("1 table (alpha)"))
			.withMessageContaining("Nothing was applied")
			.withMessageContaining("migrations.baseline-version");
		assertThat(states()).containsOnlyKeys("m_" + M1, "m_" + M2, "m_" + M3, "m_" + M4)
			.containsValues(MigrationState.PENDING);
	}

	@Test
	void refusesABaselineVersionNoMigrationHasOnAnEmptyDatabaseAsOnOneWithTables() throws IOException {
		writeMigrations(null);
		for (boolean withTables : List.of(false, true)) {
			if (withTables) {
				this.database.execute("CREATE TABLE alpha (id INT PRIMARY KEY)");
			}
			assertThatExceptionOfType(MigrationDefinitionException.class)
				.isThrownBy(() -> runner((builder) -> builder.baselineVersion(MigrationId.parse("20000101000009_typo")))
					.applyAll())
				.withMessageStartingWith("The baseline version m_20000101000009_typo (migrations.baseline-version, "
						+ "baselineVersion on the builder) is not defined by any location")
				.withMessageContaining("Nothing was changed");
			assertThat(states().values()).as("nothing applied or baselined").containsOnly(MigrationState.PENDING);
		}
	}

	@Test
	void baselinesAtTheMigrationOfTheLastVersionTheFlywayHistoryRecords() throws IOException {
		this.database.execute("CREATE TABLE alpha (id INT PRIMARY KEY)", "CREATE TABLE beta (id INT PRIMARY KEY)");
		createFlywayHistory("flyway_schema_history", row(1, "0", "SCHEMA", "<< Flyway Schema Creation >>", true),
				row(2, "1", "SQL", "V1__create_alpha.sql", true), row(3, "1.1", "SQL", "V1_1__create_beta.sql", true));
		writeMigrations(List.of("1", "1.1", "2"));
		List<String> logged = logged(() -> assertThat(runner(UnaryOperator.identity()).applyAll().migrations())
			.extracting((migration) -> migration.id().toString())
			.containsExactly("m_" + M3, "m_" + M4));
		assertThat(states()).containsExactly(entry("m_" + M1, MigrationState.BASELINE),
				entry("m_" + M2, MigrationState.BASELINE), entry("m_" + M3, MigrationState.APPLIED),
				entry("m_" + M4, MigrationState.APPLIED));
		assertThat(logged).filteredOn((line) -> line.startsWith("Baselined"))
			.singleElement()
			.satisfies((line) -> assertThat(line.toLowerCase(Locale.ROOT)).contains("at m_" + M2,
					"flyway_schema_history", "version 1.1 (v1_1__create_beta.sql)"));
	}

	@Test
	void aDryRunPlansOnlyWhatComesAfterTheBaselineItWouldWriteAndWritesNothing() throws IOException {
		this.database.execute("CREATE TABLE alpha (id INT PRIMARY KEY)", "CREATE TABLE beta (id INT PRIMARY KEY)");
		createFlywayHistory("flyway_schema_history", row(1, "1", "SQL", "V1__create_alpha.sql", true),
				row(2, "1.1", "SQL", "V1_1__create_beta.sql", true));
		writeMigrations(List.of("1", "1.1", "2"));
		MigrationRunner runner = runner(UnaryOperator.identity());
		assertThat(runner.pretend().applyAll()).extracting((planned) -> planned.id().toString())
			.containsExactly("m_" + M3, "m_" + M4);
		assertThat(states()).containsValues(MigrationState.PENDING).doesNotContainValue(MigrationState.BASELINE);
		assertThat(runner.applyAll().migrations()).hasSize(2);
	}

	@Test
	void aJavaMigrationMatchesTheFlywayVersionItReturns() throws IOException {
		this.database.execute("CREATE TABLE alpha (id INT PRIMARY KEY)", "CREATE TABLE beta (id INT PRIMARY KEY)");
		createFlywayHistory("flyway_schema_history", row(1, "1", "SQL", "V1__create_alpha.sql", true),
				row(2, "1.1", "SQL", "V1_1__create_beta.sql", true),
				row(3, "1.5", "JDBC", "db.migration.V1_5__Backfill", true));
		writeMigrations(List.of("1", "1.1", "2"));
		Migration backfill = new Migration() {

			@Override
			public void up(Schema schema) {
				schema.sql("UPDATE alpha SET id = id");
			}

			@Override
			public String flywayVersion() {
				return "1.5";
			}

		};
		UnaryOperator<MigrationRunner.Builder> withBackfill = (builder) -> builder
			.entries(MigrationEntry.of("m_20000101000002_zz_backfill", backfill));
		assertThat(runner(withBackfill).applyAll().migrations()).extracting((migration) -> migration.id().toString())
			.containsExactly("m_" + M3, "m_" + M4);
		assertThat(runner(withBackfill).status()).extracting((status) -> status.id() + " " + status.state())
			.containsExactly("m_" + M1 + " BASELINE", "m_" + M2 + " BASELINE", "m_20000101000002_zz_backfill BASELINE",
					"m_" + M3 + " APPLIED", "m_" + M4 + " APPLIED");
	}

	@Test
	void theFlywayHistoryDecidesOverTheBaselineVersion() throws IOException {
		this.database.execute("CREATE TABLE alpha (id INT PRIMARY KEY)");
		createFlywayHistory("flyway_schema_history", row(1, "1", "SQL", "V1__create_alpha.sql", true));
		writeMigrations(List.of("1", "1.1", "2"));
		runner((builder) -> builder.baselineVersion(MigrationId.parse(M3))).applyAll();
		assertThat(states()).containsEntry("m_" + M1, MigrationState.BASELINE)
			.containsEntry("m_" + M2, MigrationState.APPLIED);
	}

	@Test
	void readsAFlywayHistoryUnderAnotherName() throws IOException {
		this.database.execute("CREATE TABLE alpha (id INT PRIMARY KEY)");
		createFlywayHistory("schema_version", row(1, "1.0", "SQL", "V1__create_alpha.sql", true));
		writeMigrations(List.of("1", "1.1", "2"));
		runner((builder) -> builder.flywayTable("schema_version")).applyAll();
		assertThat(states()).containsEntry("m_" + M1, MigrationState.BASELINE)
			.containsEntry("m_" + M2, MigrationState.APPLIED);
	}

	@Test
	void refusesAFlywayHistoryThatRecordsAFailedMigration() throws IOException {
		this.database.execute("CREATE TABLE alpha (id INT PRIMARY KEY)");
		createFlywayHistory("flyway_schema_history", row(1, "1", "SQL", "V1__create_alpha.sql", true),
				row(2, "1.1", "SQL", "V1_1__create_beta.sql", false));
		writeMigrations(List.of("1", "1.1", "2"));
		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> runner(UnaryOperator.identity()).applyAll())
			.withMessageContaining("a failed version 1.1 (V1_1__create_beta.sql)")
			.withMessageContaining("Let Flyway finish");
		assertThat(states()).containsValues(MigrationState.PENDING).doesNotContainValue(MigrationState.BASELINE);
	}

	@Test
	void refusesAFlywayVersionNoMigrationDeclares() throws IOException {
		this.database.execute("CREATE TABLE alpha (id INT PRIMARY KEY)");
		createFlywayHistory("flyway_schema_history", row(1, "1", "SQL", "V1__create_alpha.sql", true),
				row(2, "3", "SQL", "V3__create_beta.sql", true));
		writeMigrations(List.of("1", "1.1", "2"));
		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> runner(UnaryOperator.identity()).applyAll())
			.withMessageContaining("records version 3 (V3__create_beta.sql)")
			.withMessageContaining("'-- flyway: V3'")
			.withMessageContaining("Nothing was applied");
	}

	@Test
	void refusesAFlywayHeaderThatIsNoVersion() throws IOException {
		Files.createDirectories(migrations());
		Files.writeString(migrations().resolve(M1 + ".sql"), "-- flyway: V1.x\nCREATE TABLE alpha (id INT);\n");
		assertThatExceptionOfType(MigrationDefinitionException.class).isThrownBy(() -> runner(UnaryOperator.identity()))
			.withMessageContaining("'-- flyway: V1.x'")
			.withMessageContaining(M1 + ".sql");
	}

	private MigrationRunner runner(UnaryOperator<MigrationRunner.Builder> options) {
		return options
			.apply(MigrationRunner.builder(this.database.dataSource())
				.locations("filesystem:" + migrations())
				.baselineOnMigrate(true))
			.build();
	}

	private Map<String, MigrationState> states() {
		Map<String, MigrationState> states = new LinkedHashMap<>();
		for (MigrationStatus status : runner(UnaryOperator.identity()).status()) {
			states.put(status.id().toString(), status.state());
		}
		return states;
	}

	private Path migrations() {
		return this.directory.resolve("db").resolve("migrations");
	}

	/**
	 * Write four migrations creating alpha, beta, gamma and delta, the first three with
	 * the given Flyway versions in their headers.
	 */
	private void writeMigrations(List<String> flywayVersions) throws IOException {
		Files.createDirectories(migrations());
		List<String> names = List.of(M1, M2, M3, M4);
		for (int i = 0; i < names.size(); i++) {
			String header = (flywayVersions != null && i < flywayVersions.size())
					? "-- flyway: V" + flywayVersions.get(i) + "\n" : "";
			String table = names.get(i).substring(names.get(i).lastIndexOf('_') + 1);
			Files.writeString(migrations().resolve(names.get(i) + ".sql"),
					header + "CREATE TABLE " + table + " (id INT PRIMARY KEY);\n");
		}
	}

	/**
	 * Create a table shaped as Flyway's history table, with the columns this library
	 * reads, and fill it.
	 */
	private void createFlywayHistory(String table, String... rows) {
		this.database.execute("CREATE TABLE " + table + " (installed_rank INT NOT NULL PRIMARY KEY, "
				+ "version VARCHAR(50), description VARCHAR(200) NOT NULL, type VARCHAR(20) NOT NULL, "
				+ "script VARCHAR(1000) NOT NULL, checksum INT, installed_by VARCHAR(100) NOT NULL, "
				+ "installed_on TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL, execution_time INT NOT NULL, "
				+ "success BOOLEAN NOT NULL)");
		for (String row : rows) {
			this.database.execute("INSERT INTO " + table + " (installed_rank, version, description, type, script, "
					+ "installed_by, execution_time, success) VALUES " + row);
		}
	}

	private static String row(int rank, String version, String type, String script, boolean success) {
		return "(" + rank + ", '" + version + "', 'd', '" + type + "', '" + script + "', 'test', 1, " + success + ")";
	}

	private static List<String> logged(Runnable action) {
		return LoggedEvents.during("dev.migrations", action).stream().map(ILoggingEvent::getFormattedMessage).toList();
	}

}
