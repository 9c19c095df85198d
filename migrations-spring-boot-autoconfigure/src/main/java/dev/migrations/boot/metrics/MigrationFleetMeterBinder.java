package dev.migrations.boot.metrics;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

import dev.migrations.runner.FleetResult;
import dev.migrations.runner.FleetResult.Outcome;
import dev.migrations.runner.MigrationFleet;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.jspecify.annotations.Nullable;

/**
 * {@link MeterBinder} for the gauge {@value #TARGETS_GAUGE}: how many targets of a
 * {@link MigrationFleet} are up to date, pending or failed, one gauge per outcome, tagged
 * {@code outcome} ({@code up_to_date}, {@code pending}, {@code failed}) and never by
 * tenant, so that the number of series stays the same however many tenants there are. One
 * status read of the fleet serves the gauges for {@value #REFRESH_SECONDS} seconds, so a
 * scrape reads every target's ledger once, not once per gauge. Thread-safe.
 */
public class MigrationFleetMeterBinder implements MeterBinder {

	/** The name of the gauge of targets by outcome. */
	public static final String TARGETS_GAUGE = "migrations.fleet.targets";

	/** How long one status read of the fleet serves the gauges. */
	static final int REFRESH_SECONDS = 5;

	private static final long REFRESH_NANOS = Duration.ofSeconds(REFRESH_SECONDS).toNanos();

	private final MigrationFleet fleet;

	private @Nullable FleetResult last;

	private long readAt;

	/**
	 * Create a binder for a fleet.
	 * @param fleet the fleet
	 */
	public MigrationFleetMeterBinder(MigrationFleet fleet) {
		this.fleet = Objects.requireNonNull(fleet, "fleet must not be null");
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (Outcome outcome : new Outcome[] { Outcome.UP_TO_DATE, Outcome.PENDING, Outcome.FAILED }) {
			Gauge.builder(TARGETS_GAUGE, () -> status().count(outcome))
				.description("Targets of the migration fleet with this outcome")
				.tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
				.strongReference(true)
				.register(registry);
		}
	}

	private synchronized FleetResult status() {
		FleetResult result = this.last;
		if (result == null || System.nanoTime() - this.readAt > REFRESH_NANOS) {
			result = this.fleet.status();
			this.last = result;
			this.readAt = System.nanoTime();
		}
		return result;
	}

}
