package dev.migrations.boot.autoconfigure;

import java.util.List;
import java.util.stream.Collectors;

import dev.migrations.MigrationException;
import dev.migrations.runner.FleetResult;
import dev.migrations.runner.FleetResult.Target;

/**
 * Thrown at start-up when targets of the {@link dev.migrations.runner.MigrationFleet}
 * failed: a migration failed in them, or, when validating, they have pending, failed or
 * edited migrations. Every other target was run; the message names the failed ones, at
 * most {@value #NAMED} with their errors, which carry no credential.
 */
public class MigrationFleetException extends MigrationException {

	/** How many failed targets a message names with their errors. */
	static final int NAMED = 10;

	private final transient FleetResult result;

	/**
	 * Create an exception for a fleet's result.
	 * @param action what the fleet did, such as {@code Migrations failed}
	 * @param result the result, with failed targets
	 */
	public MigrationFleetException(String action, FleetResult result) {
		super(describe(action, result));
		this.result = result;
	}

	/**
	 * Return the fleet's result.
	 * @return the result
	 */
	public FleetResult getResult() {
		return this.result;
	}

	private static String describe(String action, FleetResult result) {
		List<Target> failures = result.failures();
		String named = failures.stream()
			.limit(NAMED)
			.map((target) -> "- " + target.name() + ": " + target.error())
			.collect(Collectors.joining("\n"));
		String more = (failures.size() > NAMED) ? "\n- and " + (failures.size() - NAMED) + " more" : "";
		return action + " in " + failures.size() + " of " + result.targets().size() + " fleet target(s): "
				+ failures.stream().limit(NAMED).map(Target::name).collect(Collectors.joining(", "))
				+ ((failures.size() > NAMED) ? ", ..." : "") + "\n" + named + more + "\n" + result.summary()
				+ "\nFix those targets and start again: the others are done, and a new run resumes where each left off.";
	}

}
