package dev.migrations.boot.autoconfigure;

import java.util.stream.Collectors;

import dev.migrations.runner.MigrationDriftException;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;

/**
 * Explains a start verified with {@code migrations.verify=fail} that found the database
 * changed outside its migrations: each difference, that what was applied stays applied,
 * and how to bring the database and its migrations together again.
 */
class MigrationDriftFailureAnalyzer extends MaskingFailureAnalyzer<MigrationDriftException> {

	private static final String ACTION = "What was applied stays applied. Either bring the database back to the "
			+ "schema its migrations build (undo the differences above by hand, or have java -jar app.jar "
			+ "make:repair-migration write the migration that does), or write a new migration that makes them, so "
			+ "that the migrations build what the database holds; then start the application again. "
			+ "To compare again without starting, run java -jar app.jar migrate:diff, or read "
			+ "GET /actuator/migrations/drift. To start while the database differs, set migrations.verify=warn "
			+ "(log the differences) or off.";

	MigrationDriftFailureAnalyzer(Environment environment) {
		super(environment);
	}

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MigrationDriftException cause) {
		String differences = cause.drift()
			.changes()
			.stream()
			.map((change) -> "    " + change.describe())
			.collect(Collectors.joining("\n"));
		return new FailureAnalysis(
				"The database differs from the schema its applied migrations build "
						+ "(+ only in the database, - only in the migrations, ~ different):\n" + differences,
				ACTION, cause);
	}

}
