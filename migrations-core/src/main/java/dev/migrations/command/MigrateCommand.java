package dev.migrations.command;

import java.util.List;

import dev.migrations.MigrationResult;
import dev.migrations.runner.MigrationRunner;

/**
 * {@code migrate}: apply pending migrations, or with {@code --pretend} print what would
 * run; with {@code --allow-destructive} apply those that destroy data unmarked.
 */
final class MigrateCommand implements Command {

	@Override
	public String name() {
		return "migrate";
	}

	@Override
	public List<CommandOption> options() {
		return List.of(CommandOption.withValue("--limit"), CommandOption.flag("--pretend"),
				CommandOption.flag("--allow-destructive"), CommandOption.flag("--json"));
	}

	@Override
	public void check(CommandArguments arguments) {
		arguments.positiveInt("--limit", 1);
	}

	@Override
	public int run(CommandArguments arguments, CommandContext context) {
		int limit = arguments.positiveInt("--limit", Integer.MAX_VALUE);
		MigrationRunner runner = context.runner(arguments);
		if (arguments.has("--allow-destructive")) {
			runner = runner.allowingDestructive();
		}
		if (arguments.has("--pretend")) {
			return context.printPlan(runner.pretend().applyAll(limit), arguments);
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
		}
		return MigrationCommandLine.SUCCESS;
	}

}
