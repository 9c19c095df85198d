package dev.migrations.runner;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import dev.migrations.MigrationProblem;
import dev.migrations.MigrationState;
import dev.migrations.MigrationStatus;
import dev.migrations.runner.FleetResult.Outcome;
import dev.migrations.runner.MigrationFleet.Found;

/**
 * The outcome of one fleet target, from its status and the problems validation found.
 */
final class FleetStatus {

	/** The states that a ledger holds after something went wrong. */
	private static final Set<MigrationState> WRONG = EnumSet.of(MigrationState.FAILED, MigrationState.RUNNING,
			MigrationState.CHECKSUM_MISMATCH);

	private FleetStatus() {
	}

	/**
	 * Return what the status of a target and its problems say: failed when it has
	 * problems or its ledger a wrong row, pending when a migration waits, up to date
	 * otherwise.
	 */
	static Found of(List<MigrationStatus> statuses, List<MigrationProblem> problems) {
		int applied = (int) statuses.stream()
			.filter((status) -> status.state() == MigrationState.APPLIED || status.state() == MigrationState.BASELINE)
			.count();
		int pending = (int) statuses.stream().filter(MigrationStatus::isPending).count();
		List<String> errors = new ArrayList<>(problems.stream().map(MigrationProblem::message).toList());
		if (problems.isEmpty()) {
			statuses.stream()
				.filter((status) -> WRONG.contains(status.state()))
				.map((status) -> "Migration " + status.id() + " is " + status.state()
						+ ((status.error() != null) ? ": " + status.error() : ""))
				.forEach(errors::add);
		}
		if (!errors.isEmpty()) {
			String error = errors.get(0) + ((errors.size() > 1) ? " (and " + (errors.size() - 1) + " more)" : "");
			return new Found(Outcome.FAILED, applied, pending, error);
		}
		return new Found((pending > 0) ? Outcome.PENDING : Outcome.UP_TO_DATE, applied, pending, null);
	}

}
