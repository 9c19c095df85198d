package dev.migrations.test.spring;

import java.util.List;

import dev.migrations.MigrationEntry;
import dev.migrations.boot.autoconfigure.MigrationBeans;
import dev.migrations.boot.autoconfigure.MigrationsProperties;
import dev.migrations.test.DatabaseTemplate;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.util.ClassUtils;

/**
 * Adds to a template what the auto-configured runner migrates besides the SQL files of
 * its locations: the Java migrations of the context (beans, entries, classes found by
 * scanning the locations' packages and {@code migrations.java-packages}) and
 * {@code migrations.placeholders}. Loaded only when the starter's auto-configuration is
 * on the class path.
 */
final class ApplicationMigrations {

	private static final String MIGRATION_BEANS = "dev.migrations.boot.autoconfigure.MigrationBeans";

	private ApplicationMigrations() {
	}

	/**
	 * Whether the starter's auto-configuration, which reads the application's Java
	 * migrations, is on the class path.
	 * @param classLoader the class loader of the application
	 * @return whether it is
	 */
	static boolean arePresent(ClassLoader classLoader) {
		return ClassUtils.isPresent(MIGRATION_BEANS, classLoader);
	}

	/**
	 * Return the template with the application's Java migrations and placeholders, or
	 * unchanged when {@code migrations.instances} are configured.
	 * @param template the template of the locations and ledger table
	 * @param beanFactory the application's bean factory
	 * @return the template
	 */
	static DatabaseTemplate addTo(DatabaseTemplate template, ListableBeanFactory beanFactory) {
		MigrationsProperties properties = beanFactory.getBeanProvider(MigrationsProperties.class).getIfAvailable();
		if (properties != null && !properties.getInstances().isEmpty()) {
			// Each instance has its own Java migrations and ledger: no one template
			// holds them
			return template;
		}
		MigrationBeans beans = MigrationBeans.of(beanFactory);
		List<MigrationEntry> entries = beans.entries();
		DatabaseTemplate withJava = template.withEntries(entries.toArray(MigrationEntry[]::new))
			.withJavaMigrationFactory(beans.scannedMigrations());
		if (properties == null) {
			return withJava;
		}
		DatabaseTemplate scanning = withJava.withJavaPackages(properties.getJavaPackages().toArray(String[]::new));
		return properties.isPlaceholderReplacement() ? scanning.withPlaceholders(properties.getPlaceholders())
				: scanning;
	}

}
