package dev.migrations.boot.autoconfigure;

import dev.migrations.MigrationDefinitionException;
import dev.migrations.MigrationException;
import dev.migrations.MigrationExecutionException;
import dev.migrations.MigrationValidationException;
import dev.migrations.lock.MigrationLockTimeoutException;
import dev.migrations.runner.MigrationDriftException;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;

/**
 * Explains any other {@link MigrationException} at startup; the more specific analyzers
 * handle their own types.
 */
class MigrationFailureAnalyzer extends MaskingFailureAnalyzer<MigrationException> {

	MigrationFailureAnalyzer(Environment environment) {
		super(environment);
	}

	@Override
	protected @Nullable FailureAnalysis analyze(Throwable rootFailure, MigrationException cause) {
		if (cause instanceof MigrationExecutionException || cause instanceof MigrationValidationException
				|| cause instanceof MigrationLockTimeoutException || cause instanceof MigrationDefinitionException
				|| cause instanceof MigrationDriftException) {
			return null;
		}
		String action = cause.remedy().isNone() ? "Correct the cause described above, then start the application again."
				: SpringRemedies.action(cause.remedy());
		return new FailureAnalysis(cause.description(), action, cause);
	}

}
