package dev.migrations.boot.autoconfigure;

import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;
import org.springframework.aot.generate.GenerationContext;
import org.springframework.beans.factory.aot.BeanRegistrationAotContribution;
import org.springframework.beans.factory.aot.BeanRegistrationAotProcessor;
import org.springframework.beans.factory.aot.BeanRegistrationCode;
import org.springframework.beans.factory.aot.BeanRegistrationCodeFragments;
import org.springframework.beans.factory.aot.BeanRegistrationCodeFragmentsDecorator;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.beans.factory.support.RegisteredBean;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.javapoet.CodeBlock;

/**
 * Keeps, in the code that ahead-of-time processing writes, the order of the runners of
 * {@code migrations.instances}: the order they are applied in is an attribute of their
 * bean definitions, which that code leaves out unless asked.
 */
final class MigrationInstancesAotProcessor implements BeanRegistrationAotProcessor {

	@Override
	public @Nullable BeanRegistrationAotContribution processAheadOfTime(RegisteredBean registeredBean) {
		if (!MigrationInstanceRunners.BEAN_NAME.equals(registeredBean.getMergedBeanDefinition().getFactoryBeanName())) {
			return null;
		}
		return BeanRegistrationAotContribution.withCustomCodeFragments(KeepOrder::new);
	}

	private static final class KeepOrder extends BeanRegistrationCodeFragmentsDecorator {

		KeepOrder(BeanRegistrationCodeFragments delegate) {
			super(delegate);
		}

		@Override
		public CodeBlock generateSetBeanDefinitionPropertiesCode(GenerationContext generationContext,
				BeanRegistrationCode beanRegistrationCode, RootBeanDefinition beanDefinition,
				Predicate<String> attributeFilter) {
			return super.generateSetBeanDefinitionPropertiesCode(generationContext, beanRegistrationCode,
					beanDefinition, attributeFilter.or(AbstractBeanDefinition.ORDER_ATTRIBUTE::equals));
		}

	}

}
