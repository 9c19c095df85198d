package dev.migrations.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.migrations.ExecutedMigration;
import dev.migrations.MigrationException;
import dev.migrations.MigrationId;
import dev.migrations.MigrationResult;
import dev.migrations.PlannedMigration;
import dev.migrations.Verification;
import dev.migrations.catalog.CatalogDiff;
import dev.migrations.runner.MigrationRunner;

/**
 * {@code migrate}: apply pending migrations, or with {@code --pretend} print what would
 * run; with {@code --target ID} only those up to and including that migration; with
 * {@code --allow-destructive} apply those that destroy data unmarked.
 */
final class MigrateCommand implements Command {

	@Override
	public String name() {
		return "migrate";
	}

	@Override
	public List<CommandOption> options() {
		return FleetCommands.withFleetOptions(CommandOption.withValue("--limit"), CommandOption.withValue("--target"),
				CommandOption.flag("--pretend"), CommandOption.flag("--allow-destructive"),
				CommandOption.flag("--verify"), CommandOption.flag("--json"));
	}

	@Override
	public void check(CommandArguments arguments) {
		arguments.positiveInt("--limit", 1);
		String target = arguments.value("--target");
		if (target != null) {
			CommandArguments.migrationId(target);
		}
		FleetCommands.check(arguments, "--limit", "--pretend");
	}

	@Override
	public int run(CommandArguments arguments, CommandContext context) {
		int limit = arguments.positiveInt("--limit", Integer.MAX_VALUE);
		MigrationRunner runner = context.runner(arguments);
		String target = arguments.value("--target");
		if (target != null) {
			runner = runner.targeting(CommandArguments.migrationId(target));
		}
		if (arguments.has("--allow-destructive")) {
			runner = runner.allowingDestructive();
		}
		if (arguments.has("--verify")) {
			runner = runner.verifying(Verification.FAIL);
		}
		if (FleetCommands.requested(arguments)) {
			return FleetCommands.print(FleetCommands.fleet(runner, arguments).applyAll(), arguments, context,
					MigrationCommandLine.FAILURE);
		}
		if (arguments.has("--pretend")) {
			List<PlannedMigration> plans = runner.pretend().applyAll(limit);
			if (!arguments.has("--json") && !plans.isEmpty()) {
				plans = withSchemaChanges(plans, runner, limit, context);
			}
			return context.printPlan(plans, arguments);
		}
		MigrationResult result = runner.applyAll(limit);
		if (arguments.has("--json")) {
			context.out().println(JsonOutput.applied(result));
		}
		else if (result.isEmpty()) {
			context.out().println("Nothing to migrate: the database is up to date.");
		}
		else {
			context.out()
				.println("Applied " + result.migrations().size() + " migration(s) in batch " + result.batch() + ".");
			List<String> outOfOrder = new ArrayList<>();
			for (ExecutedMigration migration : result.migrations()) {
				if (migration.outOfOrder()) {
					outOfOrder.add(migration.id().toString());
				}
			}
			if (!outOfOrder.isEmpty()) {
				context.out()
					.println("Out of order, older than a migration applied before them: "
							+ String.join(", ", outOfOrder) + ".");
			}
		}
		return MigrationCommandLine.SUCCESS;
	}

	/**
	 * Return plans whose scripts start with the change each makes to the schema, as a
	 * shadow database at the database's current state shows it; when no shadow can be
	 * had, the first says why.
	 */
	private static List<PlannedMigration> withSchemaChanges(List<PlannedMigration> plans, MigrationRunner runner,
			int limit, CommandContext context) {
		Map<MigrationId, CatalogDiff> changes;
		try {
			changes = runner.pretend().schemaChanges(limit);
		}
		catch (MigrationException ex) {
			List<String> reason = context.mask(ex.description()).lines().map((line) -> "-- " + line).toList();
			List<PlannedMigration> noted = new ArrayList<>(plans);
			noted.set(0, prefixed(plans.get(0), "-- schema changes not shown:", reason));
			return noted;
		}
		return plans.stream().map((plan) -> {
			CatalogDiff diff = changes.get(plan.id());
			if (diff == null) {
				return plan;
			}
			List<String> lines = diff.changes().stream().map((change) -> "--   " + change.text()).toList();
			return prefixed(plan,
					diff.isEmpty() ? "-- changes no table, view or other schema object" : "-- changes the schema:",
					lines);
		}).toList();
	}

	private static PlannedMigration prefixed(PlannedMigration plan, String heading, List<String> lines) {
		StringBuilder script = new StringBuilder(heading);
		lines.forEach((line) -> script.append('\n').append(line));
		if (!plan.script().isEmpty()) {
			script.append('\n').append(plan.script());
		}
		return new PlannedMigration(plan.id(), plan.source(), plan.direction(), plan.statements(), script.toString());
	}

}
