package dev.migrations.command;

import java.util.List;

import dev.migrations.MigrationId;
import dev.migrations.MigrationResult;
import dev.migrations.runner.MigrationRunner;

/**
 * {@code migrate:rollback}: roll back the last batches, or everything applied after a
 * migration, or with {@code --pretend} print what would run.
 */
final class RollbackCommand implements Command {

	@Override
	public String name() {
		return "migrate:rollback";
	}

	@Override
	public List<CommandOption> options() {
		return List.of(CommandOption.withValue("--steps"), CommandOption.withValue("--to"),
				CommandOption.flag("--pretend"), CommandOption.flag("--json"));
	}

	@Override
	public void check(CommandArguments arguments) {
		arguments.positiveInt("--steps", 1);
		if (arguments.has("--to") && arguments.has("--steps")) {
			throw new CommandLineUsageException("Use either --steps or --to, not both");
		}
		String to = arguments.value("--to");
		if (to != null) {
			CommandArguments.migrationId(to);
		}
	}

	@Override
	public int run(CommandArguments arguments, CommandContext context) {
		String to = arguments.value("--to");
		int steps = arguments.positiveInt("--steps", 1);
		MigrationId target = (to != null) ? CommandArguments.migrationId(to) : null;
		MigrationRunner runner = context.runner(arguments);
		if (arguments.has("--pretend")) {
			return context.printPlan(
					(target != null) ? runner.pretend().rollbackTo(target) : runner.pretend().rollback(steps),
					arguments);
		}
		MigrationResult result = (target != null) ? runner.rollbackTo(target) : runner.rollback(steps);
		if (arguments.has("--json")) {
			context.out().println(JsonOutput.rolledBack(result));
		}
		else if (result.isEmpty()) {
			context.out().println("Nothing to roll back.");
		}
		else {
			context.out().println("Rolled back " + result.migrations().size() + " migration(s).");
		}
		return MigrationCommandLine.SUCCESS;
	}

}
