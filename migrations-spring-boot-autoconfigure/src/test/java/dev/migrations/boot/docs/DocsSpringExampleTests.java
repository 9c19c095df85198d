package dev.migrations.boot.docs;

import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import dev.migrations.JdbcUrlDataSource;
import dev.migrations.boot.autoconfigure.MigrationsAutoConfiguration;
import dev.migrations.runner.MigrationRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the Spring Boot examples of docs/spring-boot.md (their text is checked against
 * these sources by {@code DocsExampleTests} in migrations-core).
 */
class DocsSpringExampleTests {

	private final String applicationUrl = h2Url();

	private final String ownerUrl = h2Url();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrationsAutoConfiguration.class))
		.withPropertyValues("spring.datasource.url=" + this.applicationUrl, "spring.datasource.username=sa",
				"migrations.locations=classpath:dev/migrations/boot/docs/no-sql-migrations");

	@AfterEach
	void dropDatabases() {
		jdbc(this.applicationUrl).execute("SHUTDOWN");
		jdbc(this.ownerUrl).execute("SHUTDOWN");
	}

	@Test
	void migrationBeanWithItsIdIsApplied() {
		jdbc(this.applicationUrl).execute("CREATE TABLE users (id BIGINT PRIMARY KEY)");
		this.contextRunner.withUserConfiguration(MigrationBeanExample.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(ledgerIds(this.applicationUrl)).containsExactly("m_20241201000050_add_name_to_users");
			assertThat(columns(this.applicationUrl, "USERS")).contains("NAME");
		});
	}

	@Test
	void migrationStrategyReplacesTheStartupAction() {
		jdbc(this.applicationUrl).execute("CREATE TABLE users (id BIGINT PRIMARY KEY)");
		this.contextRunner.withUserConfiguration(MigrationBeanExample.class, MigrationStrategyExample.class)
			.withPropertyValues("migrations.on-startup=none")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(ledgerIds(this.applicationUrl)).containsExactly("m_20241201000050_add_name_to_users");
			});
	}

	@Test
	void dedicatedDataSourceIsTheOneMigrated() {
		jdbc(this.ownerUrl).execute("CREATE TABLE users (id BIGINT PRIMARY KEY)");
		this.contextRunner.withUserConfiguration(MigrationBeanExample.class, DedicatedDataSourceExample.class)
			.withPropertyValues("app.migrations.url=" + this.ownerUrl, "app.migrations.user=sa",
					"app.migrations.password=")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(MigrationRunner.class).dataSource())
					.isSameAs(context.getBean("migrationsDataSource", DataSource.class));
				assertThat(ledgerIds(this.ownerUrl)).containsExactly("m_20241201000050_add_name_to_users");
				assertThat(tables(this.applicationUrl)).isEmpty();
			});
	}

	@Test
	void connectionDetailsBeanIsTheConnectionMigrated() {
		jdbc(this.ownerUrl).execute("CREATE TABLE users (id BIGINT PRIMARY KEY)");
		this.contextRunner.withUserConfiguration(MigrationBeanExample.class, MigrationsConnectionDetailsExample.class)
			.withPropertyValues("app.owner.url=" + this.ownerUrl, "app.owner.user=sa", "app.owner.password=",
					"migrations.url=" + this.applicationUrl)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(ledgerIds(this.ownerUrl)).containsExactly("m_20241201000050_add_name_to_users");
				assertThat(tables(this.applicationUrl)).isEmpty();
			});
	}

	private static String h2Url() {
		return "jdbc:h2:mem:docs_" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1";
	}

	private static JdbcTemplate jdbc(String url) {
		return new JdbcTemplate(new JdbcUrlDataSource(url, "sa", ""));
	}

	private static List<String> ledgerIds(String url) {
		return jdbc(url).queryForList("SELECT id FROM migrations_ledger ORDER BY id", String.class);
	}

	private static List<String> tables(String url) {
		return jdbc(url).queryForList("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'",
				String.class);
	}

	private static List<String> columns(String url, String table) {
		return jdbc(url).queryForList("SELECT COLUMN_NAME FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_NAME = ?",
				String.class, table);
	}

}
