package dev.migrations.test.spring;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Adds {@link MigratedDatabaseContextCustomizer} to the context of a test class annotated
 * with {@link AutoConfigureMigratedDatabase}; registered in
 * {@code META-INF/spring.factories}.
 */
class MigratedDatabaseContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public @Nullable ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		AutoConfigureMigratedDatabase annotation = TestContextAnnotationUtils.findMergedAnnotation(testClass,
				AutoConfigureMigratedDatabase.class);
		if (annotation == null) {
			return null;
		}
		String variable = annotation.urlVariable();
		String value = System.getProperty(variable, System.getenv(variable));
		return new MigratedDatabaseContextCustomizer(annotation.url(), variable, (value != null) ? value : "");
	}

}
