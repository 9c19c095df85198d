package dev.migrations;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when {@link MigrationRunner#applyAll()} refuses to start because the database
 * and the migrations disagree: a failed or interrupted migration, an edited applied
 * migration, or an out-of-order migration when those are refused. Nothing was changed.
 * Each problem carries its own remedy; the exception's own is {@link Remedy#NONE}.
 */
public class MigrationValidationException extends MigrationException {

	private final List<MigrationProblem> problems;

	private final Direction direction;

	/**
	 * Create the refusal of an apply.
	 * @param problems the problems found, each with what to do about it
	 */
	public MigrationValidationException(List<MigrationProblem> problems) {
		this(problems, Direction.UP);
	}

	/**
	 * Create the refusal of a run that would apply or roll back migrations.
	 * @param problems the problems found, each with what to do about it
	 * @param direction the way the refused run would have gone
	 */
	public MigrationValidationException(List<MigrationProblem> problems, Direction direction) {
		super(describe(problems, direction, null));
		this.problems = List.copyOf(problems);
		this.direction = direction;
	}

	/**
	 * Return the problems found, each with what to do about it.
	 * @return the problems, never empty
	 */
	public List<MigrationProblem> getProblems() {
		return this.problems;
	}

	/**
	 * Return the problems, each followed by its next step worded by a front end.
	 * @param wording the words of a remedy for the front end's reader
	 * @return the message
	 */
	@Override
	public String message(Function<Remedy, String> wording) {
		return describe(this.problems, this.direction, wording);
	}

	private static String describe(List<MigrationProblem> problems, Direction direction,
			@Nullable Function<Remedy, String> wording) {
		return "Migrations cannot be " + ((direction == Direction.UP) ? "applied" : "rolled back")
				+ "; nothing was changed. " + problems.size() + ((problems.size() != 1) ? " problems:" : " problem:")
				+ problems.stream().map((problem) -> describe(problem, wording)).collect(Collectors.joining());
	}

	private static String describe(MigrationProblem problem, @Nullable Function<Remedy, String> wording) {
		String step = (wording != null && !problem.remedy().isNone()) ? wording.apply(problem.remedy()) : "";
		return "\n - " + problem.message() + (step.isEmpty() ? "" : "\n   Next step: " + step);
	}

}
