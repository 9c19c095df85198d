package dev.migrations.samples.multidatasource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import dev.migrations.MigrationStatus;
import dev.migrations.runner.MigrationRunner;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Prints what each instance applied, then reads the orders database and writes one row
 * per day into the reporting database. Both schemas exist by the time it runs: every
 * instance is migrated when the context refreshes.
 */
@Component
class DailyTotalsReport implements ApplicationRunner {

	private final Map<String, MigrationRunner> runners;

	private final JdbcClient orders;

	private final JdbcClient reporting;

	DailyTotalsReport(Map<String, MigrationRunner> runners, DataSource ordersDataSource,
			@Qualifier("reportingDataSource") DataSource reportingDataSource) {
		this.runners = runners;
		this.orders = JdbcClient.create(ordersDataSource);
		this.reporting = JdbcClient.create(reportingDataSource);
	}

	@Override
	public void run(ApplicationArguments args) {
		this.runners.forEach((name, runner) -> {
			System.out.println(name + " (" + runner.ledger().describe() + "):");
			for (MigrationStatus status : runner.status()) {
				System.out.println("  " + status.id() + " " + status.state() + " batch " + status.batch());
			}
		});
		List<DailyTotal> totals = this.orders
			.sql("SELECT ordered_on, COUNT(*) AS order_count, SUM(amount) AS total FROM orders "
					+ "GROUP BY ordered_on ORDER BY ordered_on")
			.query(DailyTotal.class)
			.list();
		this.reporting.sql("DELETE FROM daily_totals").update();
		for (DailyTotal total : totals) {
			this.reporting.sql("INSERT INTO daily_totals (sales_day, total, order_count) VALUES (?, ?, ?)")
				.params(total.orderedOn(), total.total(), total.orderCount())
				.update();
			System.out.println("Daily total " + total.orderedOn() + ": " + total.orderCount() + " order(s), "
					+ total.total().stripTrailingZeros().toPlainString());
		}
	}

	record DailyTotal(LocalDate orderedOn, int orderCount, BigDecimal total) {
	}

}
