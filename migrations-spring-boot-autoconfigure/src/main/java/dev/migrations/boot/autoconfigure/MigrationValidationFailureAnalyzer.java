package dev.migrations.boot.autoconfigure;

import dev.migrations.MigrationProblem;
import dev.migrations.MigrationValidationException;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;

/**
 * Explains why migrations could not start: failed or interrupted migrations, applied
 * migrations that were changed, or (with {@code migrations.on-startup=validate}) pending
 * ones; each with what to do about it.
 */
class MigrationValidationFailureAnalyzer extends MaskingFailureAnalyzer<MigrationValidationException> {

	MigrationValidationFailureAnalyzer(Environment environment) {
		super(environment);
	}

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MigrationValidationException cause) {
		StringBuilder description = new StringBuilder("Migrations cannot be applied; nothing was changed:");
		StringBuilder action = new StringBuilder();
		for (MigrationProblem problem : cause.getProblems()) {
			description.append("\n - ").append(problem.id()).append(" [").append(problem.state()).append("] ");
			description.append(problem.message());
			action.append((action.length() > 0) ? "\n" : "").append(" - ").append(problem.id()).append(": ");
			action.append(SpringRemedies.step(problem.remedy()));
		}
		action.append(SpringRemedies.howTo(cause.getProblems().stream().map(MigrationProblem::remedy).toList()));
		return new FailureAnalysis(description.toString(), action.toString(), cause);
	}

}
