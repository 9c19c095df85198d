package dev.migrations.boot.autoconfigure;

import java.util.List;

import dev.migrations.Migration;
import dev.migrations.MigrationDefinitionException;
import dev.migrations.MigrationEntry;
import dev.migrations.MigrationId;
import dev.migrations.schema.Schema;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * {@link MigrationBeans}: the Java migrations of a context as the auto-configured runner
 * reads them, for tools that migrate another database with them.
 */
class MigrationBeansTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner();

	@Test
	void entriesAreTheMigrationBeansThenTheEntryBeans() {
		this.contextRunner.withUserConfiguration(JavaMigrationsConfiguration.class)
			.run((context) -> assertThat(MigrationBeans.of(context.getBeanFactory()).entries())
				.extracting((entry) -> entry.id().toString(), MigrationEntry::source)
				.containsExactly(tuple("m_20240101000100_from_bean", "bean 'fromBean'"),
						tuple("m_20240101000000_from_entry", "MigrationEntry m_20240101000000_from_entry")));
	}

	@Test
	void scannedMigrationsSkipTheClassesThatAreBeans() {
		this.contextRunner.withUserConfiguration(JavaMigrationsConfiguration.class)
			.run((context) -> assertThat(
					MigrationBeans.of(context.getBeanFactory()).scannedMigrations().create(NamedMigration.class))
				.isNull());
	}

	@Test
	void anInstancesEntriesAreTheMigrationBeansThatNameIt() {
		this.contextRunner.withUserConfiguration(InstanceMigrationsConfiguration.class)
			.run((context) -> assertThat(
					MigrationBeans.of(context.getBeanFactory(), List.of("orders", "reporting")).entries("orders"))
				.extracting((entry) -> entry.id().toString(), MigrationEntry::source)
				.containsExactly(tuple("m_20240101000100_for_orders", "bean 'forOrders'")));
	}

	@Test
	void anInstanceRefusesAMigrationBeanForNoConfiguredInstance() {
		this.contextRunner.withUserConfiguration(InstanceMigrationsConfiguration.class)
			.run((context) -> assertThatExceptionOfType(MigrationDefinitionException.class)
				.isThrownBy(() -> MigrationBeans.of(context.getBeanFactory(), List.of("orders")).entries("orders"))
				.withMessageContaining("'forReporting' does not name one of the configured migrations.instances"));
	}

	@Configuration(proxyBeanMethods = false)
	static class InstanceMigrationsConfiguration {

		@Bean
		@MigrationBean(value = "m_20240101000100_for_orders", instance = "orders")
		NamedMigration forOrders() {
			return new NamedMigration();
		}

		@Bean
		@MigrationBean(value = "m_20240101000200_for_reporting", instance = "reporting")
		NamedMigration forReporting() {
			return new NamedMigration();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class JavaMigrationsConfiguration {

		@Bean
		@MigrationBean("m_20240101000100_from_bean")
		NamedMigration fromBean() {
			return new NamedMigration();
		}

		@Bean
		MigrationEntry fromEntry() {
			return new MigrationEntry(MigrationId.parse("m_20240101000000_from_entry"), new NamedMigration(),
					"MigrationEntry m_20240101000000_from_entry");
		}

	}

	static class NamedMigration implements Migration {

		@Override
		public void up(Schema schema) {
			schema.sql("SELECT 1");
		}

		@Override
		public void down(Schema schema) {
		}

	}

}
