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
import java.util.function.Supplier;

import dev.migrations.source.SqlMigrationSource;
import org.jspecify.annotations.Nullable;

/**
 * Where the commands that write migrations put them, and how: the first location's
 * directory (a {@code classpath:} location maps to {@code src/main/resources}), a
 * directory that {@code --dir} names, files that never overwrite one that exists.
 */
final class MigrationFiles {

	private static final Pattern NAME = Pattern.compile("[a-z0-9]+(?:_[a-z0-9]+)*");

	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
		.withZone(ZoneOffset.UTC);

	private MigrationFiles() {
	}

	/**
	 * Refuse a migration name that is not snake_case.
	 * @throws CommandLineUsageException if it is not
	 */
	static void requireName(String name) {
		if (!NAME.matcher(name).matches()) {
			throw new CommandLineUsageException(
					"Migration name '" + name + "' must be snake_case: lower-case letters, digits and underscores");
		}
	}

	/**
	 * Return the timestamp of a migration written now, in UTC.
	 */
	static String timestamp() {
		return TIMESTAMP.format(Instant.now());
	}

	/**
	 * Write a SQL pair: the up file, and the down file when there is one; both or
	 * neither.
	 * @return the files written
	 */
	static List<Path> writePair(Path directory, String baseName, String up, @Nullable String down) throws IOException {
		Path upFile = directory.resolve(baseName + ".up.sql");
		write(upFile, up);
		if (down == null) {
			return List.of(upFile);
		}
		Path downFile = directory.resolve(baseName + ".down.sql");
		try {
			write(downFile, down);
		}
		catch (IOException ex) {
			// Both files or neither: a lone .up.sql would be a migration nobody asked for
			Files.deleteIfExists(upFile);
			throw new IOException(
					ex.getMessage() + "; " + upFile.getFileName() + " was not kept either, so nothing was " + "created",
					ex);
		}
		return List.of(upFile, downFile);
	}

	/**
	 * Return the directory of the first location; a location that names the database
	 * ({@code {vendor}}) is refused, since a new migration is written for every database
	 * or for one that {@code --dir} names.
	 */
	static Path sqlDirectory(List<String> locations) {
		String location = locations.isEmpty() ? SqlMigrationSource.DEFAULT_LOCATION : locations.get(0);
		String placeholder = SqlMigrationSource.placeholder(location);
		if (placeholder != null) {
			throw new CommandLineUsageException("The first migration location, " + location + ", names " + placeholder
					+ ": a migration is written for one database at a time. Pass --dir with the folder "
					+ "of the database it is for, such as --dir "
					+ sqlDirectory(List.of(location.replace(placeholder, "postgresql"))));
		}
		if (location.startsWith("filesystem:")) {
			return Path.of(location.substring("filesystem:".length()));
		}
		String path = location.startsWith("classpath:") ? location.substring("classpath:".length()) : location;
		return Path.of("src", "main", "resources").resolve(path.replaceFirst("^/+", ""));
	}

	static Path directory(CommandArguments arguments, Supplier<Path> fallback) throws IOException {
		String dir = arguments.value("--dir");
		Path directory = (dir != null) ? Path.of(dir) : fallback.get();
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

	static void write(Path file, String content) throws IOException {
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

}
