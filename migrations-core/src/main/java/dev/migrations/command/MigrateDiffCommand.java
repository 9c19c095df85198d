package dev.migrations.command;

import java.util.List;

import dev.migrations.catalog.CatalogChange;
import dev.migrations.catalog.CatalogDiff;

/**
 * {@code migrate:diff}: drift, the differences between what the database holds and the
 * schema its applied migrations build on a shadow database. Exits 1 when there are any.
 */
final class MigrateDiffCommand implements Command {

	@Override
	public String name() {
		return "migrate:diff";
	}

	@Override
	public List<CommandOption> options() {
		return List.of(CommandOption.flag("--json"));
	}

	@Override
	public int run(CommandArguments arguments, CommandContext context) {
		CatalogDiff drift = context.runner(arguments).drift();
		if (arguments.has("--json")) {
			context.out().println(context.mask(JsonOutput.drift(drift)));
		}
		else if (drift.isEmpty()) {
			context.out().println("No drift: the database holds the schema its applied migrations build.");
		}
		else {
			context.out()
				.println("The database differs from the schema its applied migrations build "
						+ "(+ only in the database, - only in the migrations, ~ different):");
			// A column's default may hold a secret placeholder's value
			drift.changes().stream().map(MigrateDiffCommand::line).map(context::mask).forEach(context.out()::println);
		}
		return drift.isEmpty() ? MigrationCommandLine.SUCCESS : MigrationCommandLine.PROBLEMS;
	}

	/**
	 * Return a difference as one line: its mark, the object and what differs, from the
	 * migrations' side to the database's.
	 */
	static String line(CatalogChange change) {
		return "  " + change.describe();
	}

}
