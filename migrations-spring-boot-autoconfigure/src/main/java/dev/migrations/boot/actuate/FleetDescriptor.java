package dev.migrations.boot.actuate;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import dev.migrations.Credentials;
import dev.migrations.runner.FleetResult;
import dev.migrations.runner.FleetResult.Outcome;
import org.jspecify.annotations.Nullable;

/**
 * The status of a {@link dev.migrations.runner.MigrationFleet} in
 * {@code /actuator/migrations}: how many targets are up to date, pending or failed, and
 * each target.
 *
 * @param parallelism how many targets run at once at most
 * @param summary the number of targets per outcome
 * @param targets each target, in the order they are listed
 */
public record FleetDescriptor(int parallelism, Map<Outcome, Integer> summary, List<FleetTargetDescriptor> targets) {

	static FleetDescriptor of(int parallelism, FleetResult result, List<String> secrets) {
		return new FleetDescriptor(parallelism, counts(result),
				result.targets()
					.stream()
					.map((target) -> new FleetTargetDescriptor(target.name(), target.outcome(), target.applied(),
							target.pending(), Credentials.mask(target.error(), secrets)))
					.toList());
	}

	/**
	 * Return the number of targets of each outcome, every outcome listed.
	 * @param result the fleet's result
	 * @return the counts
	 */
	static Map<Outcome, Integer> counts(FleetResult result) {
		Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
		for (Outcome outcome : Outcome.values()) {
			counts.put(outcome, result.count(outcome));
		}
		return counts;
	}

	/**
	 * One target of a fleet.
	 *
	 * @param name the target's name, such as its schema's
	 * @param outcome {@code UP_TO_DATE}, {@code PENDING} or {@code FAILED}
	 * @param applied the migrations its ledger holds as applied
	 * @param pending the migrations pending in it
	 * @param error why it failed, with credentials masked, or {@code null}
	 */
	public record FleetTargetDescriptor(String name, Outcome outcome, int applied, int pending,
			@Nullable String error) {

	}

}
