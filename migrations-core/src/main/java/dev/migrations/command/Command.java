package dev.migrations.command;

import java.io.IOException;
import java.util.List;

/**
 * One command of the command line, such as {@code migrate:status}: the words it takes and
 * what it does. Implementations hold no state.
 */
interface Command {

	/**
	 * Return the word that names the command.
	 * @return the name, such as {@code migrate:status}
	 */
	String name();

	/**
	 * Return the options the command takes, besides {@code --verbose}, which every
	 * command takes.
	 * @return the options
	 */
	List<CommandOption> options();

	/**
	 * Return whether the command takes one argument, such as the name of
	 * {@code make:migration}, rather than none.
	 * @return whether it takes an argument
	 */
	default boolean takesArgument() {
		return false;
	}

	/**
	 * Check what the options and the argument say, so that every usage error is found
	 * before the command starts to work.
	 * @param arguments the options and the argument
	 * @throws CommandLineUsageException when they do not make sense
	 */
	default void check(CommandArguments arguments) {
	}

	/**
	 * Run the command.
	 * @param arguments the options and the argument, checked
	 * @param context the runner and the output
	 * @return the exit code
	 * @throws IOException when a file cannot be written
	 */
	int run(CommandArguments arguments, CommandContext context) throws IOException;

}
