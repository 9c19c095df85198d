package dev.migrations.benchmarks;

import java.nio.file.Path;
import java.util.OptionalInt;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

/**
 * Flyway with its defaults, reading SQL files from the file system.
 */
final class FlywayWork implements ToolWork {

	@Override
	public OptionalInt apply(DataSource dataSource, Path migrations) {
		return OptionalInt.of(flyway(dataSource, migrations).migrate().migrationsExecuted);
	}

	@Override
	public OptionalInt status(DataSource dataSource, Path migrations) {
		return OptionalInt.of(flyway(dataSource, migrations).info().all().length);
	}

	private static Flyway flyway(DataSource dataSource, Path migrations) {
		return Flyway.configure().dataSource(dataSource).locations("filesystem:" + migrations).load();
	}

}
