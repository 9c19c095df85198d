package dev.migrations.boot.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import dev.migrations.MigrationDefinitionException;
import dev.migrations.MigrationState;
import dev.migrations.runner.MigrationRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@code migrations.baseline-on-migrate}, {@code migrations.baseline-version}
 * and their {@code migrations.instances.<name>.*} counterparts.
 */
class MigrationsBaselineOnMigrateTests {

	private static final String POSTS = "m_20241201000100_create_posts_table";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrationsAutoConfiguration.class));

	private final List<H2Database> databases = new ArrayList<>();

	@AfterEach
	void dropDatabases() {
		this.databases.forEach(H2Database::drop);
	}

	@Test
	void baselinesADatabaseWithTablesAtTheBaselineVersionAndAppliesWhatComesAfter() {
		H2Database database = existingDatabase();
		this.contextRunner.withBean(DataSource.class, database::dataSource)
			.withPropertyValues("migrations.locations=classpath:db/observed", "migrations.baseline-on-migrate=true",
					"migrations.baseline-version=" + POSTS)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(MigrationRunner.class).status())
					.filteredOn((status) -> status.state() == MigrationState.BASELINE)
					.extracting((status) -> status.id().toString())
					.containsExactly("m_20241201000000_create_users_table", POSTS);
				assertThat(database.tables()).contains("comments", "tags", "likes", "follows");
			});
	}

	@Test
	void withoutBaselineOnMigrateTheFirstMigrationFailsAndTheAnalysisNamesIt() {
		H2Database database = existingDatabase();
		this.contextRunner.withBean(DataSource.class, database::dataSource)
			.withPropertyValues("migrations.locations=classpath:db/observed", "migrations.baseline-version=" + POSTS)
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = new MigrationExecutionFailureAnalyzer(new MockEnvironment())
					.analyze(context.getStartupFailure());
				assertThat(analysis).isNotNull();
				assertThat(analysis.getAction()).contains("java -jar app.jar migrate:baseline ID, or on the next start "
						+ "with migrations.baseline-on-migrate=true and migrations.baseline-version=ID");
			});
		assertThat(database.tables()).doesNotContain("comments");
	}

	@Test
	void anInstanceBaselinesWithItsOwnSettings() {
		H2Database database = existingDatabase();
		this.contextRunner.withBean("mainDataSource", DataSource.class, database::dataSource)
			.withPropertyValues("migrations.instances.main.data-source=mainDataSource",
					"migrations.instances.main.locations=classpath:db/observed",
					"migrations.instances.main.baseline-on-migrate=true",
					"migrations.instances.main.baseline-version=" + POSTS)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(Databases.ledgerIds(database.dataSource())).startsWith(POSTS).hasSize(5);
			});
	}

	@Test
	void aMalformedBaselineVersionFailsStartupNamingTheProperty() {
		H2Database database = existingDatabase();
		this.contextRunner.withBean(DataSource.class, database::dataSource)
			.withPropertyValues("migrations.locations=classpath:db/observed", "migrations.baseline-on-migrate=true",
					"migrations.baseline-version=V2")
			.run((context) -> assertThat(context).getFailure()
				.hasRootCauseInstanceOf(MigrationDefinitionException.class)
				.hasStackTraceContaining("migrations.baseline-version=m_20000101000003_create_orders"));
	}

	private H2Database existingDatabase() {
		H2Database database = H2Database.create();
		this.databases.add(database);
		database.execute("CREATE TABLE users (id BIGINT PRIMARY KEY, email VARCHAR(255) NOT NULL)");
		database.execute("CREATE TABLE posts (id BIGINT PRIMARY KEY, title VARCHAR(255) NOT NULL)");
		return database;
	}

}
