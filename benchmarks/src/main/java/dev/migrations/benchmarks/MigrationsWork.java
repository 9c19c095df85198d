package dev.migrations.benchmarks;

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;

import javax.sql.DataSource;

import dev.migrations.catalog.CatalogChange;
import dev.migrations.catalog.Table;
import dev.migrations.runner.MigrationRunner;

/**
 * This library, with its defaults, reading SQL files from the file system; for the
 * introspection scenarios, also its {@code describeSchema()} and {@code drift()}.
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

	/**
	 * Read the schema from the database's catalog.
	 * @param dataSource the database
	 * @param migrations the directory of the migrations that built it
	 * @return the names of the tables described
	 */
	List<String> describe(DataSource dataSource, Path migrations) {
		return runner(dataSource, migrations).describeSchema().tables().stream().map(Table::name).toList();
	}

	/**
	 * Compare the database with the schema its applied migrations build on a shadow
	 * database.
	 * @param dataSource the database
	 * @param migrations the directory of the migrations that built it
	 * @return the differences found, one line each
	 */
	List<String> drift(DataSource dataSource, Path migrations) {
		return runner(dataSource, migrations).drift().changes().stream().map(CatalogChange::text).toList();
	}

	private static MigrationRunner runner(DataSource dataSource, Path migrations) {
		return MigrationRunner.builder(dataSource).locations("filesystem:" + migrations).build();
	}

}
