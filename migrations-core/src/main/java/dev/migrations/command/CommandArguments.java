package dev.migrations.command;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.migrations.MigrationException;
import dev.migrations.MigrationId;
import org.jspecify.annotations.Nullable;

/**
 * Words of a command line read against the options they may hold: the options found, with
 * their values, and the other words in order. The one parser of the command line, for the
 * commands' own options and for those a front end, such as the standalone jar, reads
 * before it runs a command. An option is written {@code --name value} or
 * {@code --name=value}; an option given twice keeps its last value. Immutable and
 * thread-safe.
 */
public final class CommandArguments {

	/**
	 * Every command takes it; the command line reads it from the words as they are.
	 */
	private static final String VERBOSE = "--verbose";

	private final Map<String, String> options;

	private final List<String> words;

	private final Map<String, List<String>> repeated;

	private CommandArguments(Map<String, String> options, List<String> words, Map<String, List<String>> repeated) {
		this.options = options;
		this.words = words;
		this.repeated = repeated;
	}

	/**
	 * Take the given options, wherever they stand, out of a command line and keep the
	 * other words, unknown options included, in their order: for a front end that reads
	 * its own options before it passes the rest to {@link MigrationCommandLine}.
	 * @param args the words of the command line
	 * @param options the options to take
	 * @return the options found and the other words
	 * @throws CommandLineUsageException when one of the options has no value
	 */
	public static CommandArguments extract(List<String> args, Collection<CommandOption> options) {
		return read(args, options, null);
	}

	/**
	 * Read the words that follow a command: each option must be one of the command's,
	 * every other word is one of its arguments.
	 * @param command the command, for the error messages
	 * @param args the words after the command
	 * @param options the command's options
	 * @return the options found and the arguments
	 * @throws CommandLineUsageException for an unknown option or one without its value
	 */
	static CommandArguments parse(String command, List<String> args, Collection<CommandOption> options) {
		return read(args, options, command);
	}

	/**
	 * Read the words: an option of the given ones is taken with its value; any other
	 * option is a usage error of the command when one is given, otherwise it is kept with
	 * the other words.
	 */
	private static CommandArguments read(List<String> args, Collection<CommandOption> options,
			@Nullable String command) {
		Map<String, CommandOption> known = new LinkedHashMap<>();
		options.forEach((option) -> known.put(option.name(), option));
		Map<String, String> found = new LinkedHashMap<>();
		Map<String, List<String>> repeated = new LinkedHashMap<>();
		List<String> words = new ArrayList<>();
		for (int i = 0; i < args.size(); i++) {
			String arg = args.get(i);
			if (command != null && arg.equals(VERBOSE)) {
				continue;
			}
			if (!arg.startsWith("--")) {
				words.add(arg);
				continue;
			}
			int equals = arg.indexOf('=');
			String name = (equals > 0) ? arg.substring(0, equals) : arg;
			CommandOption option = known.get(name);
			if (option == null && command != null) {
				throw new CommandLineUsageException("Unknown option '" + name + "' for " + command);
			}
			if (option == null) {
				words.add(arg);
			}
			else if (option.takesValue()) {
				String value = (equals > 0) ? arg.substring(equals + 1) : (i + 1 < args.size()) ? args.get(++i) : null;
				if (value == null || value.isEmpty()) {
					throw new CommandLineUsageException("Option " + name + " needs a value");
				}
				found.put(name, value);
				repeated.computeIfAbsent(name, (key) -> new ArrayList<>()).add(value);
			}
			else if (equals > 0) {
				throw new CommandLineUsageException(
						"Option " + name + " takes no value: give " + name + " alone, or leave it out");
			}
			else {
				found.put(name, "true");
			}
		}
		return new CommandArguments(found, List.copyOf(words), repeated);
	}

	/**
	 * Return the value of an option.
	 * @param name the option, such as {@code --url}
	 * @return its value, or {@code null} when it was not given
	 */
	public @Nullable String value(String name) {
		return this.options.get(name);
	}

	/**
	 * Return every value of an option given several times, in order.
	 * @param name the option, such as {@code --init-sql}
	 * @return its values, empty when it was not given
	 */
	public List<String> values(String name) {
		return List.copyOf(this.repeated.getOrDefault(name, List.of()));
	}

	/**
	 * Return whether an option was given.
	 * @param name the option, such as {@code --json}
	 * @return whether it was given
	 */
	public boolean has(String name) {
		return this.options.containsKey(name);
	}

	/**
	 * Return the words that are not options read: a command's arguments, or what a front
	 * end leaves for the command.
	 * @return the words, in order
	 */
	public List<String> words() {
		return this.words;
	}

	/**
	 * Return the only argument of a command that takes one.
	 */
	String argument() {
		return this.words.get(0);
	}

	/**
	 * Return the value of an option that counts something.
	 * @throws CommandLineUsageException when the value is not a whole number of at least
	 * 1
	 */
	int positiveInt(String name, int fallback) {
		String value = this.options.get(name);
		if (value == null) {
			return fallback;
		}
		try {
			int number = Integer.parseInt(value);
			if (number >= 1) {
				return number;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new CommandLineUsageException(
				"Option " + name + " needs a whole number of at least 1, got '" + value + "'");
	}

	/**
	 * Read a migration id given on the command line.
	 * @throws CommandLineUsageException when it is not one
	 */
	static MigrationId migrationId(String text) {
		try {
			return MigrationId.parse(text);
		}
		catch (MigrationException ex) {
			throw new CommandLineUsageException(ex.getMessage());
		}
	}

}
