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
	static final String REPAIR_IN_SPRING_BOOT = "To repair from this application, run it once with the command "
			+ "migrate:repair (java -jar app.jar migrate:repair), or define a MigrationStrategy bean that calls "
			+ "runner.repair(false) and then runner.applyAll(), start once, and remove the bean again.";

	/**
	 * Where the ledger schema is configured, for actions that suggest configuring another
	 * one.
	 */
	static final String LEDGER_SCHEMA_IN_SPRING_BOOT = "In this application the ledger schema is "
			+ "migrations.schema (migrations.instances.<name>.schema for one of several instances); left empty, "
			+ "the ledger is kept in the connection's current schema.";

	/**
	 * Return the action with the Spring Boot way to repair appended when it suggests
	 * repair.
	 * @param action the action
	 * @return the action, possibly extended
	 */
	static String withRepairHint(String action) {
		return action.contains("repair") ? action + "\n" + REPAIR_IN_SPRING_BOOT : action;
	}

	/**
	 * Return the action with the property that sets the ledger schema appended when it
	 * suggests configuring another one.
	 * @param action the action
	 * @return the action, possibly extended
	 */
	static String withLedgerSchemaHint(String action) {
		return action.contains("configure a ledger schema") ? action + "\n" + LEDGER_SCHEMA_IN_SPRING_BOOT : action;
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
