package dev.migrations.maven;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.sql.Driver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.BiConsumer;

import dev.migrations.Credentials;
import dev.migrations.command.CommandLineUsageException;
import dev.migrations.command.ConnectionSettings;
import dev.migrations.command.SettingsWording;
import dev.migrations.command.MigrationCommandLine;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.jspecify.annotations.Nullable;

/**
 * What every goal shares: the connection settings, read from the plugin's configuration,
 * then user properties ({@code -Dmigrations.url=...}), then the environment variables of
 * the standalone jar ({@code MIGRATIONS_URL}); a class loader over the project's classes
 * and resources and its runtime dependencies, where {@code classpath:} locations and Java
 * migrations are found; and the run of the command, as the standalone jar runs it, with
 * its output in the Maven log and its exit code as the build's outcome.
 */
abstract class AbstractMigrationsMojo extends AbstractMojo {

	/**
	 * The JDBC URL of the database. Its driver goes in the plugin's dependencies.
	 */
	@Parameter(property = "migrations.url")
	@Nullable String url;

	/**
	 * The database user.
	 */
	@Parameter(property = "migrations.user")
	@Nullable String user;

	/**
	 * The database password, never printed. Prefer the environment variable
	 * {@code MIGRATIONS_PASSWORD} or a property from settings.xml to the pom.
	 */
	@Parameter(property = "migrations.password")
	@Nullable String password;

	/**
	 * The migration locations: {@code classpath:} locations are read from the project's
	 * classes and resources ({@code target/classes}, filled at {@code process-resources})
	 * and its runtime dependencies; {@code filesystem:} paths are relative to the
	 * project's directory, such as {@code filesystem:src/main/resources/db/migrations}
	 * before resources are copied. Default {@code classpath:db/migrations}.
	 */
	@Parameter(property = "migrations.locations")
	@Nullable List<String> locations;

	/**
	 * Packages to scan for Java migrations in the project's classes, besides those the
	 * {@code classpath:} locations name.
	 */
	@Parameter(property = "migrations.javaPackages")
	@Nullable List<String> javaPackages;

	/**
	 * The ledger table, {@code NAME} or {@code SCHEMA.NAME}; default
	 * {@code migrations_ledger}.
	 */
	@Parameter(property = "migrations.table")
	@Nullable String table;

	/**
	 * The encoding of the SQL files; default UTF-8.
	 */
	@Parameter(property = "migrations.encoding")
	@Nullable String encoding;

	/**
	 * The values of {@code ${NAME}} in SQL files.
	 */
	@Parameter
	@Nullable Map<String, String> placeholders;

	/**
	 * More values of {@code ${NAME}} in SQL files, as {@code NAME=VALUE} pairs separated
	 * by commas, the form for the command line
	 * ({@code -Dmigrations.placeholders=a=1,b=2}).
	 */
	@Parameter(property = "migrations.placeholders")
	@Nullable String placeholderPairs;

	/**
	 * Whether {@code ${NAME}} in SQL files is replaced; default true.
	 */
	@Parameter(property = "migrations.placeholderReplacement")
	@Nullable Boolean placeholderReplacement;

	/**
	 * Statements run on each connection before anything else, such as {@code SET ROLE}.
	 */
	@Parameter(property = "migrations.initSqls")
	@Nullable List<String> initSqls;

	/**
	 * Whether to create the ledger's schema ({@code table} {@code SCHEMA.NAME}) when it
	 * does not exist; default false.
	 */
	@Parameter(property = "migrations.createSchemas")
	@Nullable Boolean createSchemas;

	/**
	 * How often to try the first connection again while the database is not up; default
	 * 0.
	 */
	@Parameter(property = "migrations.connectRetries")
	@Nullable Integer connectRetries;

	/**
	 * The longest wait between two connection attempts, in seconds; default 120.
	 */
	@Parameter(property = "migrations.connectRetriesInterval")
	@Nullable Integer connectRetriesInterval;

	/**
	 * How long to wait for the migration lock that another run holds, in seconds; default
	 * 300.
	 */
	@Parameter(property = "migrations.lockTimeout")
	@Nullable Integer lockTimeout;

	/**
	 * An empty database used for nothing else, in which {@code diff} replays the
	 * migrations; default a temporary database created and dropped on the same server.
	 */
	@Parameter(property = "migrations.shadowUrl")
	@Nullable String shadowUrl;

	/**
	 * The shadow database's user.
	 */
	@Parameter(property = "migrations.shadowUser")
	@Nullable String shadowUser;

	/**
	 * The shadow database's password, never printed.
	 */
	@Parameter(property = "migrations.shadowPassword")
	@Nullable String shadowPassword;

	/**
	 * Whether to skip the goal.
	 */
	@Parameter(property = "migrations.skip", defaultValue = "false")
	boolean skip;

	/**
	 * Whether to print stack traces of failures.
	 */
	@Parameter(property = "migrations.verbose", defaultValue = "false")
	boolean verbose;

	@Parameter(defaultValue = "${project.runtimeClasspathElements}", readonly = true, required = true)
	List<String> classpathElements = List.of();

	@Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
	File basedir = new File(".");

	/**
	 * Return the command this goal runs, as typed on the standalone jar's command line.
	 * @return the command and its options, such as {@code migrate:rollback --steps 2}
	 */
	abstract List<String> command();

	/**
	 * Say what the problems that fail the goal are, when the command found some.
	 * @return for example {@code Migrations are pending}
	 */
	String problems() {
		return "The command found problems";
	}

	@Override
	public void execute() throws MojoExecutionException, MojoFailureException {
		List<String> command = new ArrayList<>(command());
		if (this.skip) {
			getLog().info("Skipping " + command.get(0) + " (migrations.skip)");
			return;
		}
		if (this.verbose) {
			command.add("--verbose");
		}
		// The command prints each step, and the runner's log would say each again.
		// Maven's
		// logger reads this when a logger is made, so before the core's classes load;
		// -Dorg.slf4j.simpleLogger.log.dev.migrations=info shows the log
		System.getProperties().putIfAbsent("org.slf4j.simpleLogger.log.dev.migrations", "warn");
		ConnectionSettings settings;
		try {
			settings = settings(System.getenv());
		}
		catch (CommandLineUsageException ex) {
			throw new MojoExecutionException(Credentials.mask(ex.getMessage()));
		}
		int exitCode;
		LogOutput err = LogOutput.to((line) -> {
		});
		try (URLClassLoader project = projectClassLoader()) {
			settings.classLoader(project);
			registerDrivers();
			exitCode = run(settings, command, project, err);
		}
		catch (IOException ex) {
			throw new MojoExecutionException("Could not close the project's class loader", ex);
		}
		outcome(exitCode, String.join(" ", command), err.lines());
	}

	private int run(ConnectionSettings settings, List<String> command, ClassLoader project, LogOutput err) {
		Thread thread = Thread.currentThread();
		ClassLoader previous = thread.getContextClassLoader();
		thread.setContextClassLoader(project);
		try (PrintStream outStream = LogOutput.to(getLog()::info).stream(); PrintStream errStream = err.stream()) {
			MigrationCommandLine commandLine = new MigrationCommandLine(settings::runner, settings.locations(),
					outStream, errStream, false, settings.secrets());
			return commandLine.run(command);
		}
		finally {
			thread.setContextClassLoader(previous);
		}
	}

	/**
	 * End the goal as the command ended. What the command printed as its error becomes
	 * the failure's message, which Maven shows once; a usage error's usage text of the
	 * command line is left out, since the goal's parameters are what was wrong.
	 */
	private void outcome(int exitCode, String command, List<String> errors)
			throws MojoExecutionException, MojoFailureException {
		String error = String.join(System.lineSeparator(), errors).replaceFirst("^error: ", "");
		switch (exitCode) {
			case MigrationCommandLine.SUCCESS -> errors.forEach(getLog()::warn);
			case MigrationCommandLine.PROBLEMS ->
				throw new MojoFailureException(errors.isEmpty() ? problems() + " (" + command + ")" : error);
			case MigrationCommandLine.USAGE -> throw new MojoExecutionException(
					"The configuration of " + command + " is not valid: " + error.lines().findFirst().orElse(""));
			default -> throw new MojoFailureException(command + " failed: " + error);
		}
	}

	/**
	 * Read the settings: the environment, then what the configuration and user properties
	 * set over it.
	 */
	ConnectionSettings settings(Map<String, String> environment) {
		ConnectionSettings settings = ConnectionSettings.fromEnvironment(environment, new Wording());
		for (Setting<?> setting : parameters()) {
			setting.applyTo(settings);
		}
		settings.locations(settings.locations().stream().map(this::inProject).toList());
		return settings;
	}

	/**
	 * Return each parameter with how it is set over the environment, in the order they
	 * are applied: a parameter neither the configuration nor a user property sets leaves
	 * the environment's value.
	 */
	private List<Setting<?>> parameters() {
		return List.of(new Setting<>(this.url, ConnectionSettings::url),
				new Setting<>(this.user, ConnectionSettings::user),
				new Setting<>(this.password, ConnectionSettings::password),
				new Setting<>(this.table, ConnectionSettings::table),
				new Setting<>(this.shadowUrl, ConnectionSettings::shadowUrl),
				new Setting<>(this.shadowUser, ConnectionSettings::shadowUser),
				new Setting<>(this.shadowPassword, ConnectionSettings::shadowPassword),
				new Setting<>(nonEmpty(this.locations), ConnectionSettings::locations),
				new Setting<>(this.javaPackages, ConnectionSettings::javaPackages),
				new Setting<>(this.initSqls, ConnectionSettings::initSqls),
				new Setting<>(this.encoding,
						(settings, name) -> settings
							.encoding(ConnectionSettings.charset(name, "<encoding> or -Dmigrations.encoding"))),
				new Setting<>(this.placeholders,
						(settings, values) -> values
							.forEach((name, value) -> settings.placeholder(name + "=" + value, "<placeholders>"))),
				new Setting<>(this.placeholderPairs,
						(settings, pairs) -> Arrays.stream(pairs.split(","))
							.forEach((pair) -> settings.placeholder(pair, "-Dmigrations.placeholders"))),
				new Setting<>(this.placeholderReplacement, ConnectionSettings::placeholderReplacement),
				new Setting<>(this.createSchemas, ConnectionSettings::createSchemas),
				new Setting<>(this.connectRetries, ConnectionSettings::connectRetries),
				new Setting<>(this.connectRetriesInterval,
						(settings, seconds) -> settings.connectRetriesInterval(Duration.ofSeconds(seconds))),
				new Setting<>(this.lockTimeout,
						(settings, seconds) -> settings.lockTimeout(Duration.ofSeconds(seconds))));
	}

	private static @Nullable List<String> nonEmpty(@Nullable List<String> values) {
		return (values != null && !values.isEmpty()) ? values : null;
	}

	/**
	 * Return a command with the options of the parameters that are set, in the order
	 * given.
	 * @param command the command, such as {@code migrate:rollback}
	 * @param options the options, each from {@link #option} or {@link #flag}
	 * @return the command's words
	 */
	@SafeVarargs
	static List<String> command(String command, List<String>... options) {
		List<String> words = new ArrayList<>(List.of(command));
		for (List<String> option : options) {
			words.addAll(option);
		}
		return words;
	}

	/**
	 * Return an option with its value, or nothing when the value is not set.
	 * @param option the option, such as {@code --steps}
	 * @param value the value
	 * @return the option's words
	 */
	static List<String> option(String option, @Nullable Object value) {
		return (value != null) ? List.of(option, value.toString()) : List.of();
	}

	/**
	 * Return a flag when it is set.
	 * @param option the flag, such as {@code --pretend}
	 * @param set whether it is set
	 * @return the flag's words
	 */
	static List<String> flag(String option, boolean set) {
		return set ? List.of(option) : List.of();
	}

	/**
	 * Return a location whose relative {@code filesystem:} path is taken from the
	 * project's directory, as Maven takes every path of a pom, not from where Maven
	 * started.
	 */
	String inProject(String location) {
		if (!location.startsWith("filesystem:")) {
			return location;
		}
		String path = location.substring("filesystem:".length());
		return Path.of(path).isAbsolute() ? location : "filesystem:" + this.basedir.toPath().resolve(path).normalize();
	}

	/**
	 * Return a path taken from the project's directory when it is relative.
	 */
	String inProject(File path) {
		return this.basedir.toPath().resolve(path.toPath()).normalize().toString();
	}

	private URLClassLoader projectClassLoader() throws MojoExecutionException {
		List<URL> urls = new ArrayList<>();
		for (String element : this.classpathElements) {
			try {
				urls.add(new File(element).toURI().toURL());
			}
			catch (MalformedURLException ex) {
				throw new MojoExecutionException(
						"The project's class path holds '" + element + "', which is not a path", ex);
			}
		}
		return new URLClassLoader(urls.toArray(URL[]::new), getClass().getClassLoader());
	}

	/**
	 * Load the drivers among the plugin's dependencies. DriverManager finds drivers once
	 * per JVM, with the class loader of the thread that first asks, which in Maven is
	 * seldom this plugin's; a driver registers itself when it is loaded.
	 */
	private void registerDrivers() {
		try {
			ServiceLoader.load(Driver.class, getClass().getClassLoader()).forEach((driver) -> {
			});
		}
		catch (ServiceConfigurationError ex) {
			getLog().warn("A JDBC driver among the plugin's dependencies could not be loaded: " + ex.getMessage());
		}
	}

	/**
	 * A parameter's value, from the configuration or a user property, and how it is set.
	 *
	 * @param <T> the type of the value
	 * @param value the value, {@code null} when neither sets it
	 * @param setter how it is set over the environment's
	 */
	private record Setting<T>(@Nullable T value, BiConsumer<ConnectionSettings, T> setter) {

		void applyTo(ConnectionSettings settings) {
			if (this.value != null) {
				this.setter.accept(settings, this.value);
			}
		}

	}

	/**
	 * The plugin's parameters, user properties and environment variables, as its errors
	 * name them.
	 */
	private static final class Wording implements SettingsWording {

		@Override
		public String origin(String setting) {
			String[] words = setting.split("-");
			StringBuilder parameter = new StringBuilder(words[0]);
			for (int i = 1; i < words.length; i++) {
				parameter.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
			}
			return "<" + parameter + ">, -Dmigrations." + parameter + " or MIGRATIONS_"
					+ setting.toUpperCase(Locale.ROOT).replace('-', '_');
		}

		@Override
		public String drivers() {
			return "the plugin's dependencies";
		}

		@Override
		public String addDriver() {
			return "Add the database's JDBC driver to the plugin's <dependencies> in the pom, such as "
					+ "org.postgresql:postgresql, com.h2database:h2 or org.mariadb.jdbc:mariadb-java-client";
		}

		@Override
		public String notOnClassPath(String path) {
			return " of the project (target/classes, filled at process-resources, and the runtime dependencies): "
					+ "run the goal in or after process-resources, or read the source directory, such as "
					+ "filesystem:src/main/resources/" + path;
		}

	}

}
