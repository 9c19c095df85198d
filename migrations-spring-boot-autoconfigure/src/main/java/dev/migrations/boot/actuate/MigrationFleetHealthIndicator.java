package dev.migrations.boot.actuate;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

import dev.migrations.Credentials;
import dev.migrations.runner.FleetResult;
import dev.migrations.runner.FleetResult.Outcome;
import dev.migrations.runner.MigrationFleet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * {@link HealthIndicator} for a {@link MigrationFleet}, by the status of every target:
 * <ul>
 * <li>{@link Status#DOWN} when a target failed (a failed, interrupted or edited migration
 * in its ledger, or it could not be read), the failed targets named under {@code failed},
 * at most {@value #NAMED} of them;</li>
 * <li>{@link Status#OUT_OF_SERVICE} when migrations are pending in a target and this
 * application does not apply them itself;</li>
 * <li>{@link Status#UP} otherwise.</li>
 * </ul>
 * The details carry the number of targets per outcome, never one entry per target, so
 * that their size does not grow with the tenants. Reads every target's ledger on every
 * check. Thread-safe.
 */
public class MigrationFleetHealthIndicator implements HealthIndicator {

	/** How many failed targets the details name at most. */
	static final int NAMED = 10;

	private static final Logger logger = LoggerFactory.getLogger(MigrationFleetHealthIndicator.class);

	private final MigrationFleet fleet;

	private final boolean appliesMigrations;

	private final List<String> secrets;

	/**
	 * Create an indicator for a fleet.
	 * @param fleet the fleet
	 * @param appliesMigrations whether this application applies pending migrations
	 * itself; when it does not, pending migrations make it {@link Status#OUT_OF_SERVICE}
	 * @param secrets values, such as the configured passwords, to mask in the details
	 */
	public MigrationFleetHealthIndicator(MigrationFleet fleet, boolean appliesMigrations, Collection<String> secrets) {
		this.fleet = Objects.requireNonNull(fleet, "fleet must not be null");
		this.appliesMigrations = appliesMigrations;
		this.secrets = List.copyOf(secrets);
	}

	@Override
	public Health health() {
		FleetResult result;
		try {
			result = this.fleet.status();
		}
		catch (RuntimeException ex) {
			String error = ex.getClass().getName() + ": " + Credentials.mask(ex.getMessage(), this.secrets);
			logger.warn("Migrations health check of the fleet failed: {}", error);
			return Health.down().withDetail("error", error).build();
		}
		Health.Builder builder = status(result).withDetail("targets", result.targets().size())
			.withDetail("summary", FleetDescriptor.counts(result));
		if (result.hasFailures()) {
			List<String> failed = result.failures().stream().limit(NAMED).map(FleetResult.Target::name).toList();
			builder.withDetail("failed", failed);
			if (result.failures().size() > NAMED) {
				builder.withDetail("failedNotNamed", result.failures().size() - NAMED);
			}
		}
		return builder.build();
	}

	private Health.Builder status(FleetResult result) {
		if (result.hasFailures()) {
			return Health.down();
		}
		if (!this.appliesMigrations && result.count(Outcome.PENDING) > 0) {
			return Health.outOfService();
		}
		return Health.up();
	}

}
