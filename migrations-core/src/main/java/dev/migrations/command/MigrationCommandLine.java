package dev.migrations.command;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;

import dev.migrations.Direction;
import dev.migrations.ExecutedMigration;
import dev.migrations.MigrationDescriptor;
import dev.migrations.MigrationException;
import dev.migrations.MigrationId;
import dev.migrations.MigrationListener;
import dev.migrations.MigrationProblem;
import dev.migrations.MigrationResult;
import dev.migrations.MigrationRunner;
import dev.migrations.MigrationState;
import dev.migrations.MigrationStatus;
import dev.migrations.MigrationValidationException;
import dev.migrations.RepairOption;
import dev.migrations.PlannedMigration;
import dev.migrations.internal.Credentials;
import dev.migrations.source.SqlMigrationSource;
import org.jspecify.annotations.Nullable;

/**
 * The migration commands, as typed on a command line: {@code migrate},
 * {@code migrate:rollback}, {@code migrate:status}, {@code migrate:validate},
 * {@code migrate:repair}, {@code migrate:baseline} and {@code make:migration}. Used by
 * the standalone jar and by Spring Boot applications
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

	private static final Map<String, Map<String, Boolean>> COMMANDS = commands();

	private static final Pattern NAME = Pattern.compile("[a-z0-9]+(?:_[a-z0-9]+)*");

	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
		.withZone(ZoneOffset.UTC);

	private static final DateTimeFormatter APPLIED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
		.withZone(ZoneOffset.UTC);

	private final Function<MigrationListener, MigrationRunner> runners;

	private final List<String> locations;

	private final PrintStream out;

	private final PrintStream err;

	private final boolean colour;

	private final List<String> secrets;

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
	 */
	public MigrationCommandLine(Function<MigrationListener, MigrationRunner> runners, List<String> locations,
			PrintStream out, PrintStream err, boolean colour, Collection<String> secrets) {
		this.runners = runners;
		this.locations = List.copyOf(locations);
		this.out = out;
		this.err = err;
		this.colour = colour;
		this.secrets = secrets.stream().filter(Objects::nonNull).filter((secret) -> !secret.isEmpty()).toList();
	}

	/**
	 * Whether a word names a command.
	 * @param word the word, such as {@code migrate:status}
	 * @return whether it is a command
	 */
	public static boolean isCommand(String word) {
		return COMMANDS.containsKey(word);
	}

	/**
	 * Return the usage text.
	 * @return the usage
	 */
	public static String usage() {
		return """
				Usage: <command> [options]
				  migrate [--limit N] [--pretend] [--json]        apply pending migrations
				  migrate:rollback [--steps N | --to ID] [--pretend] [--json]
				                                                  roll back batches, or back to a migration
				  migrate:status [--pending] [--json]             show every migration; --pending exits 1 if any is pending
				  migrate:validate [--json]                       list what would stop migrate; exits 1 if anything does
				  migrate:repair [--accept-checksums] [--force]   clear FAILED/RUNNING rows (and accept edited checksums);
				                                                  --force also takes the lock from a run in progress
				  migrate:baseline ID                             mark an existing database as migrated up to ID
				  make:migration NAME [--java] [--dir DIR]        write a timestamped .up.sql/.down.sql pair (or a Java class)
				Every command takes --verbose to print stack traces.
				Exit codes: 0 success, 1 pending or validation problems, 2 usage error, 3 failure.""";
	}

	/**
	 * Run a command.
	 * @param args the command and its options
	 * @return the exit code
	 */
	public int run(List<String> args) {
		boolean verbose = args.contains("--verbose");
		try {
			Arguments arguments = Arguments.parse(args);
			return switch (arguments.command) {
				case "migrate" -> migrate(arguments);
				case "migrate:rollback" -> rollback(arguments);
				case "migrate:status" -> status(arguments);
				case "migrate:validate" -> validate(arguments);
				case "migrate:repair" -> repair(arguments);
				case "migrate:baseline" -> baseline(arguments);
				case "make:migration" -> makeMigration(arguments);
				default -> throw new CommandLineUsageException("Unknown command " + arguments.command);
			};
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
			Arguments.parse(args);
			return SUCCESS;
		}
		catch (CommandLineUsageException ex) {
			printUsageError(err, Credentials.mask(ex.getMessage()));
			return USAGE;
		}
	}

	private static void printUsageError(PrintStream err, String message) {
		err.println("error: " + message);
		err.println(usage());
	}

	private int migrate(Arguments arguments) {
		int limit = arguments.positiveInt("--limit", Integer.MAX_VALUE);
		if (arguments.flag("--pretend")) {
			return printPlan(runner(arguments).pretend().applyAll(limit), arguments);
		}
		MigrationResult result = runner(arguments).applyAll(limit);
		if (arguments.flag("--json")) {
			this.out.println(Json.write(resultJson(result)));
		}
		else if (result.isEmpty()) {
			this.out.println("Nothing to migrate: the database is up to date.");
		}
		else {
			this.out
				.println("Applied " + result.migrations().size() + " migration(s) in batch " + result.batch() + ".");
		}
		return SUCCESS;
	}

	private int rollback(Arguments arguments) {
		String to = arguments.value("--to");
		int steps = arguments.positiveInt("--steps", 1);
		MigrationId target = (to != null) ? parseId(to) : null;
		if (arguments.flag("--pretend")) {
			MigrationRunner runner = runner(arguments);
			return printPlan((target != null) ? runner.pretend().rollbackTo(target) : runner.pretend().rollback(steps),
					arguments);
		}
		MigrationRunner runner = runner(arguments);
		MigrationResult result = (target != null) ? runner.rollbackTo(target) : runner.rollback(steps);
		if (arguments.flag("--json")) {
			this.out.println(Json.write(Map.of("migrations", migrationsJson(result))));
		}
		else if (result.isEmpty()) {
			this.out.println("Nothing to roll back.");
		}
		else {
			this.out.println("Rolled back " + result.migrations().size() + " migration(s).");
		}
		return SUCCESS;
	}

	private int status(Arguments arguments) {
		List<MigrationStatus> statuses = runner(arguments).status();
		boolean pending = statuses.stream().anyMatch(MigrationStatus::isPending);
		if (arguments.flag("--json")) {
			List<Object> rows = new ArrayList<>();
			for (MigrationStatus status : statuses) {
				Map<String, Object> row = new LinkedHashMap<>();
				row.put("id", status.id().toString());
				row.put("name", status.name());
				row.put("state", status.state().name());
				row.put("batch", status.batch());
				row.put("appliedAt", status.appliedAt());
				row.put("executionMs", status.executionMs());
				row.put("checksum", status.checksum());
				row.put("appliedChecksum", status.appliedChecksum());
				row.put("source", status.source());
				row.put("error", (status.error() != null) ? mask(status.error()) : null);
				rows.add(row);
			}
			this.out.println(Json.write(rows));
		}
		else {
			printStatusTable(statuses);
		}
		return (arguments.flag("--pending") && pending) ? PROBLEMS : SUCCESS;
	}

	private void printStatusTable(List<MigrationStatus> statuses) {
		List<String[]> rows = new ArrayList<>();
		rows.add(new String[] { "Migration", "Batch", "Status", "Applied At" });
		for (MigrationStatus status : statuses) {
			rows.add(new String[] { status.id().toString(), (status.batch() != null) ? status.batch().toString() : "",
					status.state().name(), (status.appliedAt() != null) ? APPLIED_AT.format(status.appliedAt()) : "" });
		}
		int[] widths = new int[4];
		for (String[] row : rows) {
			for (int i = 0; i < 4; i++) {
				widths[i] = Math.max(widths[i], row[i].length());
			}
		}
		for (int r = 0; r < rows.size(); r++) {
			String[] row = rows.get(r);
			StringBuilder line = new StringBuilder();
			for (int i = 0; i < 4; i++) {
				String cell = String.format("%-" + widths[i] + "s", row[i]);
				if (i == 2 && r > 0) {
					cell = colour(cell, MigrationState.valueOf(row[2]));
				}
				line.append(cell).append((i < 3) ? " | " : "");
			}
			this.out.println(line.toString().stripTrailing());
			if (r == 0) {
				this.out.println("-".repeat(widths[0] + widths[1] + widths[2] + widths[3] + 9));
			}
		}
		if (statuses.isEmpty()) {
			this.out.println("No migrations found.");
		}
	}

	private int validate(Arguments arguments) {
		List<MigrationProblem> problems = runner(arguments).validate();
		if (arguments.flag("--json")) {
			List<Object> rows = new ArrayList<>();
			for (MigrationProblem problem : problems) {
				rows.add(Map.of("id", problem.id().toString(), "state", problem.state().name(), "message",
						mask(problem.message()), "remedy", problem.remedy().kind().name(), "action",
						mask(CommandRemedies.step(problem.remedy()))));
			}
			this.out.println(Json.write(rows));
		}
		else if (problems.isEmpty()) {
			this.out.println("No problems: migrations can be applied.");
		}
		else {
			for (MigrationProblem problem : problems) {
				this.out.println("- " + mask(problem.message()));
				this.out.println("  Next step: " + mask(CommandRemedies.step(problem.remedy())));
			}
		}
		return problems.isEmpty() ? SUCCESS : PROBLEMS;
	}

	private int repair(Arguments arguments) {
		List<RepairOption> options = new ArrayList<>();
		if (arguments.flag("--accept-checksums")) {
			options.add(RepairOption.ACCEPT_CHECKSUMS);
		}
		if (arguments.flag("--force")) {
			options.add(RepairOption.FORCE);
		}
		List<String> changes = runner(arguments).repair(options.toArray(new RepairOption[0]));
		if (changes.isEmpty()) {
			this.out.println("Nothing to repair.");
		}
		changes.forEach(this.out::println);
		return SUCCESS;
	}

	private int baseline(Arguments arguments) {
		MigrationId id = parseId(arguments.positional());
		runner(arguments).baseline(id);
		this.out.println("Baselined at " + id + ".");
		return SUCCESS;
	}

	private int makeMigration(Arguments arguments) throws IOException {
		String name = arguments.positional();
		String timestamp = TIMESTAMP.format(Instant.now());
		MigrationId id = MigrationId.parse(timestamp + "_" + name);
		if (arguments.flag("--java")) {
			Path directory = directory(arguments, Path.of("src", "main", "java", "db", "migrations"));
			String className = className(name);
			Path file = directory.resolve(className + ".java");
			write(file, javaSkeleton(id, className));
			this.out.println("Created " + file);
			return SUCCESS;
		}
		Path directory = directory(arguments, sqlDirectory());
		Path up = directory.resolve(timestamp + "_" + name + ".up.sql");
		Path down = directory.resolve(timestamp + "_" + name + ".down.sql");
		write(up, "-- " + id + ": write the change here\n");
		try {
			write(down, "-- " + id + ": write how to undo it here, or delete this file if it cannot be undone\n");
		}
		catch (IOException ex) {
			// Both files or neither: a lone .up.sql would be a migration nobody asked for
			Files.deleteIfExists(up);
			throw new IOException(
					ex.getMessage() + "; " + up.getFileName() + " was not kept either, so nothing was " + "created",
					ex);
		}
		this.out.println("Created " + up);
		this.out.println("Created " + down);
		return SUCCESS;
	}

	private Path sqlDirectory() {
		String location = this.locations.isEmpty() ? SqlMigrationSource.DEFAULT_LOCATION : this.locations.get(0);
		if (location.startsWith("filesystem:")) {
			return Path.of(location.substring("filesystem:".length()));
		}
		String path = location.startsWith("classpath:") ? location.substring("classpath:".length()) : location;
		return Path.of("src", "main", "resources").resolve(path.replaceFirst("^/+", ""));
	}

	private static Path directory(Arguments arguments, Path fallback) throws IOException {
		String dir = arguments.value("--dir");
		Path directory = (dir != null) ? Path.of(dir) : fallback;
		if (Files.exists(directory) && !Files.isDirectory(directory)) {
			throw new IOException("Cannot create a migration in " + directory + ": it is a file, not a directory"
					+ ((dir != null) ? " (--dir)" : ""));
		}
		try {
			return Files.createDirectories(directory);
		}
		catch (IOException ex) {
			throw new IOException("Cannot create the directory " + directory + ": " + reason(ex), ex);
		}
	}

	private static void write(Path file, String content) throws IOException {
		if (Files.exists(file)) {
			throw new IOException("Cannot create " + file + ": it already exists");
		}
		try {
			Files.writeString(file, content);
		}
		catch (IOException ex) {
			throw new IOException("Cannot create " + file + ": " + reason(ex), ex);
		}
	}

	/**
	 * Say why a file operation failed: a {@link FileSystemException}'s message is often
	 * only the path.
	 */
	private static String reason(IOException ex) {
		if (ex instanceof FileSystemException failure) {
			return (failure.getReason() != null) ? failure.getReason() : ex.getClass().getSimpleName();
		}
		return String.valueOf(ex.getMessage());
	}

	private static String className(String name) {
		StringBuilder className = new StringBuilder();
		for (String part : name.split("_")) {
			className.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
		}
		return Character.isDigit(className.charAt(0)) ? "M" + className : className.toString();
	}

	private static String javaSkeleton(MigrationId id, String className) {
		return """
				package db.migrations;

				import dev.migrations.Migration;
				import dev.migrations.boot.autoconfigure.MigrationId;
				import dev.migrations.schema.Schema;
				import org.springframework.stereotype.Component;

				@Component
				@MigrationId("%s")
				public class %s implements Migration {

					@Override
					public void up(Schema schema) {
						// record the change, for example schema.sql("...")
					}

					@Override
					public void down(Schema schema) {
						// record how to undo it, or delete this method if it cannot be undone
					}

				}
				""".formatted(id, className);
	}

	private int printPlan(List<PlannedMigration> plan, Arguments arguments) {
		if (arguments.flag("--json")) {
			List<Object> rows = new ArrayList<>();
			for (PlannedMigration planned : plan) {
				rows.add(Map.of("id", planned.id().toString(), "direction", planned.direction().name(), "source",
						planned.source(), "statements", planned.statements()));
			}
			this.out.println(Json.write(rows));
			return SUCCESS;
		}
		this.out.print(plan.isEmpty() ? "-- nothing to run\n" : PlannedMigration.script(plan));
		this.out.flush();
		return SUCCESS;
	}

	private static Map<String, Object> resultJson(MigrationResult result) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("batch", result.batch());
		json.put("migrations", migrationsJson(result));
		return json;
	}

	private static List<Object> migrationsJson(MigrationResult result) {
		List<Object> migrations = new ArrayList<>();
		for (ExecutedMigration migration : result.migrations()) {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("id", migration.id().toString());
			row.put("direction", migration.direction().name());
			row.put("executionMs", migration.executionMs());
			row.put("outOfOrder", migration.outOfOrder());
			row.put("source", migration.source());
			migrations.add(row);
		}
		return migrations;
	}

	private MigrationRunner runner(Arguments arguments) {
		boolean quiet = arguments.flag("--json");
		return this.runners.apply(quiet ? new MigrationListener() {
		} : new ProgressListener());
	}

	private static MigrationId parseId(String id) {
		try {
			return MigrationId.parse(id);
		}
		catch (MigrationException ex) {
			throw new CommandLineUsageException(ex.getMessage());
		}
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
		return Credentials.mask((text != null) ? text : "", this.secrets);
	}

	private String colour(String text, MigrationState state) {
		if (!this.colour) {
			return text;
		}
		String code = switch (state) {
			case APPLIED, BASELINE -> "32";
			case PENDING, OUT_OF_ORDER, IN_PROGRESS -> "33";
			default -> "31";
		};
		return "\u001B[" + code + "m" + text + "\u001B[0m";
	}

	private static Map<String, Map<String, Boolean>> commands() {
		Map<String, Map<String, Boolean>> commands = new LinkedHashMap<>();
		commands.put("migrate", Map.of("--limit", true, "--pretend", false, "--json", false));
		commands.put("migrate:rollback", Map.of("--steps", true, "--to", true, "--pretend", false, "--json", false));
		commands.put("migrate:status", Map.of("--pending", false, "--json", false));
		commands.put("migrate:validate", Map.of("--json", false));
		commands.put("migrate:repair", Map.of("--accept-checksums", false, "--force", false));
		commands.put("migrate:baseline", Map.of());
		commands.put("make:migration", Map.of("--java", false, "--dir", true));
		return commands;
	}

	/**
	 * Prints one line per migration as it finishes.
	 */
	private final class ProgressListener implements MigrationListener {

		@Override
		public void lockAcquired(Duration waited) {
			if (waited.toMillis() >= 1000) {
				MigrationCommandLine.this.out.println("Waited " + waited.toMillis() + " ms for the migration lock");
			}
		}

		@Override
		public void afterMigration(MigrationDescriptor migration, Direction direction, Duration duration) {
			String verb = (direction == Direction.UP) ? "Applied" : "Rolled back";
			MigrationCommandLine.this.out.println(verb + " " + migration.id() + " (" + duration.toMillis() + " ms)");
		}

	}

	/**
	 * A parsed command line.
	 */
	private static final class Arguments {

		private final String command;

		private final Map<String, String> options;

		private final List<String> positionals;

		private Arguments(String command, Map<String, String> options, List<String> positionals) {
			this.command = command;
			this.options = options;
			this.positionals = positionals;
		}

		static Arguments parse(List<String> args) {
			List<String> rest = new ArrayList<>(args);
			String command = removeCommand(rest);
			Map<String, Boolean> known = COMMANDS.get(command);
			if (known == null) {
				throw new CommandLineUsageException("Unknown command '" + command + "'");
			}
			Map<String, String> options = new LinkedHashMap<>();
			List<String> positionals = new ArrayList<>();
			for (int i = 0; i < rest.size(); i++) {
				String arg = rest.get(i);
				if (arg.equals("--verbose")) {
					continue;
				}
				if (!arg.startsWith("--")) {
					positionals.add(arg);
					continue;
				}
				int equals = arg.indexOf('=');
				String name = (equals > 0) ? arg.substring(0, equals) : arg;
				Boolean takesValue = known.get(name);
				if (takesValue == null) {
					throw new CommandLineUsageException("Unknown option '" + name + "' for " + command);
				}
				if (takesValue) {
					String value = (equals > 0) ? arg.substring(equals + 1)
							: (i + 1 < rest.size()) ? rest.get(++i) : null;
					if (value == null || value.isEmpty()) {
						throw new CommandLineUsageException("Option " + name + " needs a value");
					}
					options.put(name, value);
				}
				else {
					options.put(name, "true");
				}
			}
			int expected = (command.equals("migrate:baseline") || command.equals("make:migration")) ? 1 : 0;
			if (positionals.size() != expected) {
				throw new CommandLineUsageException(command + " takes "
						+ ((expected == 0) ? "no arguments" : "exactly one argument") + ", got " + positionals);
			}
			Arguments arguments = new Arguments(command, options, positionals);
			arguments.checkValues();
			return arguments;
		}

		/**
		 * Check what the options and the argument say, so that every usage error is found
		 * before the command starts to work.
		 */
		private void checkValues() {
			positiveInt("--limit", 1);
			positiveInt("--steps", 1);
			switch (this.command) {
				case "migrate:rollback" -> {
					if (flag("--to") && flag("--steps")) {
						throw new CommandLineUsageException("Use either --steps or --to, not both");
					}
					if (flag("--to")) {
						parseId(value("--to"));
					}
				}
				case "migrate:baseline" -> parseId(positional());
				case "make:migration" -> {
					if (!NAME.matcher(positional()).matches()) {
						throw new CommandLineUsageException("Migration name '" + positional()
								+ "' must be snake_case: lower-case letters, digits and underscores");
					}
				}
				default -> {
				}
			}
		}

		/**
		 * Remove and return the command: the first known command, so that options may
		 * come before it, or else the first word that is not an option.
		 */
		private static String removeCommand(List<String> args) {
			int index = -1;
			for (int i = 0; i < args.size() && index < 0; i++) {
				if (isCommand(args.get(i))) {
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

		boolean flag(String name) {
			return this.options.containsKey(name);
		}

		String value(String name) {
			return this.options.get(name);
		}

		String positional() {
			return this.positionals.get(0);
		}

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

	}

}
