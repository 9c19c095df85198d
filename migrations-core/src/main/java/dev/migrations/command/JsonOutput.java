package dev.migrations.command;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

import dev.migrations.ExecutedMigration;
import dev.migrations.MigrationProblem;
import dev.migrations.MigrationResult;
import dev.migrations.MigrationStatus;
import dev.migrations.PlannedMigration;
import dev.migrations.catalog.Catalog;
import dev.migrations.catalog.CatalogDiff;
import dev.migrations.catalog.PrimaryKey;
import dev.migrations.catalog.Table;
import dev.migrations.runner.FleetResult;
import org.jspecify.annotations.Nullable;

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
	 * What a run over a fleet did or found: the summary and each target, its error
	 * masked.
	 */
	static String fleet(FleetResult result, UnaryOperator<String> mask) {
		Map<String, Object> summary = new LinkedHashMap<>();
		summary.put("targets", result.targets().size());
		for (FleetResult.Outcome outcome : FleetResult.Outcome.values()) {
			summary.put(outcomeName(outcome), result.count(outcome));
		}
		summary.put("migrationsApplied", result.migrationsApplied());
		summary.put("durationMs", result.duration().toMillis());
		List<Object> targets = new ArrayList<>();
		for (FleetResult.Target target : result.targets()) {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("name", target.name());
			row.put("outcome", target.outcome().name());
			row.put("applied", target.applied());
			row.put("pending", target.pending());
			row.put("durationMs", target.duration().toMillis());
			row.put("error", (target.error() != null) ? mask.apply(target.error()) : null);
			targets.add(row);
		}
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("summary", summary);
		json.put("targets", targets);
		return Json.write(json);
	}

	/**
	 * Return an outcome's name in camel case, as a JSON key: {@code upToDate}.
	 */
	private static String outcomeName(FleetResult.Outcome outcome) {
		String[] words = outcome.name().toLowerCase(Locale.ROOT).split("_");
		StringBuilder name = new StringBuilder(words[0]);
		for (int i = 1; i < words.length; i++) {
			name.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
		}
		return name.toString();
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

	/**
	 * A schema as {@code schema:describe --json} shows it.
	 */
	static String catalog(Catalog catalog) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("tables", catalog.tables().stream().map(JsonOutput::table).toList());
		json.put("views",
				catalog.views()
					.stream()
					.map((view) -> object("name", view.name(), "definition", view.definition()))
					.toList());
		json.put("objects",
				catalog.objects()
					.stream()
					.map((object) -> object("kind", object.kind().name(), "name", object.name(), "definitionHash",
							object.definitionHash()))
					.toList());
		return Json.write(json);
	}

	static String drift(CatalogDiff drift) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("drift", !drift.isEmpty());
		json.put("changes", drift.changes().stream().map((change) -> {
			Map<String, Object> row = object("action", change.action().name(), "objectType", change.objectType().name(),
					"table", change.table(), "name", change.name());
			row.put("detail", change.detail());
			row.put("text", change.describe());
			return row;
		}).toList());
		return Json.write(json);
	}

	private static Map<String, Object> table(Table table) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("name", table.name());
		json.put("comment", table.comment());
		json.put("columns", table.columns().stream().map((column) -> {
			Map<String, Object> row = object("name", column.name(), "type", column.type(), "nullable",
					column.nullable(), "default", column.defaultValue(), "autoIncrement", column.autoIncrement());
			row.put("comment", column.comment());
			return row;
		}).toList());
		PrimaryKey primaryKey = table.primaryKey();
		json.put("primaryKey",
				(primaryKey != null) ? object("name", primaryKey.name(), "columns", primaryKey.columns()) : null);
		json.put("uniqueConstraints",
				table.uniqueConstraints()
					.stream()
					.map((unique) -> object("name", unique.name(), "columns", unique.columns()))
					.toList());
		json.put("indexes",
				table.indexes()
					.stream()
					.map((index) -> object("name", index.name(), "columns", index.columns(), "unique", index.unique()))
					.toList());
		json.put("foreignKeys", table.foreignKeys().stream().map((key) -> {
			Map<String, Object> row = object("name", key.name(), "columns", key.columns(), "referencedTable",
					key.referencedTable(), "referencedColumns", key.referencedColumns());
			row.put("onDelete", key.onDelete());
			row.put("onUpdate", key.onUpdate());
			return row;
		}).toList());
		json.put("checks",
				table.checks()
					.stream()
					.map((check) -> object("name", check.name(), "expression", check.expression()))
					.toList());
		return json;
	}

	/**
	 * A JSON object of name and value pairs, in their order; a value may be {@code null}.
	 */
	private static Map<String, Object> object(@Nullable Object... pairs) {
		Map<String, Object> json = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			json.put(String.valueOf(pairs[i]), pairs[i + 1]);
		}
		return json;
	}

}
