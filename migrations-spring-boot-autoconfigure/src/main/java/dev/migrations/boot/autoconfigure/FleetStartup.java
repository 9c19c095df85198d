package dev.migrations.boot.autoconfigure;

import java.util.function.Consumer;

import dev.migrations.runner.FleetResult;
import dev.migrations.runner.MigrationFleet;
import dev.migrations.runner.MigrationRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@link MigrationsInitializer} does at start-up with a {@link MigrationFleet}: the
 * same as with a single runner, target by target, under the same rule: a target that
 * fails fails start-up, after every other target was run.
 */
final class FleetStartup {

	private static final Logger logger = LoggerFactory.getLogger(FleetStartup.class);

	private FleetStartup() {
	}

	static void apply(MigrationFleet fleet) {
		FleetResult result = fleet.applyAll();
		if (result.hasFailures()) {
			throw new MigrationFleetException("Migrations failed", result);
		}
		logger.info("Fleet applied: {}", result.summary());
	}

	/**
	 * Fail start-up when a target has pending, failed, interrupted or edited migrations.
	 */
	static void validate(MigrationFleet fleet) {
		FleetResult result = fleet.validate();
		if (result.hasFailures()) {
			throw new MigrationFleetException("Validation failed", result);
		}
		if (result.count(FleetResult.Outcome.PENDING) > 0) {
			throw new MigrationFleetException("Migrations are pending", pendingAsFailed(result));
		}
		logger.info("Fleet is valid and up to date: {}", result.summary());
	}

	/**
	 * Hand the runner of each target, in order, to an action.
	 */
	static void eachRunner(MigrationFleet fleet, Consumer<MigrationRunner> action) {
		fleet.targets().forEach((target) -> action.accept(fleet.runner(target)));
	}

	private static FleetResult pendingAsFailed(FleetResult result) {
		return new FleetResult(result.targets()
			.stream()
			.map((target) -> (target.outcome() != FleetResult.Outcome.PENDING) ? target
					: new FleetResult.Target(target.name(), FleetResult.Outcome.FAILED, target.applied(),
							target.pending(), target.duration(),
							target.pending() + " migration(s) pending: apply them (migrations.on-startup=apply)"))
			.toList(), result.duration());
	}

}
