package dev.migrations.runner;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * What a run of a {@link MigrationFleet} did or found, target by target, in the order the
 * targets were listed, and in sum: how many targets were applied, up to date, pending,
 * failed or skipped. Immutable and thread-safe.
 *
 * @param targets the result of each target
 * @param duration how long the whole run took
 */
public record FleetResult(List<Target> targets, Duration duration) {

	public FleetResult {
		targets = List.copyOf(targets);
		Objects.requireNonNull(duration, "duration must not be null");
	}

	/**
	 * Return how many targets had an outcome.
	 * @param outcome the outcome
	 * @return the number of targets
	 */
	public int count(Outcome outcome) {
		return (int) this.targets.stream().filter((target) -> target.outcome() == outcome).count();
	}

	/**
	 * Whether any target failed: a run of the fleet as a whole has failed then, though
	 * every other target was run.
	 * @return whether a target failed
	 */
	public boolean hasFailures() {
		return count(Outcome.FAILED) > 0;
	}

	/**
	 * Return the targets that failed.
	 * @return the failed targets
	 */
	public List<Target> failures() {
		return this.targets.stream().filter((target) -> target.outcome() == Outcome.FAILED).toList();
	}

	/**
	 * Return how many migrations the targets' results count as applied, in sum.
	 * @return the number of migrations
	 */
	public int migrationsApplied() {
		return this.targets.stream().mapToInt(Target::applied).sum();
	}

	/**
	 * Return the summary line, such as
	 * {@code 50 targets: 49 applied, 0 up to date, 0 pending, 1 failed, 0 skipped in 4.2 s}.
	 * @return the summary
	 */
	public String summary() {
		return this.targets.size() + " target(s): " + count(Outcome.APPLIED) + " applied, " + count(Outcome.UP_TO_DATE)
				+ " up to date, " + count(Outcome.PENDING) + " pending, " + count(Outcome.FAILED) + " failed, "
				+ count(Outcome.SKIPPED) + " skipped in " + seconds(this.duration);
	}

	/**
	 * Return the result as a plain-text table, one line per target (and under a failed
	 * one, its error, indented), followed by the {@link #summary()}.
	 * @return the lines
	 */
	public List<String> table() {
		int width = Math.max(6, this.targets.stream().mapToInt((target) -> target.name().length()).max().orElse(0));
		String format = "%-" + width + "s  %-10s  %7s  %7s  %8s";
		List<String> lines = new ArrayList<>();
		lines.add(String.format(format, "TARGET", "OUTCOME", "APPLIED", "PENDING", "TIME").stripTrailing());
		for (Target target : this.targets) {
			lines.add(String.format(format, target.name(), target.outcome(), target.applied(), target.pending(),
					target.duration().toMillis() + " ms"));
			if (target.error() != null) {
				target.error().lines().map((line) -> "  " + line).forEach(lines::add);
			}
		}
		lines.add(summary());
		return lines;
	}

	private static String seconds(Duration duration) {
		return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
	}

	/**
	 * What a run did with one target, or found in it.
	 */
	public enum Outcome {

		/** An apply applied one or more migrations. */
		APPLIED,

		/** Nothing was pending, and nothing is wrong in the ledger. */
		UP_TO_DATE,

		/** Migrations are pending ({@code status} and {@code validate}). */
		PENDING,

		/**
		 * The target failed: a migration failed, the ledger holds a failed, interrupted
		 * or edited migration, or the target could not be reached; the error says which.
		 */
		FAILED,

		/** The target was not run: the fleet's run was interrupted before it. */
		SKIPPED

	}

	/**
	 * The result of one target.
	 *
	 * @param name the target's name
	 * @param outcome the outcome
	 * @param applied the migrations an apply applied; for {@code status} and
	 * {@code validate}, those the ledger holds as applied
	 * @param pending the migrations pending ({@code status} and {@code validate}; 0 for
	 * an apply)
	 * @param duration how long the target took
	 * @param error why it failed, with no secret in it, or {@code null}
	 */
	public record Target(String name, Outcome outcome, int applied, int pending, Duration duration,
			@Nullable String error) {

		public Target {
			Objects.requireNonNull(name, "name must not be null");
			Objects.requireNonNull(outcome, "outcome must not be null");
			Objects.requireNonNull(duration, "duration must not be null");
		}

	}

}
