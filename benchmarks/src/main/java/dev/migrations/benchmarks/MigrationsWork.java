package dev.migrations.benchmarks;

import java.nio.file.Path;
import java.util.OptionalInt;

import javax.sql.DataSource;

import dev.migrations.runner.MigrationRunner;

/**
 * This library, with its defaults, reading SQL files from the file system.
 */
final class MigrationsWork implements ToolWork {

	@Override
	public OptionalInt apply(DataSource dataSource, Path migrations) {
		return OptionalInt.of(runner(dataSource, migrations).applyAll().migrations().size());
	}

	@Override
	public OptionalInt status(DataSource dataSource, Path migrations) {
		return OptionalInt.of(runner(dataSource, migrations).status().size());
	}

	private static MigrationRunner runner(DataSource dataSource, Path migrations) {
		return MigrationRunner.builder(dataSource).locations("filesystem:" + migrations).build();
	}

}
