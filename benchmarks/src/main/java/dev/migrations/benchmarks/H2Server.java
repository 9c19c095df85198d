package dev.migrations.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Embedded H2: in memory inside the child for a database that starts empty; a file
 * database, copied file by file, for a prepared one. Every URL keeps the database open
 * while the child runs ({@code DB_CLOSE_DELAY=-1}) so it is never reopened per
 * connection.
 */
final class H2Server implements DatabaseServer {

	private static final String FILE_NAME = "db";

	private final Path directory;

	H2Server(Path directory) {
		this.directory = directory;
	}

	@Override
	public String optionName() {
		return "h2";
	}

	@Override
	public String displayName() {
		return "H2";
	}

	@Override
	public String describe() {
		return "H2 " + Tool.mavenVersion("com.h2database", "h2")
				+ " embedded (in memory when starting empty, a file database when prepared)";
	}

	@Override
	public Database createEmpty() {
		String name = newName();
		return new Database(name, "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
	}

	@Override
	public Database createPersistent() {
		String name = newName();
		try {
			Files.createDirectories(this.directory.resolve(name));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return fileDatabase(name);
	}

	@Override
	public Database copyOf(Database source) {
		Database copy = createPersistent();
		try (Stream<Path> files = Files.list(this.directory.resolve(source.name()))) {
			for (Path file : files.filter((file) -> file.getFileName().toString().endsWith(".mv.db")).toList()) {
				Files.copy(file, this.directory.resolve(copy.name()).resolve(file.getFileName()));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not copy H2 database " + source.name(), ex);
		}
		return copy;
	}

	@Override
	public void drop(Database database) {
		deleteRecursively(this.directory.resolve(database.name()));
	}

	@Override
	public void close() {
		deleteRecursively(this.directory);
	}

	private Database fileDatabase(String name) {
		Path file = this.directory.resolve(name).resolve(FILE_NAME).toAbsolutePath();
		return new Database(name, "jdbc:h2:file:" + file + ";DB_CLOSE_DELAY=-1");
	}

	private static String newName() {
		return "bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
	}

	static void deleteRecursively(Path path) {
		if (!Files.exists(path)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(path)) {
			for (Path each : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(each);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not delete " + path, ex);
		}
	}

}
