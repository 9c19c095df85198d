package dev.migrations.samples.multidatasource;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import dev.migrations.Direction;
import dev.migrations.MigrationDescriptor;
import dev.migrations.MigrationListener;
import dev.migrations.MigrationState;
import dev.migrations.MigrationStatus;
import dev.migrations.catalog.CatalogDiff;
import dev.migrations.runner.MigrationRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample as it starts: each database migrated from its own location into its own
 * ledger, orders first, with no drift from the schema its migrations build, and the
 * report written across both.
 */
@SpringBootTest
@Import(MultiDataSourceApplicationTests.RecordingListenerConfiguration.class)
@ExtendWith(OutputCaptureExtension.class)
class MultiDataSourceApplicationTests {

	@Autowired
	private Map<String, MigrationRunner> runners;

	@Autowired
	private RecordingListener listener;

	@Autowired
	private DailyTotalsReport report;

	@Autowired
	private DataSource ordersDataSource;

	@Autowired
	@Qualifier("reportingDataSource")
	private DataSource reportingDataSource;

	@Test
	void eachInstanceHasItsOwnRunnerMigrationsAndLedger() {
		assertThat(this.runners).containsOnlyKeys("ordersMigrationRunner", "reportingMigrationRunner");
		assertThat(this.runners.get("ordersMigrationRunner").status()).extracting(MigrationStatus::id)
			.extracting(Object::toString)
			.containsExactly("m_20241201000000_create_orders", "m_20241201000100_seed_orders");
		assertThat(this.runners.get("reportingMigrationRunner").status()).extracting(MigrationStatus::id)
			.extracting(Object::toString)
			.containsExactly("m_20241201000000_create_daily_totals",
					"m_20241201000100_add_order_count_to_daily_totals");
		this.runners.values()
			.forEach((runner) -> assertThat(runner.status()).extracting(MigrationStatus::state)
				.containsOnly(MigrationState.APPLIED));
		assertThat(count(this.ordersDataSource, "migrations_ledger")).isEqualTo(2);
		assertThat(count(this.reportingDataSource, "reporting_ledger")).isEqualTo(2);
	}

	@Test
	void eachDatabaseHoldsTheSchemaItsMigrationsBuild() {
		this.runners.forEach((name, runner) -> {
			CatalogDiff drift = runner.drift();
			assertThat(drift.text()).as(name).isEmpty();
			assertThat(drift.isEmpty()).as(name).isTrue();
			assertThat(runner.describeSchema().tables()).as(name).isNotEmpty();
		});
	}

	@Test
	void appliesOrdersBeforeReporting() {
		assertThat(this.listener.applied).containsExactly("m_20241201000000_create_orders",
				"m_20241201000100_seed_orders", "m_20241201000000_create_daily_totals",
				"m_20241201000100_add_order_count_to_daily_totals");
	}

	@Test
	void printsWhatEachInstanceAppliedAndTheReport(CapturedOutput output) {
		// The context is started once for the class; start the report again to see its
		// output
		this.report.run(null);
		assertThat(output).contains("ordersMigrationRunner (migrations_ledger):")
			.contains("  m_20241201000100_seed_orders APPLIED batch 1")
			.contains("reportingMigrationRunner (reporting_ledger):")
			.contains("Daily total 2024-12-01: 2 order(s), 42.5")
			.contains("Daily total 2024-12-02: 1 order(s), 7.25");
	}

	@Test
	void theReportReadsOneDatabaseAndWritesTheOther() {
		JdbcClient reporting = JdbcClient.create(this.reportingDataSource);
		assertThat(reporting.sql("SELECT order_count FROM daily_totals ORDER BY sales_day").query(Integer.class).list())
			.containsExactly(2, 1);
		assertThat(count(this.ordersDataSource, "orders")).isEqualTo(3);
	}

	private static long count(DataSource dataSource, String table) {
		return JdbcClient.create(dataSource).sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class RecordingListenerConfiguration {

		@Bean
		RecordingListener recordingListener() {
			return new RecordingListener();
		}

	}

	static class RecordingListener implements MigrationListener {

		final List<String> applied = new CopyOnWriteArrayList<>();

		@Override
		public void afterMigration(MigrationDescriptor migration, Direction direction, Duration duration) {
			this.applied.add(migration.id().toString());
		}

	}

}
