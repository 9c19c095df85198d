package dev.migrations.benchmarks;

import java.io.IOException;
import java.io.Writer;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;

import javax.sql.DataSource;

import dev.migrations.runner.MigrationRunner;
import dev.migrations.source.MigrationIndex;

/**
 * This library reading its migrations from the class path with the index an application's
 * build writes ({@code process-aot} in Spring Boot): the directory, put first on the
 * child's class path by {@link ChildCommand#tool}, holds {@code db/migrations} and
 * {@code META-INF/migrations/index}.
 */
final class IndexedMigrationsWork implements ToolWork {

	private static final String LOCATION = "classpath:db/migrations";

	@Override
	public OptionalInt apply(DataSource dataSource, Path migrations) {
		return OptionalInt.of(runner(dataSource).applyAll().migrations().size());
	}

	@Override
	public OptionalInt status(DataSource dataSource, Path migrations) {
		return OptionalInt.of(runner(dataSource).status().size());
	}

	private static MigrationRunner runner(DataSource dataSource) {
		ClassLoader classLoader = IndexedMigrationsWork.class.getClassLoader();
		return MigrationRunner.builder(dataSource)
			.locations(LOCATION)
			.classLoader(classLoader)
			.index(MigrationIndex.find(classLoader))
			.build();
	}

	/**
	 * Write the migrations under {@code db/migrations} of a directory and, untimed, as a
	 * build would, their index.
	 * @param root the directory
	 * @param count how many migrations
	 * @throws IOException if a file cannot be written
	 */
	static void write(Path root, int count) throws IOException {
		MigrationGenerator.writeMigrations(root.resolve("db/migrations"), count);
		Path index = root.resolve(MigrationIndex.RESOURCE);
		Files.createDirectories(index.getParent());
		try (URLClassLoader classLoader = new URLClassLoader(new URL[] { root.toUri().toURL() }, null);
				Writer writer = Files.newBufferedWriter(index)) {
			MigrationIndex.build(List.of(LOCATION), classLoader, StandardCharsets.UTF_8).write(writer);
		}
	}

}
