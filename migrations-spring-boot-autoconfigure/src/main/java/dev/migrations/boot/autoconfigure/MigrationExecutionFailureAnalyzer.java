package dev.migrations.boot.autoconfigure;

import dev.migrations.MigrationExecutionException;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;

/**
 * Explains a migration whose statement failed at startup: which migration, which
 * statement, the database's error, and how to fix and retry; where the failure left a
 * {@code FAILED} row (DDL that commits implicitly, or a migration outside a transaction),
 * that the database must be fixed and the row repaired first.
 */
class MigrationExecutionFailureAnalyzer extends MaskingFailureAnalyzer<MigrationExecutionException> {

	MigrationExecutionFailureAnalyzer(Environment environment) {
		super(environment);
	}

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MigrationExecutionException cause) {
		FailureMessage message = FailureMessage.of(cause);
		String migration = cause.getMigrationId() + " (statement " + cause.getStatementNumber() + ")";
		String nextStep = message.nextStep();
		return new FailureAnalysis(message.description(), FailureMessage.withRepairHint(action(migration, nextStep)),
				cause);
	}

	private static String action(String migration, @Nullable String nextStep) {
		if (nextStep == null) {
			return "Fix migration " + migration + " and start the application again.";
		}
		if (nextStep.contains("migrate:baseline")) {
			return "Migration " + migration + " creates what the database has already. " + nextStep;
		}
		if (nextStep.contains("repair")) {
			return "Correct migration " + migration + "; starting again alone will not apply it: " + nextStep;
		}
		return "Fix migration " + migration + " and start the application again.\nAbout the database: " + nextStep;
	}

}
