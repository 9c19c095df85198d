package dev.migrations.command;

import java.util.List;

import dev.migrations.catalog.Catalog;

/**
 * {@code schema:describe}: what the database holds, read from its catalog, without the
 * ledger and its lock table.
 */
final class SchemaDescribeCommand implements Command {

	@Override
	public String name() {
		return "schema:describe";
	}

	@Override
	public List<CommandOption> options() {
		return List.of(CommandOption.flag("--json"));
	}

	@Override
	public int run(CommandArguments arguments, CommandContext context) {
		Catalog catalog = context.runner(arguments).describeSchema();
		if (arguments.has("--json")) {
			context.out().println(context.mask(JsonOutput.catalog(catalog)));
		}
		else {
			CatalogText.lines(catalog).stream().map(context::mask).forEach(context.out()::println);
		}
		return MigrationCommandLine.SUCCESS;
	}

}
