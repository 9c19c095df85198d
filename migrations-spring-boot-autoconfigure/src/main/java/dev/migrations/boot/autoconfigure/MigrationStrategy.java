package dev.migrations.boot.autoconfigure;

import dev.migrations.runner.MigrationRunner;

/**
 * Replaces what {@link MigrationsInitializer} does at startup: when a bean of this type
 * exists, {@code migrations.on-startup} is ignored and {@link #migrate} is called for
 * each runner, in order, instead. Useful to baseline, repair or roll back before
 * applying.
 */
@FunctionalInterface
public interface MigrationStrategy {

	/**
	 * Act on one runner at startup.
	 * @param runner the runner
	 */
	void migrate(MigrationRunner runner);

}
