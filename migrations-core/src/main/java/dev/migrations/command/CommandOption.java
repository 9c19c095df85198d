package dev.migrations.command;

/**
 * An option of a command line, such as {@code --limit 5} or {@code --json}: its name and
 * whether a value follows it, as the next word or after {@code =} ({@code --limit=5}).
 * Immutable.
 *
 * @param name the name, with its leading dashes, such as {@code --limit}
 * @param takesValue whether the option needs a value
 */
public record CommandOption(String name, boolean takesValue) {

	public CommandOption {
		if (!name.startsWith("--")) {
			throw new IllegalArgumentException("An option's name starts with --, not '" + name + "'");
		}
	}

	/**
	 * An option that needs a value, such as {@code --url JDBC_URL}.
	 * @param name the name, such as {@code --url}
	 * @return the option
	 */
	public static CommandOption withValue(String name) {
		return new CommandOption(name, true);
	}

	/**
	 * An option that is given or not, such as {@code --json}.
	 * @param name the name, such as {@code --json}
	 * @return the option
	 */
	public static CommandOption flag(String name) {
		return new CommandOption(name, false);
	}

}
