package dev.migrations.command;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.migrations.MigrationDefinitionException;
import dev.migrations.runner.FleetResult;
import dev.migrations.runner.MigrationFleet;
import dev.migrations.runner.MigrationRunner;
import dev.migrations.runner.MigrationTargets;

/**
 * The options that turn {@code migrate}, {@code migrate:status} and
 * {@code migrate:validate} into runs over a fleet of schemas: {@code --schemas PATTERN}
 * (SQL {@code LIKE} patterns, separated by commas) and {@code --parallelism N}; and the
 * table or JSON they print.
 */
final class FleetCommands {

	/** The options of a fleet's run. */
	private static final List<CommandOption> OPTIONS = List.of(CommandOption.withValue("--schemas"),
			CommandOption.withValue("--parallelism"));

	private FleetCommands() {
	}

	/**
	 * Return a command's options followed by those of a fleet's run.
	 * @param options the command's own options
	 * @return the options
	 */
	static List<CommandOption> withFleetOptions(CommandOption... options) {
		List<CommandOption> all = new ArrayList<>(Arrays.asList(options));
		all.addAll(OPTIONS);
		return all;
	}

	/**
	 * Whether the command runs over a fleet of schemas rather than the one database.
	 */
	static boolean requested(CommandArguments arguments) {
		return arguments.has("--schemas");
	}

	/**
	 * Check the fleet's options, and that none of the others given is one a fleet's run
	 * cannot take.
	 * @param arguments the arguments
	 * @param singleOnly the options only a run over one database takes
	 */
	static void check(CommandArguments arguments, String... singleOnly) {
		if (!requested(arguments)) {
			if (arguments.has("--parallelism")) {
				throw new CommandLineUsageException("--parallelism is for a run over schemas: add --schemas PATTERN");
			}
			return;
		}
		targets(arguments);
		arguments.positiveInt("--parallelism", MigrationFleet.DEFAULT_PARALLELISM);
		for (String option : singleOnly) {
			if (arguments.has(option)) {
				throw new CommandLineUsageException(option + " runs on one database: leave it out with --schemas");
			}
		}
	}

	/**
	 * Return the fleet of the schemas the arguments name, with the template's migrations.
	 */
	static MigrationFleet fleet(MigrationRunner template, CommandArguments arguments) {
		MigrationFleet.Builder fleet = MigrationFleet.builder(template)
			.parallelism(arguments.positiveInt("--parallelism", MigrationFleet.DEFAULT_PARALLELISM));
		targets(arguments).forEach(fleet::targets);
		return fleet.build();
	}

	/**
	 * Print a fleet's result, as a table and its summary or as JSON, and return the exit
	 * code: {@code failed} when a target failed.
	 */
	static int print(FleetResult result, CommandArguments arguments, CommandContext context, int failed) {
		if (arguments.has("--json")) {
			context.out().println(JsonOutput.fleet(result, context::mask));
		}
		else {
			result.table().forEach((line) -> context.out().println(context.mask(line)));
		}
		return result.hasFailures() ? failed : MigrationCommandLine.SUCCESS;
	}

	private static List<MigrationTargets> targets(CommandArguments arguments) {
		String patterns = String.valueOf(arguments.value("--schemas"));
		try {
			return Arrays.stream(patterns.split(",", -1))
				.map(String::strip)
				.map(MigrationTargets::schemasLike)
				.toList();
		}
		catch (MigrationDefinitionException ex) {
			throw new CommandLineUsageException(ex.getMessage() + " (--schemas)");
		}
	}

}
