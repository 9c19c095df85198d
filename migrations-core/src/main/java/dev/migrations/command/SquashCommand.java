package dev.migrations.command;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.migrations.MigrationId;
import dev.migrations.runner.MigrationRunner;
import dev.migrations.source.SqlMigrationSource;
import dev.migrations.source.SquashFile;

/**
 * {@code migrate:squash --to ID}: write one SQL file that creates the schema the
 * migrations up to {@code ID} create on the connected database's kind, into the
 * {@code squash} directory of the first location (or {@code --dir}). Reads only the
 * database's dialect and session; the ledger plays no part and nothing is changed.
 */
final class SquashCommand implements Command {

	@Override
	public String name() {
		return "migrate:squash";
	}

	@Override
	public List<CommandOption> options() {
		return List.of(CommandOption.withValue("--to"), CommandOption.withValue("--dir"));
	}

	@Override
	public void check(CommandArguments arguments) {
		String to = arguments.value("--to");
		if (to == null) {
			throw new CommandLineUsageException("migrate:squash needs --to ID, the newest migration to squash");
		}
		CommandArguments.migrationId(to);
	}

	@Override
	public int run(CommandArguments arguments, CommandContext context) throws IOException {
		MigrationId target = CommandArguments.migrationId(String.valueOf(arguments.value("--to")));
		MigrationRunner runner = context.runner(arguments);
		String text = runner.pretend().squash(target);
		String dir = arguments.value("--dir");
		Path directory = (dir != null) ? Path.of(dir)
				: MigrationFiles
					.sqlDirectory(context.locations()
						.stream()
						.map((location) -> SqlMigrationSource.forDatabase(location, runner.dialect().name()))
						.toList())
					.resolve(SquashFile.DIRECTORY);
		Files.createDirectories(directory);
		Path file = directory.resolve(SquashFile.fileName(target, runner.dialect().name()));
		boolean replacing = Files.exists(file);
		Files.writeString(file, text);
		long replaced = runner.descriptors()
			.stream()
			.filter((migration) -> migration.id().compareTo(target) <= 0)
			.count();
		context.out()
			.println((replacing ? "Rewrote " : "Wrote ") + file + ": it replaces " + replaced + " migration(s), up to "
					+ target + ", on " + runner.dialect().name() + ".");
		return MigrationCommandLine.SUCCESS;
	}

}
