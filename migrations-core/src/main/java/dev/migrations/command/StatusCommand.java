package dev.migrations.command;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import dev.migrations.MigrationState;
import dev.migrations.MigrationStatus;
import dev.migrations.runner.FleetResult;

/**
 * {@code migrate:status}: show every migration; with {@code --pending}, exit with
 * {@link MigrationCommandLine#PROBLEMS} when any is pending.
 */
final class StatusCommand implements Command {

	/**
	 * The states that {@code --pending} counts besides pending ones: a migration that an
	 * apply has yet to finish, whatever blocks it.
	 */
	private static final Set<MigrationState> NOT_FINISHED = EnumSet.of(MigrationState.FAILED, MigrationState.RUNNING,
			MigrationState.IN_PROGRESS);

	@Override
	public String name() {
		return "migrate:status";
	}

	@Override
	public List<CommandOption> options() {
		return FleetCommands.withFleetOptions(CommandOption.flag("--pending"), CommandOption.flag("--json"));
	}

	@Override
	public void check(CommandArguments arguments) {
		FleetCommands.check(arguments);
	}

	@Override
	public int run(CommandArguments arguments, CommandContext context) {
		if (FleetCommands.requested(arguments)) {
			FleetResult result = FleetCommands.fleet(context.runner(arguments), arguments).status();
			int status = FleetCommands.print(result, arguments, context, MigrationCommandLine.PROBLEMS);
			boolean anyPending = result.count(FleetResult.Outcome.PENDING) > 0;
			return (arguments.has("--pending") && anyPending) ? MigrationCommandLine.PROBLEMS : status;
		}
		List<MigrationStatus> statuses = context.runner(arguments).status();
		boolean pending = statuses.stream()
			.anyMatch((status) -> status.isPending() || NOT_FINISHED.contains(status.state()));
		if (arguments.has("--json")) {
			context.out().println(JsonOutput.statuses(statuses, context::mask));
		}
		else {
			StatusTable.lines(statuses, context.colour()).forEach(context.out()::println);
		}
		return (arguments.has("--pending") && pending) ? MigrationCommandLine.PROBLEMS : MigrationCommandLine.SUCCESS;
	}

}
