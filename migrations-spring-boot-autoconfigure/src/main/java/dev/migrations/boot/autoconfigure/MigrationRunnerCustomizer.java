package dev.migrations.boot.autoconfigure;

import dev.migrations.runner.MigrationRunner;

/**
 * Callback to customize a {@link MigrationRunner.Builder} before the auto-configured
 * runner is built, after the properties were applied. Customizers run in
 * {@link org.springframework.core.annotation.Order order}, once per runner (so once per
 * {@code migrations.instances} entry when several are configured).
 */
@FunctionalInterface
public interface MigrationRunnerCustomizer {

	/**
	 * Customize the builder.
	 * @param builder the builder of the runner
	 */
	void customize(MigrationRunner.Builder builder);

}
