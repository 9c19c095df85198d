package dev.migrations.boot.autoconfigure;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.migrations.Migration;
import dev.migrations.boot.autoconfigure.MigrationsProperties.Instance;
import dev.migrations.runner.MigrationRunner;
import dev.migrations.source.JavaMigrationSource;
import dev.migrations.source.MigrationIndex;
import dev.migrations.source.SqlMigrationSource;
import org.jspecify.annotations.Nullable;
import org.springframework.aot.generate.GenerationContext;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotContribution;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotProcessor;
import org.springframework.beans.factory.aot.BeanFactoryInitializationCode;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

/**
 * Lists, reads and checksums the SQL migrations of the configured class path locations
 * when the application is built ahead of time ({@code process-aot}), and writes them as
 * the {@link MigrationIndex} the runners read at start-up instead. Registers the runtime
 * hints of a native image: the scripts and the index as resources, and the
 * {@link Migration} beans' types for the reflection that tells whether they define
 * {@code down}.
 */
final class MigrationsAotProcessor implements BeanFactoryInitializationAotProcessor {

	@Override
	public @Nullable BeanFactoryInitializationAotContribution processAheadOfTime(
			ConfigurableListableBeanFactory beanFactory) {
		if (beanFactory.getBeanNamesForType(MigrationRunner.class, true, false).length == 0
				|| !beanFactory.containsBean(ConfigurableApplicationContext.ENVIRONMENT_BEAN_NAME)) {
			return null;
		}
		Environment environment = beanFactory.getBean(ConfigurableApplicationContext.ENVIRONMENT_BEAN_NAME,
				Environment.class);
		MigrationsProperties properties = Binder.get(environment)
			.bind("migrations", MigrationsProperties.class)
			.orElseGet(MigrationsProperties::new);
		ClassLoader classLoader = beanFactory.getBeanClassLoader();
		if (classLoader == null) {
			classLoader = MigrationsAotProcessor.class.getClassLoader();
		}
		MigrationIndex index = MigrationIndex.build(locations(properties), classLoader, properties.getEncoding());
		List<Class<?>> migrationTypes = new ArrayList<>();
		for (String beanName : beanFactory.getBeanNamesForType(Migration.class, true, false)) {
			Class<?> type = beanFactory.getType(beanName, false);
			if (type != null) {
				migrationTypes.add(ClassUtils.getUserClass(type));
			}
		}
		return new Contribution(index, migrationTypes, scannedTypes(properties, classLoader));
	}

	/**
	 * The Java migrations that scanning finds in the packages the locations name and in
	 * {@code migrations.java-packages}, for every database a {@code {vendor}} location
	 * can name. They are created by reflection at start-up.
	 */
	static Set<Class<?>> scannedTypes(MigrationsProperties properties, ClassLoader classLoader) {
		Set<Class<?>> types = new LinkedHashSet<>();
		JavaMigrationSource source = new JavaMigrationSource(locations(properties), properties.getJavaPackages(),
				classLoader);
		for (String database : MigrationIndex.databases()) {
			types.addAll(source.withDatabase(database).findClasses());
		}
		return types;
	}

	/**
	 * The locations the auto-configured runners read: those of each instance when
	 * {@code migrations.instances} are configured, else {@code migrations.locations}.
	 */
	static List<String> locations(MigrationsProperties properties) {
		Map<String, Instance> instances = properties.getInstances();
		if (instances.isEmpty()) {
			return properties.getLocations();
		}
		Set<String> locations = new LinkedHashSet<>();
		instances.forEach((name, instance) -> locations.addAll((instance.getLocations() != null)
				? instance.getLocations() : List.of(SqlMigrationSource.DEFAULT_LOCATION + "/" + name)));
		return List.copyOf(locations);
	}

	/**
	 * Writes the index and registers the hints.
	 */
	private static final class Contribution implements BeanFactoryInitializationAotContribution {

		private final MigrationIndex index;

		private final List<Class<?>> migrationTypes;

		private final Set<Class<?>> scannedTypes;

		Contribution(MigrationIndex index, List<Class<?>> migrationTypes, Set<Class<?>> scannedTypes) {
			this.index = index;
			this.migrationTypes = migrationTypes;
			this.scannedTypes = scannedTypes;
		}

		@Override
		public void applyTo(GenerationContext generationContext,
				BeanFactoryInitializationCode beanFactoryInitializationCode) {
			generationContext.getGeneratedFiles().addResourceFile(MigrationIndex.RESOURCE, this.index.text());
			RuntimeHints hints = generationContext.getRuntimeHints();
			hints.resources().registerPattern(MigrationIndex.RESOURCE);
			for (String location : this.index.locations()) {
				String path = SqlMigrationSource.classpathPath(location);
				if (path != null) {
					hints.resources().registerPattern(path.isEmpty() ? "*.sql" : path + "/**/*.sql");
				}
			}
			for (Class<?> type : this.migrationTypes) {
				hints.reflection().registerType(type, MemberCategory.INVOKE_PUBLIC_METHODS);
			}
			// Created through their constructors; an id may come from a static ID field
			for (Class<?> type : this.scannedTypes) {
				hints.reflection()
					.registerType(type, MemberCategory.INVOKE_DECLARED_CONSTRUCTORS,
							MemberCategory.INVOKE_PUBLIC_METHODS, MemberCategory.ACCESS_DECLARED_FIELDS);
			}
		}

	}

}
