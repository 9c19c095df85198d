package dev.migrations.test.spring;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import javax.sql.DataSource;

import dev.migrations.MigrationEntry;
import dev.migrations.boot.autoconfigure.MigrationBeans;
import dev.migrations.boot.autoconfigure.MigrationsProperties;
import dev.migrations.boot.autoconfigure.MigrationsProperties.Instance;
import dev.migrations.test.DatabaseTemplate;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * Adds to a template what the auto-configured runner of a DataSource migrates besides the
 * SQL files of {@code migrations.locations}: the Java migrations of the context (beans,
 * entries, classes found by scanning the locations' packages and
 * {@code migrations.java-packages}) and {@code migrations.placeholders}; or, with
 * {@code migrations.instances}, everything the runner of the one instance that migrates
 * the DataSource has. Loaded only when the starter's auto-configuration is on the class
 * path.
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
	 * Return the template of what the runner of a DataSource bean migrates: with the
	 * application's Java migrations and placeholders, or, when
	 * {@code migrations.instances} are configured, the locations, ledger table, Java
	 * migrations and placeholders of the one instance that migrates the bean; unchanged
	 * when none or several do.
	 * @param template the template of the locations and ledger table
	 * @param beanFactory the application's bean factory
	 * @param dataSourceName the name of the DataSource bean
	 * @return the template
	 */
	static DatabaseTemplate addTo(DatabaseTemplate template, ConfigurableListableBeanFactory beanFactory,
			String dataSourceName) {
		MigrationsProperties properties = beanFactory.getBeanProvider(MigrationsProperties.class).getIfAvailable();
		if (properties != null && !properties.getInstances().isEmpty()) {
			Map.Entry<String, Instance> instance = instanceOf(properties, beanFactory, dataSourceName);
			return (instance != null) ? instanceTemplate(template, beanFactory, properties, instance) : template;
		}
		MigrationBeans beans = MigrationBeans.of(beanFactory);
		DatabaseTemplate withJava = template.withEntries(beans.entries().toArray(MigrationEntry[]::new))
			.withJavaMigrationFactory(beans.scannedMigrations());
		if (properties == null) {
			return withJava;
		}
		DatabaseTemplate scanning = withJava.withJavaPackages(properties.getJavaPackages().toArray(String[]::new));
		return properties.isPlaceholderReplacement() ? scanning.withPlaceholders(properties.getPlaceholders())
				: scanning;
	}

	/**
	 * Return the one enabled instance whose runner migrates a DataSource bean: the one
	 * whose {@code data-source} names it or, for instances with neither
	 * {@code data-source} nor {@code url}, the application's only or primary DataSource.
	 */
	private static Map.@Nullable Entry<String, Instance> instanceOf(MigrationsProperties properties,
			ConfigurableListableBeanFactory beanFactory, String dataSourceName) {
		boolean theApplications = isTheApplicationsDataSource(beanFactory, dataSourceName);
		List<Map.Entry<String, Instance>> instances = new ArrayList<>();
		for (Map.Entry<String, Instance> entry : properties.getInstances().entrySet()) {
			Instance instance = entry.getValue();
			String named = instance.getDataSource();
			boolean migrates = (named != null) ? named.equals(dataSourceName)
					: !StringUtils.hasText(instance.getUrl()) && theApplications;
			if (instance.isEnabled() && migrates) {
				instances.add(entry);
			}
		}
		return (instances.size() == 1) ? instances.get(0) : null;
	}

	private static boolean isTheApplicationsDataSource(ConfigurableListableBeanFactory beanFactory,
			String dataSourceName) {
		String[] names = beanFactory.getBeanNamesForType(DataSource.class, true, false);
		return (names.length == 1) ? names[0].equals(dataSourceName)
				: beanFactory.containsBeanDefinition(dataSourceName)
						&& beanFactory.getBeanDefinition(dataSourceName).isPrimary();
	}

	/**
	 * Return the template of an instance's runner, its settings read as the starter reads
	 * them: locations {@code classpath:db/migrations/<name>} and the top-level ledger
	 * table unless it sets its own, its placeholders added to the top-level ones.
	 */
	private static DatabaseTemplate instanceTemplate(DatabaseTemplate template,
			ConfigurableListableBeanFactory beanFactory, MigrationsProperties properties,
			Map.Entry<String, Instance> nameAndInstance) {
		String name = nameAndInstance.getKey();
		Instance instance = nameAndInstance.getValue();
		MigrationBeans beans = MigrationBeans.of(beanFactory, properties.getInstances().keySet());
		List<String> locations = Objects.requireNonNullElse(instance.getLocations(),
				List.of("classpath:db/migrations/" + name));
		DatabaseTemplate withJava = template.withLocations(locations.toArray(String[]::new))
			.withTable(Objects.requireNonNullElse(instance.getTable(), properties.getTable()))
			.withEntries(beans.entries(name).toArray(MigrationEntry[]::new))
			.withJavaMigrationFactory(beans.scannedMigrations(name));
		Map<String, String> placeholders = new LinkedHashMap<>(properties.getPlaceholders());
		placeholders.putAll(Objects.requireNonNullElse(instance.getPlaceholders(), Map.of()));
		boolean replacement = Objects.requireNonNullElse(instance.getPlaceholderReplacement(),
				properties.isPlaceholderReplacement());
		return replacement ? withJava.withPlaceholders(placeholders) : withJava;
	}

}
