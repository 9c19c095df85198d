package dev.migrations;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown when {@link MigrationRunner#applyAll()} refuses to start because the database
 * and the migrations disagree: a failed or interrupted migration, an edited applied
 * migration, or an out-of-order migration when those are refused. Nothing was changed.
 */
public class MigrationValidationException extends MigrationException {

	private final List<MigrationProblem> problems;

	public MigrationValidationException(List<MigrationProblem> problems) {
		super(describe(problems));
		this.problems = List.copyOf(problems);
	}

	/**
	 * Return the problems found, each with what to do about it.
	 * @return the problems, never empty
	 */
	public List<MigrationProblem> getProblems() {
		return this.problems;
	}

	private static String describe(List<MigrationProblem> problems) {
		return "Migrations cannot be applied; nothing was changed. " + problems.size()
				+ ((problems.size() != 1) ? " problems:" : " problem:")
				+ problems.stream()
					.map((problem) -> "\n - " + problem.message() + "\n   Next step: " + problem.action())
					.collect(Collectors.joining());
	}

}
