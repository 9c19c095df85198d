package dev.migrations.command;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The commands by name: which command a command line names, and what its words say.
 */
final class CommandTable {

	private static final Map<String, Command> COMMANDS = commands(new MigrateCommand(), new RollbackCommand(),
			new StatusCommand(), new ValidateCommand(), new RepairCommand(), new BaselineCommand(),
			new MakeMigrationCommand(), new SchemaDescribeCommand(), new MigrateDiffCommand(),
			new MakeRepairMigrationCommand(), new SchemaDumpCommand(), new SquashCommand(), ResetCommand.reset(),
			ResetCommand.refresh(), ResetCommand.fresh());

	private CommandTable() {
	}

	private static Map<String, Command> commands(Command... commands) {
		Map<String, Command> byName = new LinkedHashMap<>();
		for (Command command : commands) {
			byName.put(command.name(), command);
		}
		return byName;
	}

	static boolean contains(String word) {
		return COMMANDS.containsKey(word);
	}

	static String usage() {
		return """
				Usage: <command> [options]
				  migrate [--limit N] [--target ID] [--pretend] [--allow-destructive] [--verify] [--json]
				                                                  apply pending migrations (--target: up to and including
				                                                  ID); --verify then compares the database with a shadow
				                                                  replay and fails on drift
				  migrate:rollback [--steps N | --to ID] [--pretend] [--json]
				                                                  roll back batches, or back to a migration
				  migrate:status [--pending] [--json]             show every migration; --pending exits 1 if any is pending
				  migrate:validate [--json]                       list what would stop migrate; exits 1 if anything does
				  migrate | migrate:status | migrate:validate --schemas PATTERN[,PATTERN] [--parallelism N] [--json]
				                                                  run over every schema (on MySQL and MariaDB, database)
				                                                  whose name matches a SQL LIKE pattern, such as tenant_%,
				                                                  N at once (default 4); prints a row per schema and a
				                                                  summary, and exits non-zero when any schema failed
				  migrate:repair [--accept-checksums] [--force]   clear FAILED/RUNNING rows (and accept edited checksums);
				                                                  --force also takes the lock from a run in progress
				  migrate:baseline ID                             mark an existing database as migrated up to ID
				  migrate:reset --force                           roll back every batch
				  migrate:refresh --force                         reset, then apply every migration again
				  migrate:fresh --force                           drop every object of the ledger's schema, the ledger
				                                                  too, then apply every migration from zero; each reset
				                                                  prints what it will do, and without --force only
				                                                  prints it and exits 2
				  make:migration NAME [--java] [--dir DIR]        write a timestamped .up.sql/.down.sql pair (or a Java class)
				  make:migration NAME --from-database URL [--allow-destructive] [--dir DIR]
				                                                  write the pair that turns what the migrations build
				                                                  into what that database holds
				  make:migration NAME --from-entities [--allow-destructive] [--dir DIR]
				                                                  in an application's jar: the pair that turns what the
				                                                  migrations build into the schema of its JPA entities
				  make:repair-migration [--name NAME] [--pretend] [--allow-destructive] [--dir DIR]
				                                                  write the migration that undoes the drift
				  migrate:squash --to ID [--dir DIR]              write one SQL file that a new database loads instead of the
				                                                  migrations up to ID (for the connected database's kind)
				  schema:describe [--json]                        show the tables, views and other objects the database holds
				  schema:dump                                     print the schema as the SQL that creates it (for review)
				  migrate:diff [--json]                           compare the database with the schema its migrations build
				                                                  (replayed on a shadow database); exits 1 on drift
				Every command takes --verbose to print stack traces.
				Exit codes: 0 success, 1 pending, validation problems or drift, 2 usage error, 3 failure.""";
	}

	/**
	 * Find the command a command line names and read its words: the command, its options,
	 * the values they take and its argument, everything a usage error can come from.
	 * @param args the command line
	 * @return the command and its checked arguments
	 * @throws CommandLineUsageException when the command line cannot be understood
	 */
	static Invocation parse(List<String> args) {
		List<String> rest = new ArrayList<>(args);
		String name = removeCommand(rest);
		Command command = COMMANDS.get(name);
		if (command == null) {
			throw new CommandLineUsageException("Unknown command '" + name + "'");
		}
		CommandArguments arguments = CommandArguments.parse(name, rest, command.options());
		int expected = command.takesArgument() ? 1 : 0;
		if (arguments.words().size() != expected) {
			throw new CommandLineUsageException(name + " takes "
					+ ((expected == 0) ? "no arguments" : "exactly one argument") + ", got " + arguments.words());
		}
		command.check(arguments);
		return new Invocation(command, arguments);
	}

	/**
	 * Remove and return the command: the first known command, so that options may come
	 * before it, or else the first word that is not an option.
	 */
	private static String removeCommand(List<String> args) {
		int index = -1;
		for (int i = 0; i < args.size() && index < 0; i++) {
			if (contains(args.get(i))) {
				index = i;
			}
		}
		for (int i = 0; i < args.size() && index < 0; i++) {
			if (!args.get(i).startsWith("--")) {
				index = i;
			}
		}
		if (index < 0) {
			throw new CommandLineUsageException("No command given");
		}
		return args.remove(index);
	}

	/**
	 * A command with the arguments it was given.
	 *
	 * @param command the command
	 * @param arguments its options and argument, checked
	 */
	record Invocation(Command command, CommandArguments arguments) {

		int run(CommandContext context) throws IOException {
			return this.command.run(this.arguments, context);
		}

	}

}
