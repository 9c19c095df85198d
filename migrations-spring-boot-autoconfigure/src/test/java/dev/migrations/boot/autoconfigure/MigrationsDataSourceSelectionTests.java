package dev.migrations.boot.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import dev.migrations.runner.MigrationRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which DataSource the auto-configured runner migrates when the application has several,
 * and what startup says when it cannot tell.
 */
class MigrationsDataSourceSelectionTests {

	private final List<H2Database> databases = new ArrayList<>();

	private final H2Database orders = h2();

	private final H2Database reporting = h2();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrationsAutoConfiguration.class));

	@AfterEach
	void dropDatabases() {
		this.databases.forEach(H2Database::drop);
	}

	@Test
	void twoDataSourcesWithoutAChoiceFailStartupNamingBothBeansAndTheWaysToChoose() {
		this.contextRunner.withBean("ordersDataSource", DataSource.class, this.orders::dataSource)
			.withBean("reportingDataSource", DataSource.class, this.reporting::dataSource)
			.run((context) -> {
				assertThat(context).hasFailed();
				Throwable failure = context.getStartupFailure();
				assertThat(failure).rootCause().isInstanceOfSatisfying(NoMigrationsDataSourceException.class, (ex) -> {
					assertThat(ex.getInstance()).isNull();
					assertThat(ex.getDataSourceBeanNames()).containsExactlyInAnyOrder("ordersDataSource",
							"reportingDataSource");
				});
				FailureAnalysis analysis = new NoMigrationsDataSourceFailureAnalyzer().analyze(failure);
				assertThat(analysis).isNotNull();
				assertThat(analysis.getDescription())
					.startsWith("Migrations cannot tell which DataSource to migrate: the application has "
							+ "2 DataSource beans, ")
					.contains("'ordersDataSource'")
					.contains("'reportingDataSource'")
					.contains("Nothing was applied.");
				assertThat(analysis.getAction()).contains("@MigrationsDataSource")
					.contains("@Primary")
					.contains("migrations.instances.<name>.data-source=<bean name>")
					.contains("migrations.url")
					.contains("migrations.enabled=false");
			});
		assertThat(this.orders.tables()).isEmpty();
		assertThat(this.reporting.tables()).isEmpty();
	}

	@Test
	void twoDataSourcesOfWhichOneIsPrimaryMigrateThePrimaryOne() {
		this.contextRunner.withBean("ordersDataSource", DataSource.class, this.orders::dataSource)
			.withBean("reportingDataSource", DataSource.class, this.reporting::dataSource,
					(definition) -> definition.setPrimary(true))
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(MigrationRunner.class);
				assertThat(context.getBean(MigrationRunner.class).dataSource()).isSameAs(this.reporting.dataSource());
			});
		assertThat(this.reporting.tables()).contains("users", "migrations_ledger");
		assertThat(this.orders.tables()).isEmpty();
	}

	@Test
	void twoDataSourcesWithoutAChoiceStartWhenMigrationsAreDisabled() {
		this.contextRunner.withBean("ordersDataSource", DataSource.class, this.orders::dataSource)
			.withBean("reportingDataSource", DataSource.class, this.reporting::dataSource)
			.withPropertyValues("migrations.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(MigrationRunner.class)
				.doesNotHaveBean(MigrationsInitializer.class));
		assertThat(this.orders.tables()).isEmpty();
		assertThat(this.reporting.tables()).isEmpty();
	}

	@Test
	void instanceWithoutADataSourceAmongSeveralNamesThePropertyToSet() {
		this.contextRunner.withBean("ordersDataSource", DataSource.class, this.orders::dataSource)
			.withBean("reportingDataSource", DataSource.class, this.reporting::dataSource)
			.withPropertyValues("migrations.instances.orders.locations=classpath:db/orders")
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = new NoMigrationsDataSourceFailureAnalyzer()
					.analyze(context.getStartupFailure());
				assertThat(analysis).isNotNull();
				assertThat(analysis.getDescription())
					.startsWith("Migrations cannot tell which DataSource migrations.instances.orders migrates")
					.contains("'ordersDataSource'")
					.contains("neither migrations.instances.orders.data-source nor migrations.instances.orders.url");
				assertThat(analysis.getAction())
					.startsWith("Set migrations.instances.orders.data-source to the name of one of those beans");
			});
		assertThat(this.orders.tables()).isEmpty();
	}

	private H2Database h2() {
		H2Database database = H2Database.create();
		this.databases.add(database);
		return database;
	}

}
