package dev.migrations.testing;

import java.lang.reflect.Method;
import java.util.List;

import org.junit.jupiter.api.DisplayNameGenerator;

/**
 * Appends the database to every test's display name, such as
 * {@code appliesPendingMigrationsInOrder() [postgresql]}.
 */
public class DatabaseDisplayNames extends DisplayNameGenerator.Standard {

	@Override
	public String generateDisplayNameForClass(Class<?> testClass) {
		return super.generateDisplayNameForClass(testClass) + suffix(testClass);
	}

	@Override
	public String generateDisplayNameForMethod(List<Class<?>> enclosingInstanceTypes, Class<?> testClass,
			Method testMethod) {
		return super.generateDisplayNameForMethod(enclosingInstanceTypes, testClass, testMethod) + suffix(testClass);
	}

	private static String suffix(Class<?> testClass) {
		OnDatabase database = testClass.getAnnotation(OnDatabase.class);
		return (database != null) ? " [" + database.value().displayName() + "]" : "";
	}

}
