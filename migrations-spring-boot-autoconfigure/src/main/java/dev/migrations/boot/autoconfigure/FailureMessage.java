package dev.migrations.boot.autoconfigure;

import dev.migrations.MigrationException;
import org.jspecify.annotations.Nullable;

/**
 * An engine failure message split into what happened and the next step the engine
 * suggests.
 *
 * @param description what happened
 * @param nextStep the suggested next step, or {@code null} when the message has none
 */
record FailureMessage(String description, @Nullable String nextStep) {

	private static final String NEXT_STEP = "\nNext step: ";

	/**
	 * How to run repair from a Spring Boot application, for actions that suggest it.
	 */
	static final String REPAIR_IN_SPRING_BOOT = "To repair from this application, define a MigrationStrategy bean "
			+ "that calls runner.repair(false) and then runner.applyAll(), start once, and remove the bean again.";

	/**
	 * Return the action with the Spring Boot way to repair appended when it suggests
	 * repair.
	 * @param action the action
	 * @return the action, possibly extended
	 */
	static String withRepairHint(String action) {
		return action.contains("repair") ? action + "\n" + REPAIR_IN_SPRING_BOOT : action;
	}

	static FailureMessage of(MigrationException failure) {
		String message = String.valueOf(failure.getMessage());
		int index = message.lastIndexOf(NEXT_STEP);
		if (index < 0) {
			return new FailureMessage(message, null);
		}
		return new FailureMessage(message.substring(0, index), message.substring(index + NEXT_STEP.length()));
	}

}
