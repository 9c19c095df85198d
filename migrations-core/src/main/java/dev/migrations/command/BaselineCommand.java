package dev.migrations.command;

import java.util.List;

import dev.migrations.MigrationId;

/**
 * {@code migrate:baseline ID}: mark an existing database as migrated up to a migration.
 */
final class BaselineCommand implements Command {

	@Override
	public String name() {
		return "migrate:baseline";
	}

	@Override
	public List<CommandOption> options() {
		return List.of();
	}

	@Override
	public boolean takesArgument() {
		return true;
	}

	@Override
	public void check(CommandArguments arguments) {
		CommandArguments.migrationId(arguments.argument());
	}

	@Override
	public int run(CommandArguments arguments, CommandContext context) {
		MigrationId id = CommandArguments.migrationId(arguments.argument());
		context.runner(arguments).baseline(id);
		context.out().println("Baselined at " + id + ".");
		return MigrationCommandLine.SUCCESS;
	}

}
