package dev.migrations.command;

import java.util.List;

import dev.migrations.MigrationStatus;

/**
 * {@code migrate:status}: show every migration; with {@code --pending}, exit with
 * {@link MigrationCommandLine#PROBLEMS} when any is pending.
 */
final class StatusCommand implements Command {

	@Override
	public String name() {
		return "migrate:status";
	}

	@Override
	public List<CommandOption> options() {
		return List.of(CommandOption.flag("--pending"), CommandOption.flag("--json"));
	}

	@Override
	public int run(CommandArguments arguments, CommandContext context) {
		List<MigrationStatus> statuses = context.runner(arguments).status();
		boolean pending = statuses.stream().anyMatch(MigrationStatus::isPending);
		if (arguments.has("--json")) {
			context.out().println(JsonOutput.statuses(statuses, context::mask));
		}
		else {
			StatusTable.lines(statuses, context.colour()).forEach(context.out()::println);
		}
		return (arguments.has("--pending") && pending) ? MigrationCommandLine.PROBLEMS : MigrationCommandLine.SUCCESS;
	}

}
