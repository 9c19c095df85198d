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

	static FailureMessage of(MigrationException failure) {
		String message = String.valueOf(failure.getMessage());
		int index = message.lastIndexOf(NEXT_STEP);
		if (index < 0) {
			return new FailureMessage(message, null);
		}
		return new FailureMessage(message.substring(0, index), message.substring(index + NEXT_STEP.length()));
	}

}
