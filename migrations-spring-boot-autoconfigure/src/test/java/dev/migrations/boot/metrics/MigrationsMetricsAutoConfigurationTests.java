package dev.migrations.boot.metrics;

import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import dev.migrations.MigrationListener;
import dev.migrations.boot.autoconfigure.MigrationsAutoConfiguration;
import dev.migrations.runner.MigrationRunner;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MigrationsObservationAutoConfiguration} and
 * {@link MigrationsMetricsAutoConfiguration}.
 */
class MigrationsMetricsAutoConfigurationTests {

	private static final List<String> APPLIED = List.of("m_20241201000000_create_users_table",
			"m_20241201000100_insert_first_user");

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrationsAutoConfiguration.class,
				MigrationsObservationAutoConfiguration.class, MigrationsMetricsAutoConfiguration.class))
		.withPropertyValues(
				"spring.datasource.url=jdbc:h2:mem:metrics_" + UUID.randomUUID().toString().replace("-", ""));

	@Test
	void configuresTheListenersAndTheBinderWhenThereAreRegistries() {
		this.contextRunner.withBean(ObservationRegistry.class, ObservationRegistry::create)
			.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(MigrationsObservationListener.class)
				.hasSingleBean(MigrationsLockWaitListener.class)
				.hasSingleBean(MigrationsMeterBinder.class));
	}

	@Test
	void backsOffWithoutRegistries() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed().doesNotHaveBean(MigrationListener.class);
			assertThat(ledgerIds(context.getBean(DataSource.class))).isEqualTo(APPLIED);
		});
	}

	@Test
	void backsOffWhenUserDefinesTheObservationListener() {
		MigrationsObservationListener listener = new MigrationsObservationListener(ObservationRegistry.NOOP);
		this.contextRunner.withBean(ObservationRegistry.class, ObservationRegistry::create)
			.withBean("customListener", MigrationsObservationListener.class, () -> listener)
			.run((context) -> assertThat(context).getBean(MigrationsObservationListener.class).isSameAs(listener));
	}

	@Test
	void startsAndMigratesWithoutMicrometer() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("io.micrometer")).run((context) -> {
			assertThat(context).hasNotFailed()
				.hasSingleBean(MigrationRunner.class)
				.doesNotHaveBean(MigrationListener.class)
				.doesNotHaveBean(MigrationsMeterBinder.class);
			assertThat(ledgerIds(context.getBean(DataSource.class))).isEqualTo(APPLIED);
		});
	}

	private static List<String> ledgerIds(DataSource dataSource) {
		return new JdbcTemplate(dataSource).queryForList("SELECT id FROM migrations_ledger ORDER BY id", String.class);
	}

}
