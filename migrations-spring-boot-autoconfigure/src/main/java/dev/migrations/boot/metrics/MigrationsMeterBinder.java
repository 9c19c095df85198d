package dev.migrations.boot.metrics;

import java.util.Objects;
import java.util.function.ToIntFunction;

import dev.migrations.MigrationState;
import dev.migrations.MigrationStatus;
import dev.migrations.runner.MigrationRunner;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.beans.factory.ListableBeanFactory;

/**
 * {@link MeterBinder} for two gauges per {@link MigrationRunner} bean, tagged with
 * {@code runner} (the bean name): {@value #PENDING_GAUGE}, the migrations waiting to be
 * applied, and {@value #APPLIED_GAUGE}, the migrations the database has. Each read of a
 * gauge reads the ledger; the runner beans are looked up only then, so binding creates
 * none. Thread-safe.
 */
public class MigrationsMeterBinder implements MeterBinder {

	/** The name of the gauge of pending migrations. */
	public static final String PENDING_GAUGE = "migrations.pending";

	/** The name of the gauge of applied migrations. */
	public static final String APPLIED_GAUGE = "migrations.applied";

	private final ListableBeanFactory beanFactory;

	/**
	 * Create a binder for the runner beans of a bean factory.
	 * @param beanFactory the bean factory
	 */
	public MigrationsMeterBinder(ListableBeanFactory beanFactory) {
		this.beanFactory = Objects.requireNonNull(beanFactory, "beanFactory must not be null");
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (String name : this.beanFactory.getBeanNamesForType(MigrationRunner.class, false, false)) {
			gauge(registry, PENDING_GAUGE, "Migrations waiting to be applied", name,
					(status) -> status.isPending() ? 1 : 0);
			gauge(registry, APPLIED_GAUGE, "Migrations the database has", name,
					(status) -> isApplied(status.state()) ? 1 : 0);
		}
	}

	private void gauge(MeterRegistry registry, String gauge, String description, String runnerName,
			ToIntFunction<MigrationStatus> counts) {
		Gauge
			.builder(gauge,
					() -> this.beanFactory.getBean(runnerName, MigrationRunner.class)
						.status()
						.stream()
						.mapToInt(counts)
						.sum())
			.description(description)
			.tag("runner", runnerName)
			.strongReference(true)
			.register(registry);
	}

	private static boolean isApplied(MigrationState state) {
		return state == MigrationState.APPLIED || state == MigrationState.BASELINE || state == MigrationState.SQUASHED
				|| state == MigrationState.CHECKSUM_MISMATCH;
	}

}
