package dev.migrations.command;

import java.util.ArrayList;
import java.util.List;

import dev.migrations.RepairOption;

/**
 * {@code migrate:repair}: clear the rows of failed and dead runs, and on request accept
 * edited checksums or take the lock from a run in progress.
 */
final class RepairCommand implements Command {

	@Override
	public String name() {
		return "migrate:repair";
	}

	@Override
	public List<CommandOption> options() {
		return List.of(CommandOption.flag("--accept-checksums"), CommandOption.flag("--force"));
	}

	@Override
	public int run(CommandArguments arguments, CommandContext context) {
		List<RepairOption> options = new ArrayList<>();
		if (arguments.has("--accept-checksums")) {
			options.add(RepairOption.ACCEPT_CHECKSUMS);
		}
		if (arguments.has("--force")) {
			options.add(RepairOption.FORCE);
		}
		List<String> changes = context.runner(arguments).repair(options.toArray(new RepairOption[0]));
		if (changes.isEmpty()) {
			context.out().println("Nothing to repair.");
		}
		changes.forEach(context.out()::println);
		return MigrationCommandLine.SUCCESS;
	}

}
