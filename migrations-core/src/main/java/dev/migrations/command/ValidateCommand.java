package dev.migrations.command;

import java.util.List;

import dev.migrations.MigrationProblem;

/**
 * {@code migrate:validate}: list what would stop {@code migrate}, each with its next
 * step; exit with {@link MigrationCommandLine#PROBLEMS} when anything would.
 */
final class ValidateCommand implements Command {

	@Override
	public String name() {
		return "migrate:validate";
	}

	@Override
	public List<CommandOption> options() {
		return FleetCommands.withFleetOptions(CommandOption.flag("--json"));
	}

	@Override
	public void check(CommandArguments arguments) {
		FleetCommands.check(arguments);
	}

	@Override
	public int run(CommandArguments arguments, CommandContext context) {
		if (FleetCommands.requested(arguments)) {
			return FleetCommands.print(FleetCommands.fleet(context.runner(arguments), arguments).validate(), arguments,
					context, MigrationCommandLine.PROBLEMS);
		}
		List<MigrationProblem> problems = context.runner(arguments).validate();
		if (arguments.has("--json")) {
			context.out().println(JsonOutput.problems(problems, context::mask));
		}
		else if (problems.isEmpty()) {
			context.out().println("No problems: migrations can be applied.");
		}
		else {
			for (MigrationProblem problem : problems) {
				context.out().println("- " + context.mask(problem.message()));
				context.out().println("  Next step: " + context.mask(CommandRemedies.step(problem.remedy())));
			}
		}
		return problems.isEmpty() ? MigrationCommandLine.SUCCESS : MigrationCommandLine.PROBLEMS;
	}

}
