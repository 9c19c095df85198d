package dev.migrations.command;

import java.io.IOException;
import java.util.List;

import dev.migrations.MigrationId;
import dev.migrations.runner.GeneratedMigration;

/**
 * {@code make:repair-migration}: write the migration that turns what the database holds
 * back into the schema its applied migrations build, as a normal migration to review,
 * commit and apply; with {@code --pretend}, print it.
 */
final class MakeRepairMigrationCommand implements Command {

	@Override
	public String name() {
		return "make:repair-migration";
	}

	@Override
	public List<CommandOption> options() {
		return List.of(CommandOption.withValue("--name"), CommandOption.withValue("--dir"),
				CommandOption.flag("--pretend"), CommandOption.flag("--allow-destructive"));
	}

	@Override
	public void check(CommandArguments arguments) {
		String name = arguments.value("--name");
		if (name != null) {
			MigrationFiles.requireName(name);
		}
	}

	@Override
	public int run(CommandArguments arguments, CommandContext context) throws IOException {
		String name = (arguments.value("--name") != null) ? arguments.value("--name") : "repair_drift";
		GeneratedMigration repair = context.runner(arguments).generate().repair();
		if (repair.isEmpty()) {
			context.out().println("No drift: nothing to repair.");
			return MigrationCommandLine.SUCCESS;
		}
		MigrationId id = MigrationId.parse(MigrationFiles.timestamp() + "_" + name);
		return GeneratedMigrationText.write(repair, id, "make:repair-migration from the drift of this database", true,
				arguments, context);
	}

}
