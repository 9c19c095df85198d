package dev.migrations.command;

import java.util.List;

import dev.migrations.runner.GeneratedMigration;

/**
 * {@code schema:dump}: what the database holds, as the SQL that creates it, for review
 * and for diffs in code review; what it cannot write is listed in comments. A
 * description, not a backup.
 */
final class SchemaDumpCommand implements Command {

	@Override
	public String name() {
		return "schema:dump";
	}

	@Override
	public List<CommandOption> options() {
		return List.of();
	}

	@Override
	public int run(CommandArguments arguments, CommandContext context) {
		GeneratedMigration dump = context.runner(arguments).generate().dump();
		context.out()
			.println("-- the schema of this database, as schema:dump writes it: a description for review, "
					+ "without rows");
		if (!dump.notes().isEmpty()) {
			context.out().println("-- not written here:");
			dump.notes().forEach((note) -> context.out().println("--   " + note));
		}
		dump.up().forEach((statement) -> context.out().println(context.mask(statement) + ";"));
		return MigrationCommandLine.SUCCESS;
	}

}
