package dev.migrations.boot.autoconfigure;

import java.sql.Driver;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import dev.migrations.Credentials;
import dev.migrations.MigrationDefinitionException;
import dev.migrations.MigrationException;
import dev.migrations.MigrationId;
import dev.migrations.Remedy;
import dev.migrations.boot.autoconfigure.MigrationsProperties.Instance;
import dev.migrations.runner.MigrationRunner;
import org.jspecify.annotations.Nullable;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * The placeholders, target, init SQL, connect retries and schema creation of one runner,
 * an instance's own values over the top-level ones, checked where the properties that set
 * them are known so that a failure names the property.
 *
 * @param placeholders the values of the placeholders
 * @param placeholdersProperty the property that sets them
 * @param placeholderReplacement whether placeholders are replaced
 * @param target the last migration to apply, or {@code null}
 * @param initSqls the statements run on each connection
 * @param connectRetries how many times to try the first connection again
 * @param connectRetriesInterval the longest wait between two attempts
 * @param createSchemas whether to create the ledger schema
 */
record RunSettings(Map<String, String> placeholders, String placeholdersProperty, boolean placeholderReplacement,
		@Nullable MigrationId target, List<String> initSqls, int connectRetries, Duration connectRetriesInterval,
		boolean createSchemas) {

	/**
	 * Return the settings of the single runner the top-level properties describe.
	 */
	static RunSettings of(MigrationsProperties properties) {
		return new RunSettings(properties.getPlaceholders(), "migrations.placeholders",
				properties.isPlaceholderReplacement(), target(properties.getTarget(), "migrations.target"),
				properties.getInitSqls(), retries(properties.getConnectRetries(), "migrations.connect-retries"),
				interval(properties.getConnectRetriesInterval(), "migrations.connect-retries-interval"),
				properties.isCreateSchemas());
	}

	/**
	 * Return the settings of one instance: its own values, else the top-level ones, but
	 * for the target, which is the instance's alone.
	 */
	static RunSettings of(MigrationsProperties properties, Instance instance, String prefix) {
		Map<String, String> placeholders = new LinkedHashMap<>(properties.getPlaceholders());
		if (instance.getPlaceholders() != null) {
			placeholders.putAll(instance.getPlaceholders());
		}
		Integer retries = instance.getConnectRetries();
		return new RunSettings(placeholders,
				(instance.getPlaceholders() != null) ? prefix + ".placeholders" : "migrations.placeholders",
				Objects.requireNonNullElse(instance.getPlaceholderReplacement(), properties.isPlaceholderReplacement()),
				target(instance.getTarget(), prefix + ".target"),
				Objects.requireNonNullElse(instance.getInitSqls(), properties.getInitSqls()),
				(retries != null) ? retries(retries, prefix + ".connect-retries")
						: retries(properties.getConnectRetries(), "migrations.connect-retries"),
				(instance.getConnectRetriesInterval() != null)
						? interval(instance.getConnectRetriesInterval(), prefix + ".connect-retries-interval")
						: interval(properties.getConnectRetriesInterval(), "migrations.connect-retries-interval"),
				Objects.requireNonNullElse(instance.getCreateSchemas(), properties.isCreateSchemas()));
	}

	/**
	 * Set these settings on a builder.
	 */
	void applyTo(MigrationRunner.Builder builder) {
		try {
			builder.placeholders(this.placeholders);
		}
		catch (MigrationDefinitionException ex) {
			throw new MigrationDefinitionException(ex.description(), correction(this.placeholdersProperty,
					"rename the placeholder in " + this.placeholdersProperty + " and in the SQL files."), ex);
		}
		builder.placeholderReplacement(this.placeholderReplacement)
			.target(this.target)
			.initSqls(this.initSqls.stream().filter(StringUtils::hasText).toList())
			.connectRetries(this.connectRetries)
			.connectRetriesInterval(this.connectRetriesInterval)
			.createSchemas(this.createSchemas);
	}

	/**
	 * Load a configured JDBC driver class now, so that a missing or mistyped one, or the
	 * driver of another database, fails naming the class and the property instead of at
	 * the first connection.
	 * @param className the class
	 * @param property the property that names it
	 * @param url the URL it is to open
	 * @param classLoader the application's class loader
	 * @return the class name
	 */
	static String requireDriver(String className, String property, String url, ClassLoader classLoader) {
		Class<?> type;
		try {
			type = ClassUtils.forName(className.strip(), classLoader);
		}
		catch (ClassNotFoundException | LinkageError ex) {
			throw new MigrationException(
					"The JDBC driver " + className + " (" + property + ") is not on the class " + "path.",
					correction(property, "add the driver's jar to the application's dependencies, or " + "correct "
							+ property + "; then start the application again."),
					ex);
		}
		if (!Driver.class.isAssignableFrom(type)) {
			throw new MigrationException(
					"The class " + className + " (" + property + ") is not a JDBC driver: it "
							+ "does not implement java.sql.Driver.",
					correction(property, "name the driver class, such as "
							+ "org.postgresql.Driver or org.mariadb.jdbc.Driver; then start the application again."),
					null);
		}
		if (!accepts(type, url)) {
			throw new MigrationException(
					"The JDBC driver " + className + " (" + property + ") does not accept the URL '"
							+ Credentials.mask(url) + "': it is the driver of another database.",
					correction(property, "name the driver of the URL's database, such as org.postgresql.Driver "
							+ "for jdbc:postgresql: or org.mariadb.jdbc.Driver for jdbc:mariadb:, or remove " + property
							+ " to have the driver found from the URL; then start the application " + "again."),
					null);
		}
		return type.getName();
	}

	/**
	 * Return whether a driver accepts a URL, or may: a driver that cannot be created here
	 * is left to fail when it connects, with its own error.
	 */
	private static boolean accepts(Class<?> driver, String url) {
		try {
			return ((Driver) driver.getDeclaredConstructor().newInstance()).acceptsURL(url);
		}
		catch (ReflectiveOperationException | SQLException | RuntimeException | LinkageError ex) {
			return true;
		}
	}

	private static @Nullable MigrationId target(@Nullable String target, String property) {
		if (!StringUtils.hasText(target)) {
			return null;
		}
		try {
			return MigrationId.parse(target.strip());
		}
		catch (MigrationException ex) {
			throw new MigrationDefinitionException(
					"The target " + property + "='" + target + "' is not a migration id: " + ex.getMessage(),
					correction(property, "set it to the id of a migration, its file name without .up.sql or .sql, "
							+ "such as 20240102000000_add_orders."),
					ex);
		}
	}

	private static int retries(int retries, String property) {
		if (retries < 0) {
			throw new MigrationDefinitionException(property + " is " + retries + ".",
					correction(property, "set it to 0 or more."), null);
		}
		return retries;
	}

	private static Duration interval(Duration interval, String property) {
		boolean representable;
		try {
			representable = interval.toMillis() >= 0;
		}
		catch (ArithmeticException ex) {
			representable = false;
		}
		if (!representable) {
			// As written in a property (-5s), not as ISO-8601 (PT-5S)
			String written = interval.toString().substring(2).toLowerCase(Locale.ROOT);
			throw new MigrationDefinitionException(property + " is " + written + ".",
					correction(property, "set it to a duration of 0 or more that fits in milliseconds, such as "
							+ "10s or 2m (a number without a unit is seconds)."),
					null);
		}
		return interval;
	}

	private static Remedy correction(String property, String step) {
		return Remedy.of(Remedy.Kind.CORRECT_CONFIGURATION)
			.with(Remedy.Fact.STEP, step)
			.with(Remedy.Fact.SETTING, property);
	}

}
