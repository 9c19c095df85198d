package dev.migrations.boot.autoconfigure;

import dev.migrations.runner.MigrationRunner;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.env.Environment;

/**
 * Builds the runner of each {@code migrations.instances.<name>}: the factory of the
 * runner beans that {@link MigrationInstancesRegistrar} registers, a bean itself, so that
 * ahead-of-time processing can write the code that creates them.
 */
final class MigrationInstanceRunners {

	/** The name of this bean. */
	static final String BEAN_NAME = "migrationInstanceRunners";

	private final MigrationsProperties properties;

	private final ConfigurableListableBeanFactory beanFactory;

	private final DedicatedDataSources dedicatedDataSources;

	private final Environment environment;

	MigrationInstanceRunners(MigrationsProperties properties, ConfigurableListableBeanFactory beanFactory,
			DedicatedDataSources dedicatedDataSources, Environment environment) {
		this.properties = properties;
		this.beanFactory = beanFactory;
		this.dedicatedDataSources = dedicatedDataSources;
		this.environment = environment;
	}

	/**
	 * Create the runner of an instance.
	 * @param name the name of the instance
	 * @return the runner
	 */
	MigrationRunner create(String name) {
		return new MigrationRunnerFactory(this.properties, this.beanFactory, this.beanFactory.getBeanClassLoader(),
				this.dedicatedDataSources, this.environment)
			.createInstance(name);
	}

}
