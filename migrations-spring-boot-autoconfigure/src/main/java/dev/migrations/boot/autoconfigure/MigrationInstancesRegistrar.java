package dev.migrations.boot.autoconfigure;

import java.util.List;

import dev.migrations.runner.MigrationRunner;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotationMetadata;

/**
 * Registers one {@link MigrationRunner} bean, named {@code <name>MigrationRunner}, per
 * enabled {@code migrations.instances.<name>}, ordered as they are applied. Each is made
 * by {@link MigrationInstanceRunners#create(String)}, a factory method rather than a
 * callback, so that ahead-of-time processing can write the code that creates it.
 */
class MigrationInstancesRegistrar implements ImportBeanDefinitionRegistrar {

	private final Environment environment;

	MigrationInstancesRegistrar(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
		List<String> names = MigrationInstances.orderedNames(this.environment);
		if (names.isEmpty()) {
			return;
		}
		registry.registerBeanDefinition(MigrationInstanceRunners.BEAN_NAME,
				new RootBeanDefinition(MigrationInstanceRunners.class));
		for (int position = 0; position < names.size(); position++) {
			String name = names.get(position);
			RootBeanDefinition definition = new RootBeanDefinition();
			definition.setTargetType(MigrationRunner.class);
			definition.setFactoryBeanName(MigrationInstanceRunners.BEAN_NAME);
			definition.setFactoryMethodName("create");
			definition.getConstructorArgumentValues().addIndexedArgumentValue(0, name);
			definition.setAttribute(AbstractBeanDefinition.ORDER_ATTRIBUTE, position);
			registry.registerBeanDefinition(name + "MigrationRunner", definition);
		}
	}

}
