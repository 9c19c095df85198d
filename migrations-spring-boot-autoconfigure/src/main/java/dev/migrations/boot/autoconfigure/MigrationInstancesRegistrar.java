package dev.migrations.boot.autoconfigure;

import java.util.List;

import dev.migrations.runner.MigrationRunner;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotationMetadata;

/**
 * Registers one {@link MigrationRunner} bean, named {@code <name>MigrationRunner}, per
 * enabled {@code migrations.instances.<name>}, ordered as they are applied.
 */
class MigrationInstancesRegistrar implements ImportBeanDefinitionRegistrar {

	private final Environment environment;

	private final BeanFactory beanFactory;

	MigrationInstancesRegistrar(Environment environment, BeanFactory beanFactory) {
		this.environment = environment;
		this.beanFactory = beanFactory;
	}

	@Override
	public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
		List<String> names = MigrationInstances.orderedNames(this.environment);
		for (int position = 0; position < names.size(); position++) {
			String name = names.get(position);
			RootBeanDefinition definition = new RootBeanDefinition(MigrationRunner.class, () -> createRunner(name));
			definition.setAttribute(AbstractBeanDefinition.ORDER_ATTRIBUTE, position);
			registry.registerBeanDefinition(name + "MigrationRunner", definition);
		}
	}

	private MigrationRunner createRunner(String name) {
		ListableBeanFactory beanFactory = (ListableBeanFactory) this.beanFactory;
		ClassLoader classLoader = (this.beanFactory instanceof ConfigurableBeanFactory configurable)
				? configurable.getBeanClassLoader() : null;
		MigrationsProperties properties = beanFactory.getBean(MigrationsProperties.class);
		return new MigrationRunnerFactory(properties, beanFactory, classLoader,
				beanFactory.getBean(DedicatedDataSources.class), this.environment)
			.createInstance(name);
	}

}
