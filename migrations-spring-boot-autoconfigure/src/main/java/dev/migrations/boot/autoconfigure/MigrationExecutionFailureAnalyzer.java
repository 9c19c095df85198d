package dev.migrations.boot.autoconfigure;

import dev.migrations.MigrationExecutionException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a migration whose statement failed at startup: which migration, which
 * statement, the database's error, and how to fix and retry.
 */
class MigrationExecutionFailureAnalyzer extends AbstractFailureAnalyzer<MigrationExecutionException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MigrationExecutionException cause) {
		FailureMessage message = FailureMessage.of(cause);
		String action = "Fix migration " + cause.getMigrationId() + " (statement " + cause.getStatementNumber()
				+ ") and start the application again."
				+ ((message.nextStep() != null) ? "\nAbout the database: " + message.nextStep() : "");
		return new FailureAnalysis(message.description(), FailureMessage.withRepairHint(action), cause);
	}

}
