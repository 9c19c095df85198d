package dev.migrations.boot.autoconfigure;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.jdbc.EmbeddedDatabaseConnection;
import org.springframework.core.env.Environment;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.util.StringUtils;

/**
 * Warns at startup when Spring Boot's own SQL initialization ({@code spring.sql.init})
 * would run {@code schema.sql} and {@code data.sql} scripts against the DataSource that
 * migrations manage: after the migrations, so that what they create exists already, or
 * rows are inserted twice. Reads the settings as Spring Boot does: {@code mode}
 * ({@code embedded} by default), {@code platform} ({@code all}) and the schema and data
 * locations.
 */
final class SqlInitializationOverlap {

	private static final Logger logger = LoggerFactory.getLogger(SqlInitializationOverlap.class);

	private static final String OPTIONAL = "optional:";

	private SqlInitializationOverlap() {
	}

	/**
	 * Log the warning, if Spring Boot would run scripts against the DataSource.
	 * @param environment the environment
	 * @param classLoader the class loader to find the scripts with
	 * @param dataSource the DataSource that migrations manage, the application's own
	 */
	static void warnIfOverlapping(Environment environment, ClassLoader classLoader, DataSource dataSource) {
		String warning = warning(environment, classLoader, dataSource);
		if (warning != null) {
			logger.warn(warning);
		}
	}

	/**
	 * Return the warning, or {@code null} when Spring Boot would run no script against
	 * the DataSource.
	 */
	static @Nullable String warning(Environment environment, ClassLoader classLoader, DataSource dataSource) {
		String mode = environment.getProperty("spring.sql.init.mode", "embedded").toLowerCase(Locale.ROOT);
		if (!mode.equals("always") && !mode.equals("embedded")) {
			return null;
		}
		if (mode.equals("embedded") && !mayBeEmbedded(dataSource, classLoader)) {
			return null;
		}
		String platform = environment.getProperty("spring.sql.init.platform", "all");
		PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(classLoader);
		List<String> scripts = new ArrayList<>();
		Binder binder = Binder.get(environment);
		scripts.addAll(existing(resolver, locations(binder, "schema", platform)));
		scripts.addAll(existing(resolver, locations(binder, "data", platform)));
		if (scripts.isEmpty()) {
			return null;
		}
		if (mode.equals("embedded") && !isEmbedded(dataSource)) {
			return null;
		}
		String why = mode.equals("always") ? "spring.sql.init.mode=always"
				: "spring.sql.init.mode is embedded (the default) and the database is embedded";
		return why + ", so Spring Boot runs " + String.join(", ", scripts) + " against the DataSource that "
				+ "migrations manage, after the migrations have run: a table the migrations create exists already, "
				+ "or rows are inserted twice. Move the scripts into migrations (see "
				+ "docs/migrating-from-spring-sql-init.md: schema.sql becomes the first migration, "
				+ "schema-{platform}.sql a {vendor} folder) and set spring.sql.init.mode=never.";
	}

	/**
	 * The locations Spring Boot reads: the configured ones, or else
	 * {@code schema-<platform>.sql} and {@code schema.sql} (and the same for data).
	 */
	private static List<String> locations(Binder binder, String kind, String platform) {
		List<String> configured = binder.bind("spring.sql.init." + kind + "-locations", Bindable.listOf(String.class))
			.orElse(null);
		if (configured != null) {
			return configured;
		}
		return List.of("optional:classpath*:" + kind + "-" + platform + ".sql", "optional:classpath*:" + kind + ".sql");
	}

	private static List<String> existing(PathMatchingResourcePatternResolver resolver, List<String> locations) {
		List<String> found = new ArrayList<>();
		for (String location : locations) {
			String pattern = location.startsWith(OPTIONAL) ? location.substring(OPTIONAL.length()) : location;
			String name = pattern.replace(ResourcePatternResolver.CLASSPATH_ALL_URL_PREFIX,
					ResourceLoader.CLASSPATH_URL_PREFIX);
			String path = classPathFile(resolver, name);
			if (path != null) {
				// One file: the class loader finds it without the resolver's search of
				// every module
				ClassLoader classLoader = resolver.getClassLoader();
				if (classLoader != null && classLoader.getResource(path) != null) {
					found.add(name);
				}
				continue;
			}
			try {
				for (Resource resource : resolver.getResources(pattern)) {
					if (resource.exists()) {
						found.add(name);
						break;
					}
				}
			}
			catch (IOException ex) {
				// Spring Boot fails the start on a location it cannot read; nothing to
				// add
			}
		}
		return found;
	}

	/**
	 * The path of a {@code classpath:} location that names one file, without a wildcard,
	 * or {@code null}.
	 */
	private static @Nullable String classPathFile(PathMatchingResourcePatternResolver resolver, String location) {
		if (!location.startsWith(ResourceLoader.CLASSPATH_URL_PREFIX)) {
			return null;
		}
		String path = StringUtils.trimLeadingCharacter(location.substring(ResourceLoader.CLASSPATH_URL_PREFIX.length()),
				'/');
		return (path.isEmpty() || path.endsWith("/") || resolver.getPathMatcher().isPattern(path)) ? null : path;
	}

	/**
	 * Tell from the URL a pool is configured with, without a connection or a look for
	 * scripts, a database that cannot be embedded as Spring Boot tells one (an in-memory
	 * H2 or HSQLDB database, or Derby); {@code true} when the URL is not known.
	 */
	private static boolean mayBeEmbedded(DataSource dataSource, ClassLoader classLoader) {
		String url = RunnerDataSources.jdbcUrl(dataSource, classLoader);
		return url == null || url.contains(":h2:mem") || url.contains(":hsqldb:mem:") || url.startsWith("jdbc:derby:");
	}

	private static boolean isEmbedded(DataSource dataSource) {
		try {
			return EmbeddedDatabaseConnection.isEmbedded(dataSource);
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

}
