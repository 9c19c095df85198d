package dev.migrations.command;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import dev.migrations.Credentials;
import dev.migrations.MigrationException;
import dev.migrations.MigrationListener;
import dev.migrations.MigrationValidationException;
import dev.migrations.runner.MigrationRunner;
import dev.migrations.runner.ShadowSchema;
import org.jspecify.annotations.Nullable;

/**
 * The migration commands, as typed on a command line: {@code migrate},
 * {@code migrate:rollback}, {@code migrate:status}, {@code migrate:validate},
 * {@code migrate:repair}, {@code migrate:baseline}, {@code make:migration}, the resets
 * {@code migrate:reset}, {@code migrate:refresh} and {@code migrate:fresh}. Used by the
 * standalone jar and by Spring Boot applications
 * ({@code java -jar app.jar migrate:status}). Exit codes: {@link #SUCCESS},
 * {@link #PROBLEMS}, {@link #USAGE} and {@link #FAILURE}. Not thread-safe: one instance
 * runs one command at a time.
 */
public final class MigrationCommandLine {

	/** The command succeeded. */
	public static final int SUCCESS = 0;

	/** Migrations are pending ({@code --pending}) or validation found problems. */
	public static final int PROBLEMS = 1;

	/** The command line could not be understood. */
	public static final int USAGE = 2;

	/**
	 * The command failed, for example a migration failed or the database is unreachable.
	 */
	public static final int FAILURE = 3;

	private final CommandContext context;

	private final PrintStream err;

	/**
	 * Create a command line whose {@code make:migration --java} writes a plain Java
	 * migration ({@link MigrationTemplate#plainJava()}).
	 * @param runners builds the runner, with a listener that prints progress; called only
	 * by commands that need the database
	 * @param locations the configured migration locations, where {@code make:migration}
	 * writes
	 * @param out where results go
	 * @param err where errors go
	 * @param colour whether to colour the output (only on a terminal)
	 * @param secrets values, such as the password, that must never be printed
	 */
	public MigrationCommandLine(Function<MigrationListener, MigrationRunner> runners, List<String> locations,
			PrintStream out, PrintStream err, boolean colour, Collection<String> secrets) {
		this(runners, locations, out, err, colour, secrets, MigrationTemplate.plainJava());
	}

	/**
	 * Create a command line.
	 * @param runners builds the runner, with a listener that prints progress; called only
	 * by commands that need the database
	 * @param locations the configured migration locations, where {@code make:migration}
	 * writes
	 * @param out where results go
	 * @param err where errors go
	 * @param colour whether to colour the output (only on a terminal)
	 * @param secrets values, such as the password, that must never be printed
	 * @param javaTemplate the class {@code make:migration --java} writes
	 */
	public MigrationCommandLine(Function<MigrationListener, MigrationRunner> runners, List<String> locations,
			PrintStream out, PrintStream err, boolean colour, Collection<String> secrets,
			MigrationTemplate javaTemplate) {
		this(new CommandContext(runners, List.copyOf(locations), out, err, colour,
				secrets.stream().filter(Objects::nonNull).filter((secret) -> !secret.isEmpty()).toList(), javaTemplate,
				null), err);
	}

	private MigrationCommandLine(CommandContext context, PrintStream err) {
		this.context = context;
		this.err = err;
	}

	/**
	 * Return a command line whose {@code make:migration NAME --from-entities} writes the
	 * migration that reaches the schema of an application's entities, built by a given
	 * tool on a shadow database. Without one that option is a usage error.
	 * @param entities what builds the schema of the entities, such as the application's
	 * ORM
	 * @return the command line
	 */
	public MigrationCommandLine withEntities(ShadowSchema entities) {
		Objects.requireNonNull(entities, "entities must not be null");
		return new MigrationCommandLine(this.context.withEntities(entities), this.err);
	}

	/**
	 * Whether a word names a command.
	 * @param word the word, such as {@code migrate:status}
	 * @return whether it is a command
	 */
	public static boolean isCommand(String word) {
		return CommandTable.contains(word);
	}

	/**
	 * Return the usage text.
	 * @return the usage
	 */
	public static String usage() {
		return CommandTable.usage();
	}

	/**
	 * Run a command.
	 * @param args the command and its options
	 * @return the exit code
	 */
	public int run(List<String> args) {
		boolean verbose = args.contains("--verbose");
		try {
			return CommandTable.parse(args).run(this.context);
		}
		catch (CommandLineUsageException ex) {
			printUsageError(this.err, mask(ex.getMessage()));
			return USAGE;
		}
		catch (MigrationValidationException ex) {
			report(ex, verbose);
			return PROBLEMS;
		}
		catch (MigrationException | IOException ex) {
			report(ex, verbose);
			return FAILURE;
		}
	}

	/**
	 * Check a command's words without running it: the command, its options, the values
	 * they take and its arguments, everything a usage error can come from. An application
	 * that runs a command after it starts checks first, so that a mistyped option does
	 * not start it.
	 * @param args the command and its options
	 * @param err where the usage error goes
	 * @return {@link #SUCCESS} if the command can run, otherwise {@link #USAGE}, after
	 * printing the error and the usage text as {@link #run(List)} would
	 */
	public static int checkUsage(List<String> args, PrintStream err) {
		try {
			CommandTable.parse(args);
			return SUCCESS;
		}
		catch (CommandLineUsageException ex) {
			printUsageError(err, String.valueOf(Credentials.mask(ex.getMessage())));
			return USAGE;
		}
	}

	private static void printUsageError(PrintStream err, String message) {
		err.println("error: " + message);
		err.println(usage());
	}

	private void report(Exception ex, boolean verbose) {
		String message = (ex instanceof MigrationException failure) ? CommandRemedies.message(failure)
				: ex.getMessage();
		this.err.println("error: " + mask(message));
		if (verbose) {
			StringWriter trace = new StringWriter();
			ex.printStackTrace(new PrintWriter(trace));
			this.err.println(mask(trace.toString()));
		}
	}

	private String mask(@Nullable String text) {
		return this.context.mask(text);
	}

}
