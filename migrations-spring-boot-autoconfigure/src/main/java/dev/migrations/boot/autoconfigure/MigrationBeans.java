package dev.migrations.boot.autoconfigure;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import dev.migrations.Migration;
import dev.migrations.MigrationDefinitionException;
import dev.migrations.MigrationEntry;
import dev.migrations.MigrationException;
import dev.migrations.MigrationId;
import dev.migrations.source.JavaMigrationSource;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.util.ClassUtils;

/**
 * The Java migrations of an application context, as the auto-configured runner reads
 * them: {@link Migration} beans with {@link MigrationBean}, {@link MigrationEntry} beans,
 * and the {@link Migration} classes found by scanning, created by the bean factory. For
 * tools that migrate another database with the application's migrations, such as the
 * templates of migrated test databases; the auto-configured runners read them this way
 * too. Reads the beans on each call; thread-safe as the bean factory is.
 */
public final class MigrationBeans {

	private final ListableBeanFactory beanFactory;

	private final Set<String> instances;

	MigrationBeans(ListableBeanFactory beanFactory, Set<String> instances) {
		this.beanFactory = beanFactory;
		this.instances = Collections.unmodifiableSet(new LinkedHashSet<>(instances));
	}

	/**
	 * Return the Java migrations of a context's single auto-configured runner (without
	 * {@code migrations.instances}).
	 * @param beanFactory the context's bean factory
	 * @return the migrations
	 */
	public static MigrationBeans of(ListableBeanFactory beanFactory) {
		return new MigrationBeans(beanFactory, Set.of());
	}

	/**
	 * Return the Java migrations of a context's auto-configured runners of
	 * {@code migrations.instances}, read for one instance at a time by
	 * {@link #entries(String)} and {@link #scannedMigrations(String)}.
	 * @param beanFactory the context's bean factory
	 * @param instances the names of the configured instances
	 * @return the migrations
	 */
	public static MigrationBeans of(ListableBeanFactory beanFactory, Collection<String> instances) {
		return new MigrationBeans(beanFactory, new LinkedHashSet<>(instances));
	}

	/**
	 * Return the migrations the runner is given as beans: the {@link Migration} beans
	 * with {@link MigrationBean} and the {@link MigrationEntry} beans, in that order.
	 * @return the entries
	 * @throws MigrationDefinitionException if a {@link Migration} bean has no id or one
	 * for an instance
	 */
	public List<MigrationEntry> entries() {
		List<MigrationEntry> entries = new ArrayList<>(javaMigrations(null));
		entries.addAll(entryBeans(null));
		return entries;
	}

	/**
	 * Return the migrations the runner of one of {@code migrations.instances} is given as
	 * beans: the {@link Migration} beans whose {@link MigrationBean} names the instance.
	 * @param instance the name of the instance
	 * @return the entries
	 * @throws MigrationDefinitionException if a {@link Migration} bean has no id or names
	 * no configured instance, or a {@link MigrationEntry} bean is defined, which no
	 * instance can take
	 */
	public List<MigrationEntry> entries(String instance) {
		List<MigrationEntry> entries = new ArrayList<>(javaMigrations(instance));
		entries.addAll(entryBeans(instance));
		return entries;
	}

	/**
	 * Return the factory of the Java migrations found by scanning the packages of the
	 * {@code classpath:} locations and {@code migrations.java-packages}: each is created
	 * by the bean factory, so that its constructor is injected, unless it is a bean,
	 * which {@link #entries()} holds.
	 * @return the factory
	 */
	public JavaMigrationSource.Factory scannedMigrations() {
		return scanned(null);
	}

	/**
	 * Return the factory of the Java migrations found by scanning the packages of the
	 * {@code classpath:} locations of one of {@code migrations.instances}, as
	 * {@link #scannedMigrations()} does for the single runner.
	 * @param instance the name of the instance
	 * @return the factory
	 */
	public JavaMigrationSource.Factory scannedMigrations(String instance) {
		return scanned(instance);
	}

	List<MigrationEntry> javaMigrations(@Nullable String instanceName) {
		List<MigrationEntry> entries = new ArrayList<>();
		for (String beanName : this.beanFactory.getBeanNamesForType(Migration.class)) {
			MigrationBean annotation = this.beanFactory.findAnnotationOnBean(beanName, MigrationBean.class);
			if (annotation == null) {
				throw new MigrationDefinitionException("Migration bean '" + beanName + "' has no id.",
						MigrationRunnerFactory.correction(null,
								"annotate its class or @Bean method with @" + MigrationBean.class.getName()
										+ "(\"m_<yyyyMMddHHmmss>_<name>\"), for example "
										+ "@MigrationBean(\"m_20241201000000_create_users_table\")."),
						null);
			}
			String target = annotation.instance();
			if (instanceName == null && !target.isEmpty()) {
				throw new MigrationDefinitionException(
						"Migration bean '" + beanName + "' is for instance '" + target
								+ "', but no migrations.instances are configured.",
						MigrationRunnerFactory.correction("migrations.instances." + target,
								"remove instance = \"" + target
										+ "\" from its @MigrationBean, or configure migrations.instances." + target
										+ "."),
						null);
			}
			if (instanceName != null && !this.instances.contains(target)) {
				throw new MigrationDefinitionException(
						"Migration bean '" + beanName + "' does not name one of the configured migrations.instances "
								+ this.instances + ".",
						MigrationRunnerFactory.correction(null, "add instance = \"<name>\" to its @MigrationBean."),
						null);
			}
			if (Objects.equals(target, (instanceName != null) ? instanceName : "")) {
				entries.add(new MigrationEntry(parseId(beanName, annotation.value()),
						this.beanFactory.getBean(beanName, Migration.class), "bean '" + beanName + "'"));
			}
		}
		return entries;
	}

	/**
	 * Create the Java migrations found by scanning through the bean factory, so that
	 * their constructors are injected, with their id from {@link MigrationBean} or else
	 * as the core reads it; a class that is also a bean is registered as one, not twice.
	 */
	JavaMigrationSource.Factory scanned(@Nullable String instanceName) {
		Set<Class<?>> beanClasses = new HashSet<>();
		for (String beanName : this.beanFactory.getBeanNamesForType(Migration.class)) {
			Class<?> type = this.beanFactory.getType(beanName);
			if (type != null) {
				beanClasses.add(ClassUtils.getUserClass(type));
			}
		}
		return (type) -> {
			if (beanClasses.contains(type)) {
				return null;
			}
			MigrationBean annotation = AnnotationUtils.findAnnotation(type, MigrationBean.class);
			MigrationId id;
			if (annotation != null) {
				String target = annotation.instance();
				if (!target.isEmpty() && !target.equals(instanceName)) {
					throw new MigrationDefinitionException("Java migration " + type.getName() + " is for instance '"
							+ target + "', but was found in the locations of "
							+ ((instanceName != null) ? "migrations.instances." + instanceName : "migrations") + ".",
							MigrationRunnerFactory.correction(null,
									"move the class into a package of the locations of " + "migrations.instances."
											+ target + ", or correct instance in its @MigrationBean."),
							null);
				}
				id = parseId(type.getName(), annotation.value());
			}
			else {
				id = scannedId(type);
			}
			Migration migration = (this.beanFactory instanceof AutowireCapableBeanFactory autowiring)
					? autowiring.createBean(type) : BeanUtils.instantiateClass(type);
			return new MigrationEntry(id, migration, JavaMigrationSource.source(type));
		};
	}

	private static MigrationId scannedId(Class<?> type) {
		try {
			return JavaMigrationSource.idOf(type);
		}
		catch (MigrationDefinitionException ex) {
			throw new MigrationDefinitionException(
					"Java migration " + type.getName() + ", found by scanning, has no id.",
					MigrationRunnerFactory.correction("migrations.java-packages", "annotate the class with @"
							+ MigrationBean.class.getName() + "(\"m_<yyyyMMddHHmmss>_<name>\"), "
							+ "name it after its id (M20241201000000_CreateUsersTable), or give it a constant "
							+ "public static final MigrationId ID; or move it out of the scanned packages (those "
							+ "of the classpath: locations, and migrations.java-packages)."),
					ex);
		}
	}

	List<MigrationEntry> entryBeans(@Nullable String instanceName) {
		List<MigrationEntry> entries = this.beanFactory.getBeanProvider(MigrationEntry.class).orderedStream().toList();
		if (instanceName != null && !entries.isEmpty()) {
			throw new MigrationDefinitionException(
					"MigrationEntry beans cannot be assigned to one of several migrations.instances.",
					MigrationRunnerFactory.correction(null, "declare each as a Migration bean with "
							+ "@MigrationBean(value = \"m_...\", instance = \"<name>\") instead."),
					null);
		}
		return entries;
	}

	private static MigrationId parseId(String beanName, String id) {
		try {
			return MigrationId.parse(id);
		}
		catch (MigrationException ex) {
			throw new MigrationDefinitionException("Migration bean '" + beanName + "': " + ex.getMessage());
		}
	}

}
