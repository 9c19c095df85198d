package dev.migrations.boot.autoconfigure;

import java.util.List;

import dev.migrations.MigrationExecutionException;
import dev.migrations.Remedy;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;

/**
 * Explains a migration whose statement failed at startup: which migration, which
 * statement, the database's error, and how to fix and retry; where the failure left a
 * {@code FAILED} row (DDL that commits implicitly, or a migration outside a transaction),
 * that the database must be fixed and the row repaired first, unless the database lives
 * in memory and the next start builds it anew.
 */
class MigrationExecutionFailureAnalyzer extends MaskingFailureAnalyzer<MigrationExecutionException> {

	MigrationExecutionFailureAnalyzer(Environment environment) {
		super(environment);
	}

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MigrationExecutionException cause) {
		String migration = cause.getMigrationId() + " (statement " + cause.getStatementNumber() + ")";
		Remedy remedy = cause.remedy();
		return new FailureAnalysis(cause.description(),
				action(migration, remedy) + SpringRemedies.howTo(List.of(remedy)), cause);
	}

	private static String action(String migration, Remedy remedy) {
		if (remedy.isNone()) {
			return "Fix migration " + migration + " and start the application again.";
		}
		String step = SpringRemedies.step(remedy);
		if (remedy.kind() == Remedy.Kind.BASELINE) {
			return "Migration " + migration + " creates what the database has already. " + step;
		}
		if (remedy.kind() == Remedy.Kind.FIX_AND_RESTART) {
			return Character.toUpperCase(step.charAt(0)) + step.substring(1);
		}
		if (SpringRemedies.needsRepair(remedy)) {
			return "Correct migration " + migration + "; starting again alone will not apply it: " + step;
		}
		return "Fix migration " + migration + " and start the application again.\nAbout the database: " + step;
	}

}
