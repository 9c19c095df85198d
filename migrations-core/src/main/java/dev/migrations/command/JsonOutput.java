package dev.migrations.command;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import dev.migrations.ExecutedMigration;
import dev.migrations.MigrationProblem;
import dev.migrations.MigrationResult;
import dev.migrations.MigrationStatus;
import dev.migrations.PlannedMigration;

/**
 * The documents of {@code --json}: what each command prints, as one line of JSON.
 */
final class JsonOutput {

	private JsonOutput() {
	}

	/**
	 * The migrations {@code migrate} applied, and their batch.
	 */
	static String applied(MigrationResult result) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("batch", result.batch());
		json.put("migrations", migrations(result));
		return Json.write(json);
	}

	/**
	 * The migrations {@code migrate:rollback} rolled back.
	 */
	static String rolledBack(MigrationResult result) {
		return Json.write(Map.of("migrations", migrations(result)));
	}

	private static List<Object> migrations(MigrationResult result) {
		List<Object> migrations = new ArrayList<>();
		for (ExecutedMigration migration : result.migrations()) {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("id", migration.id().toString());
			row.put("direction", migration.direction().name());
			row.put("executionMs", migration.executionMs());
			row.put("outOfOrder", migration.outOfOrder());
			row.put("source", migration.source());
			migrations.add(row);
		}
		return migrations;
	}

	/**
	 * Every migration, as {@code migrate:status} shows it.
	 * @param mask hides the secrets in an error
	 */
	static String statuses(List<MigrationStatus> statuses, UnaryOperator<String> mask) {
		List<Object> rows = new ArrayList<>();
		for (MigrationStatus status : statuses) {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("id", status.id().toString());
			row.put("name", status.name());
			row.put("state", status.state().name());
			row.put("batch", status.batch());
			row.put("appliedAt", status.appliedAt());
			row.put("executionMs", status.executionMs());
			row.put("checksum", status.checksum());
			row.put("appliedChecksum", status.appliedChecksum());
			row.put("source", status.source());
			row.put("error", (status.error() != null) ? mask.apply(status.error()) : null);
			rows.add(row);
		}
		return Json.write(rows);
	}

	/**
	 * What would stop {@code migrate}, as {@code migrate:validate} shows it.
	 * @param mask hides the secrets in a message
	 */
	static String problems(List<MigrationProblem> problems, UnaryOperator<String> mask) {
		List<Object> rows = new ArrayList<>();
		for (MigrationProblem problem : problems) {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("id", problem.id().toString());
			row.put("state", problem.state().name());
			row.put("message", mask.apply(problem.message()));
			row.put("remedy", problem.remedy().kind().name());
			row.put("action", mask.apply(CommandRemedies.step(problem.remedy())));
			rows.add(row);
		}
		return Json.write(rows);
	}

	/**
	 * What a dry run would run, per migration.
	 */
	static String plan(List<PlannedMigration> plan) {
		List<Object> rows = new ArrayList<>();
		for (PlannedMigration planned : plan) {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("id", planned.id().toString());
			row.put("direction", planned.direction().name());
			row.put("source", planned.source());
			row.put("statements", planned.statements());
			rows.add(row);
		}
		return Json.write(rows);
	}

}
