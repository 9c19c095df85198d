package dev.migrations.source;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.migrations.Migration;
import dev.migrations.MigrationDefinitionException;
import dev.migrations.MigrationEntry;
import dev.migrations.MigrationId;
import org.jspecify.annotations.Nullable;

/**
 * Finds Java migrations by scanning packages: the classes that implement
 * {@link Migration} in the package each {@code classpath:} location names
 * ({@code classpath:db/migrations} names {@code db.migrations}; SQL files and classes
 * share a location, as in Flyway) and its sub-packages, and in packages named explicitly,
 * in directories and in jars. {@code filesystem:} locations hold no classes and are
 * passed over.
 * <p>
 * Skipped by rule: interfaces, abstract classes, enums, records, anonymous and local
 * classes, and inner classes (nested classes that are not {@code static}), none of which
 * the source could create; {@code static} nested classes are found like top-level ones. A
 * class found is an error unless it has an id and a constructor without parameters (any
 * visibility).
 * <p>
 * A class's id is, in order: the value of a {@code static final MigrationId} field named
 * {@code ID} (as {@code make:migration --java} writes it), or else its simple name, read
 * as {@code M20241201000000_CreateUsersTable} or
 * {@code m_20241201000000_create_users_table}: an optional {@code M} or {@code m_}, the
 * 14-digit timestamp, an underscore, then the name, whose camel case becomes snake case.
 * Thread-safe.
 */
public final class JavaMigrationSource {

	/**
	 * Creates the entry of each scanned class; a front end that creates objects its own
	 * way (dependency injection, ids from its own annotation) supplies one.
	 */
	@FunctionalInterface
	public interface Factory {

		/**
		 * Create the entry of a migration class.
		 * @param type the class
		 * @return the entry, or {@code null} to leave the class out
		 */
		@Nullable MigrationEntry create(Class<? extends Migration> type);

	}

	private static final String CLASS_SUFFIX = ".class";

	private final List<String> locations;

	private final List<String> packages;

	private final ClassLoader classLoader;

	private final List<String> knownClasses;

	/**
	 * Create a source.
	 * @param locations the migration locations; the packages their {@code classpath:}
	 * paths name are scanned
	 * @param packages further packages to scan, such as {@code com.example.migrations}
	 * @param classLoader the class loader to find and load the classes with
	 */
	public JavaMigrationSource(List<String> locations, List<String> packages, ClassLoader classLoader) {
		this(locations, packages, classLoader, List.of());
	}

	/**
	 * Create a source that also has classes known without scanning, those a
	 * {@link MigrationIndex} lists.
	 */
	JavaMigrationSource(List<String> locations, List<String> packages, ClassLoader classLoader,
			List<String> knownClasses) {
		this.locations = List.copyOf(locations);
		this.packages = List.copyOf(packages);
		this.classLoader = classLoader;
		this.knownClasses = List.copyOf(knownClasses);
	}

	/**
	 * Return a source whose locations name the database: each {@code {vendor}} and
	 * {@code {database}} replaced by its name, as
	 * {@link SqlMigrationSource#withDatabase(String)} does.
	 * @param database the name of the database's dialect, such as {@code postgresql}
	 * @return the source for that database
	 */
	public JavaMigrationSource withDatabase(String database) {
		return new JavaMigrationSource(
				this.locations.stream().map((location) -> SqlMigrationSource.forDatabase(location, database)).toList(),
				this.packages, this.classLoader, this.knownClasses);
	}

	/**
	 * List the migration classes in the scanned packages, without creating any: what a
	 * build-time step (an index of the migrations, native image hints) needs to know.
	 * Classes are loaded but not initialized.
	 * @return the classes, each once, sorted by name
	 * @throws MigrationDefinitionException if a location holds a placeholder, a package
	 * name is malformed, or a class found cannot be loaded
	 */
	public List<Class<? extends Migration>> findClasses() {
		Set<String> classNames = new LinkedHashSet<>(this.knownClasses);
		LocationWalker walker = new LocationWalker(this.classLoader);
		for (String location : this.locations) {
			if (location.startsWith(LocationWalker.FILESYSTEM)) {
				continue;
			}
			String placeholder = SqlMigrationSource.placeholder(location);
			if (placeholder != null) {
				throw new MigrationDefinitionException("Migration location " + location + " names " + placeholder
						+ ", which only a source that knows the database replaces. Call withDatabase(name) on the "
						+ "source, or let MigrationRunner.builder() load the migrations: it knows the database.");
			}
			scan(LocationWalker.resourcePath(location), location, walker, classNames);
		}
		for (String packageName : this.packages) {
			if (!packageName.matches("\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*"
					+ "(\\.\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*)*")) {
				throw new MigrationDefinitionException("Java migration package '" + packageName
						+ "' is not a package name: expected dot-separated Java identifiers, such as "
						+ "com.example.migrations.");
			}
			scan(packageName.replace('.', '/'), "package " + packageName, walker, classNames);
		}
		List<Class<? extends Migration>> classes = new ArrayList<>();
		for (String className : classNames) {
			Class<? extends Migration> type = migrationClass(className);
			if (type != null) {
				classes.add(type);
			}
		}
		classes.sort(Comparator.comparing(Class::getName));
		return List.copyOf(classes);
	}

	/**
	 * Find the migration classes and create each through its constructor without
	 * parameters.
	 * @return the entries, sorted by class name
	 * @throws MigrationDefinitionException as {@link #findClasses()} does, and if a class
	 * has no id or no constructor without parameters, or its constructor fails
	 */
	public List<MigrationEntry> load() {
		return load(JavaMigrationSource::entry, List.of());
	}

	/**
	 * Find the migration classes and turn each into an entry through a factory, leaving
	 * out the classes of migrations registered otherwise, so that none is found twice.
	 * @param factory creates the entry of each class
	 * @param registered the migrations registered otherwise; a class that is exactly the
	 * class of one of them is left out
	 * @return the entries, sorted by class name
	 * @throws MigrationDefinitionException as {@link #findClasses()} and the factory do
	 */
	public List<MigrationEntry> load(Factory factory, Collection<MigrationEntry> registered) {
		Set<Class<?>> registeredClasses = new HashSet<>();
		registered.forEach((entry) -> registeredClasses.add(entry.migration().getClass()));
		List<MigrationEntry> entries = new ArrayList<>();
		for (Class<? extends Migration> type : findClasses()) {
			if (!registeredClasses.contains(type)) {
				MigrationEntry entry = factory.create(type);
				if (entry != null) {
					entries.add(entry);
				}
			}
		}
		return entries;
	}

	/**
	 * Return the entry of a migration class as {@link #load()} creates it: its id from
	 * {@link #idOf(Class)}, an instance from its constructor without parameters.
	 * @param type the class
	 * @return the entry
	 * @throws MigrationDefinitionException if the class has no id or no constructor
	 * without parameters, or its constructor fails
	 */
	public static MigrationEntry entry(Class<? extends Migration> type) {
		return new MigrationEntry(idOf(type), create(type), source(type));
	}

	/**
	 * Return the id of a migration class: the value of its {@code static final} field
	 * {@code ID} of type {@link MigrationId}, or else the id its simple name spells.
	 * @param type the class
	 * @return the id
	 * @throws MigrationDefinitionException if the class has neither
	 */
	public static MigrationId idOf(Class<?> type) {
		MigrationId constant = idConstant(type);
		if (constant != null) {
			return constant;
		}
		MigrationId fromName = idFromName(type.getSimpleName());
		if (fromName == null) {
			throw new MigrationDefinitionException("Java migration " + type.getName() + " has no id. Name the class "
					+ "after its id, such as M20241201000000_CreateUsersTable, or give it a constant "
					+ "public static final MigrationId ID = MigrationId.parse(\"m_20241201000000_create_users_table\")"
					+ "; or move the class out of the scanned packages.");
		}
		return fromName;
	}

	/**
	 * Return the source a scanned class is reported with: {@code class} and its name.
	 * @param type the class
	 * @return the source
	 */
	public static String source(Class<?> type) {
		return "class " + type.getName();
	}

	private void scan(String path, String where, LocationWalker walker, Set<String> classNames) {
		String packagePrefix = path.isEmpty() ? "" : path.replace('/', '.') + ".";
		try {
			walker.walkClasspath(path, (relativePath, content) -> {
				if (relativePath.endsWith(CLASS_SUFFIX) && !relativePath.endsWith("module-info.class")
						&& !relativePath.endsWith("package-info.class")) {
					String name = relativePath.substring(0, relativePath.length() - CLASS_SUFFIX.length());
					classNames.add(packagePrefix + name.replace('/', '.'));
				}
			});
		}
		catch (IOException ex) {
			throw new MigrationDefinitionException("Could not list the Java migrations of " + where + ": " + ex, ex);
		}
	}

	private @Nullable Class<? extends Migration> migrationClass(String className) {
		Class<?> type;
		try {
			type = Class.forName(className, false, this.classLoader);
		}
		catch (ClassNotFoundException | LinkageError ex) {
			throw new MigrationDefinitionException(
					"Could not load class " + className + ", found where Java " + "migrations are scanned for: " + ex
							+ ". Add what it needs to the class path, or move it out " + "of the scanned packages.",
					ex);
		}
		if (!Migration.class.isAssignableFrom(type) || type.isInterface() || type.isEnum() || type.isRecord()
				|| Modifier.isAbstract(type.getModifiers()) || type.isAnonymousClass() || type.isLocalClass()
				|| type.isSynthetic() || (type.isMemberClass() && !Modifier.isStatic(type.getModifiers()))) {
			return null;
		}
		return type.asSubclass(Migration.class);
	}

	private static @Nullable MigrationId idConstant(Class<?> type) {
		Field field;
		try {
			field = type.getDeclaredField("ID");
		}
		catch (NoSuchFieldException ex) {
			return null;
		}
		int modifiers = field.getModifiers();
		if (field.getType() != MigrationId.class || !Modifier.isStatic(modifiers) || !Modifier.isFinal(modifiers)) {
			return null;
		}
		try {
			field.setAccessible(true);
			return (MigrationId) field.get(null);
		}
		catch (ReflectiveOperationException | RuntimeException | ExceptionInInitializerError ex) {
			Throwable cause = (ex instanceof ExceptionInInitializerError error && error.getCause() != null)
					? error.getCause() : ex;
			throw new MigrationDefinitionException(
					"Could not read the id of Java migration " + type.getName() + " (its field ID): " + cause, cause);
		}
	}

	/**
	 * Return the id a class's simple name spells, or {@code null} when it spells none.
	 */
	static @Nullable MigrationId idFromName(String simpleName) {
		Matcher matcher = ClassName.ID.matcher(simpleName);
		if (!matcher.matches()) {
			return null;
		}
		String slug = ClassName.WORD_BOUNDARY.matcher(matcher.group(2)).replaceAll("_").toLowerCase(Locale.ROOT);
		try {
			return MigrationId.parse(matcher.group(1) + "_" + slug);
		}
		catch (MigrationDefinitionException ex) {
			return null;
		}
	}

	/**
	 * The patterns of a class name that spells an id, compiled when a location first
	 * holds a class: a start whose locations hold only scripts compiles neither.
	 */
	private static final class ClassName {

		private static final Pattern ID = Pattern.compile("[Mm]_?(\\d{14})_(\\w+)");

		private static final Pattern WORD_BOUNDARY = Pattern.compile("(?<=[a-z0-9])(?=[A-Z])");

	}

	private static Migration create(Class<? extends Migration> type) {
		Constructor<? extends Migration> constructor;
		try {
			constructor = type.getDeclaredConstructor();
		}
		catch (NoSuchMethodException ex) {
			throw new MigrationDefinitionException("Java migration " + type.getName() + " has no constructor "
					+ "without parameters, so it cannot be created. Add one, or register an instance with "
					+ "MigrationEntry.of(id, migration) and move the class out of the scanned packages.", ex);
		}
		try {
			constructor.setAccessible(true);
			return constructor.newInstance();
		}
		catch (InvocationTargetException ex) {
			throw new MigrationDefinitionException("Java migration " + type.getName()
					+ " could not be created: its constructor threw " + ex.getCause(), ex.getCause());
		}
		catch (ReflectiveOperationException | RuntimeException | ExceptionInInitializerError ex) {
			throw new MigrationDefinitionException("Java migration " + type.getName() + " could not be created: " + ex,
					ex);
		}
	}

}
