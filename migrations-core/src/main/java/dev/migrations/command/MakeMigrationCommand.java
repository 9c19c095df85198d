package dev.migrations.command;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Pattern;

import dev.migrations.MigrationId;
import dev.migrations.source.SqlMigrationSource;

/**
 * {@code make:migration NAME}: write a timestamped {@code .up.sql}/{@code .down.sql} pair
 * into the first location, both or neither, or with {@code --java} a Java class from the
 * front end's {@link MigrationTemplate}. Needs no database.
 */
final class MakeMigrationCommand implements Command {

	private static final Pattern NAME = Pattern.compile("[a-z0-9]+(?:_[a-z0-9]+)*");

	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
		.withZone(ZoneOffset.UTC);

	private static final String JAVA_PACKAGE = "db.migrations";

	private static final Path JAVA_DIRECTORY = Path.of("src", "main", "java", "db", "migrations");

	@Override
	public String name() {
		return "make:migration";
	}

	@Override
	public List<CommandOption> options() {
		return List.of(CommandOption.flag("--java"), CommandOption.withValue("--dir"));
	}

	@Override
	public boolean takesArgument() {
		return true;
	}

	@Override
	public void check(CommandArguments arguments) {
		if (!NAME.matcher(arguments.argument()).matches()) {
			throw new CommandLineUsageException("Migration name '" + arguments.argument()
					+ "' must be snake_case: lower-case letters, digits and underscores");
		}
	}

	@Override
	public int run(CommandArguments arguments, CommandContext context) throws IOException {
		String name = arguments.argument();
		String timestamp = TIMESTAMP.format(Instant.now());
		MigrationId id = MigrationId.parse(timestamp + "_" + name);
		if (arguments.has("--java")) {
			Path directory = directory(arguments, JAVA_DIRECTORY);
			String className = className(name);
			Path file = directory.resolve(className + ".java");
			write(file, context.javaTemplate().javaSource(JAVA_PACKAGE, className, id));
			context.out().println("Created " + file);
			return MigrationCommandLine.SUCCESS;
		}
		Path directory = directory(arguments, sqlDirectory(context.locations()));
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
		context.out().println("Created " + up);
		context.out().println("Created " + down);
		return MigrationCommandLine.SUCCESS;
	}

	static Path sqlDirectory(List<String> locations) {
		String location = locations.isEmpty() ? SqlMigrationSource.DEFAULT_LOCATION : locations.get(0);
		if (location.startsWith("filesystem:")) {
			return Path.of(location.substring("filesystem:".length()));
		}
		String path = location.startsWith("classpath:") ? location.substring("classpath:".length()) : location;
		return Path.of("src", "main", "resources").resolve(path.replaceFirst("^/+", ""));
	}

	private static Path directory(CommandArguments arguments, Path fallback) throws IOException {
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

}
