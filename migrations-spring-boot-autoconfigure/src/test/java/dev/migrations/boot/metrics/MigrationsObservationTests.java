package dev.migrations.boot.metrics;

import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import dev.migrations.boot.autoconfigure.MigrationsAutoConfiguration;
import dev.migrations.runner.MigrationRunner;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.test.simple.SimpleSpan;
import io.micrometer.tracing.test.simple.SimpleTracer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Observations, spans and meters of migrations applied at startup, through
 * {@link MigrationsObservationAutoConfiguration} and
 * {@link MigrationsMetricsAutoConfiguration}.
 */
class MigrationsObservationTests {

	private static final Predicate<Observation.ContextView> CHILD_OF_RUN = (parent) -> "migrations.run"
		.equals(parent.getName());

	private static final String USERS = "m_20241201000000_create_users_table";

	private static final String FIRST_USER = "m_20241201000100_insert_first_user";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrationsAutoConfiguration.class,
				MigrationsObservationAutoConfiguration.class, MigrationsMetricsAutoConfiguration.class))
		.withPropertyValues(
				"spring.datasource.url=jdbc:h2:mem:observation_" + UUID.randomUUID().toString().replace("-", ""));

	@Test
	@SuppressWarnings("unchecked") // forAllObservationsWithNameEqualTo hands over a raw
									// assert
	void observesTheRunAndEachMigrationAppliedAtStartup() {
		TestObservationRegistry registry = TestObservationRegistry.create();
		this.contextRunner.withBean(ObservationRegistry.class, () -> registry).run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(MigrationsObservationListener.class);
			TestObservationRegistryAssert.assertThat(registry)
				.hasNumberOfObservationsWithNameEqualTo("migrations.run", 1)
				.hasNumberOfObservationsWithNameEqualTo("migrations.migration", 2)
				.forAllObservationsWithNameEqualTo("migrations.run",
						(run) -> run.hasLowCardinalityKeyValue("direction", "up")
							.hasLowCardinalityKeyValue("outcome", "success")
							.doesNotHaveError())
				.forAllObservationsWithNameEqualTo("migrations.migration",
						(migration) -> migration.hasLowCardinalityKeyValue("direction", "up")
							.hasLowCardinalityKeyValue("outcome", "success")
							.hasParentObservationContextMatching(CHILD_OF_RUN)
							.doesNotHaveError())
				.hasAnObservationWithAKeyValue("migration.id", USERS)
				.hasAnObservationWithAKeyValue("migration.id", FIRST_USER);
		});
	}

	@Test
	void recordsAFailedMigrationAsAFailure() {
		TestObservationRegistry registry = TestObservationRegistry.create();
		this.contextRunner.withBean(ObservationRegistry.class, () -> registry)
			.withPropertyValues("migrations.locations=classpath:db/broken")
			.run((context) -> {
				assertThat(context).hasFailed();
				TestObservationRegistryAssert.assertThat(registry)
					.hasNumberOfObservationsWithNameEqualTo("migrations.migration", 2)
					.hasAnObservation((observation) -> observation.hasNameEqualTo("migrations.migration")
						.hasHighCardinalityKeyValue("migration.id", "m_20241201000100_insert_into_missing_table")
						.hasLowCardinalityKeyValue("outcome", "failure")
						.hasError())
					.forAllObservationsWithNameEqualTo("migrations.run",
							(run) -> run.hasLowCardinalityKeyValue("outcome", "failure").hasError());
				assertThat(registry.getCurrentObservation()).isNull();
			});
	}

	@Test
	void gaugesReadTheLedgerWhenTheyAreRead() {
		SimpleMeterRegistry meterRegistry = new SimpleMeterRegistry();
		this.contextRunner.withBean(MeterRegistry.class, () -> meterRegistry)
			.withPropertyValues("migrations.on-startup=none")
			.run((context) -> {
				context.getBean(MigrationsMeterBinder.class).bindTo(meterRegistry);
				assertThat(gauge(meterRegistry, "migrations.pending")).isEqualTo(2);
				assertThat(gauge(meterRegistry, "migrations.applied")).isZero();
				context.getBean(MigrationRunner.class).applyAll(1);
				assertThat(gauge(meterRegistry, "migrations.pending")).isEqualTo(1);
				assertThat(gauge(meterRegistry, "migrations.applied")).isEqualTo(1);
			});
	}

	@Test
	void aTracerSeesOneSpanPerMigrationInsideTheSpanOfTheRun() {
		SimpleTracer tracer = new SimpleTracer();
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig().observationHandler(new DefaultTracingObservationHandler(tracer));
		this.contextRunner.withBean(ObservationRegistry.class, () -> registry).run((context) -> {
			assertThat(context).hasNotFailed();
			List<SimpleSpan> spans = List.copyOf(tracer.getSpans());
			SimpleSpan run = spans.stream()
				.filter((span) -> span.getName().equals("migrations up"))
				.findFirst()
				.orElseThrow();
			List<SimpleSpan> migrations = spans.stream().filter((span) -> span != run).toList();
			assertThat(migrations).extracting(SimpleSpan::getName)
				.containsExactly("migration up " + USERS, "migration up " + FIRST_USER);
			assertThat(migrations).allSatisfy((span) -> {
				assertThat(span.getParentId()).isEqualTo(run.getSpanId());
				assertThat(span.getTraceId()).isEqualTo(run.getTraceId());
				assertThat(span.getTags()).containsEntry("direction", "up").containsEntry("outcome", "success");
			});
			assertThat(migrations.get(0).getTags()).containsEntry("migration.id", USERS);
		});
	}

	@Test
	void timersAndGaugesCountTheMigrationsAppliedAtStartup() {
		SimpleMeterRegistry meterRegistry = new SimpleMeterRegistry();
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig().observationHandler(new DefaultMeterObservationHandler(meterRegistry));
		this.contextRunner.withBean(ObservationRegistry.class, () -> registry)
			.withBean(MeterRegistry.class, () -> meterRegistry)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				context.getBean(MigrationsMeterBinder.class).bindTo(meterRegistry);
				assertThat(meterRegistry.get("migrations.migration")
					.tag("direction", "up")
					.tag("outcome", "success")
					.timer()
					.count()).isEqualTo(2);
				assertThat(meterRegistry.get("migrations.run").timer().count()).isEqualTo(1);
				assertThat(meterRegistry.get("migrations.lock.wait").timer().count()).isEqualTo(1);
				assertThat(meterRegistry.get("migrations.applied").tag("runner", "migrationRunner").gauge().value())
					.isEqualTo(2);
				assertThat(meterRegistry.get("migrations.pending").tag("runner", "migrationRunner").gauge().value())
					.isZero();
			});
	}

	private static double gauge(MeterRegistry registry, String name) {
		return registry.get(name).tag("runner", "migrationRunner").gauge().value();
	}

}
