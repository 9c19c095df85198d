package dev.migrations.boot.autoconfigure;

import dev.migrations.MigrationDefinitionException;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;

/**
 * Explains a migration that is wrong before anything runs: a missing or malformed id, a
 * duplicate, or an unreadable location.
 */
class MigrationDefinitionFailureAnalyzer extends MaskingFailureAnalyzer<MigrationDefinitionException> {

	MigrationDefinitionFailureAnalyzer(Environment environment) {
		super(environment);
	}

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MigrationDefinitionException cause) {
		String action = cause.remedy().isNone()
				? "Correct the migration named above and start the application again. Nothing was applied."
				: SpringRemedies.action(cause.remedy());
		return new FailureAnalysis(cause.description(), action, cause);
	}

}
