package dev.migrations.command;

import java.nio.charset.Charset;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import dev.migrations.Credentials;
import dev.migrations.JdbcUrlDataSource;
import dev.migrations.MigrationDefinitionException;
import dev.migrations.MigrationListener;
import dev.migrations.runner.MigrationRunner;
import dev.migrations.runner.ShadowDatabase;
import dev.migrations.source.Placeholders;
import dev.migrations.source.SqlMigrationSource;
import org.jspecify.annotations.Nullable;

/**
 * What the runner of a {@link MigrationCommandLine} outside an application is built from:
 * the database, the migration locations and how their files are read. The standalone jar
 * and the Maven plugin fill it from their options and from the same environment variables
 * ({@link #fromEnvironment}), then {@link #runner} builds the runner, so both check and
 * connect alike. Errors name where a bad value came from, in the words of the front end
 * ({@link SettingsWording}). Not thread-safe: fill it, then build runners.
 */
public final class ConnectionSettings {

	private final SettingsWording wording;

	private @Nullable String url;

	private @Nullable String user;

	private @Nullable String password;

	private @Nullable String driverClassName;

	private List<String> locations = List.of(SqlMigrationSource.DEFAULT_LOCATION);

	private List<String> javaPackages = List.of();

	private @Nullable String table;

	private @Nullable String shadowUrl;

	private @Nullable String shadowUser;

	private @Nullable String shadowPassword;

	private Charset encoding = MigrationRunner.DEFAULT_ENCODING;

	private final Map<String, String> placeholders = new LinkedHashMap<>();

	private boolean placeholderReplacement = true;

	private List<String> initSqls = List.of();

	private int connectRetries;

	private Duration connectRetriesInterval = MigrationRunner.Builder.DEFAULT_CONNECT_RETRIES_INTERVAL;

	private @Nullable Duration lockTimeout;

	private boolean createSchemas;

	private ClassLoader classLoader = ConnectionSettings.class.getClassLoader();

	/**
	 * Create settings with the defaults: {@code classpath:db/migrations}, UTF-8, the
	 * default ledger table, placeholders replaced, no retries.
	 * @param wording how the front end names its settings in errors
	 */
	public ConnectionSettings(SettingsWording wording) {
		this.wording = Objects.requireNonNull(wording, "wording must not be null");
	}

	/**
	 * Create settings from the environment variables the standalone jar reads:
	 * {@code MIGRATIONS_URL}, {@code MIGRATIONS_USER}, {@code MIGRATIONS_PASSWORD},
	 * {@code MIGRATIONS_LOCATIONS} (comma-separated), {@code MIGRATIONS_TABLE},
	 * {@code MIGRATIONS_ENCODING}, {@code MIGRATIONS_SHADOW_URL},
	 * {@code MIGRATIONS_SHADOW_USER}, {@code MIGRATIONS_SHADOW_PASSWORD},
	 * {@code MIGRATIONS_PLACEHOLDERS} ({@code NAME=VALUE} pairs separated by commas),
	 * {@code MIGRATIONS_PLACEHOLDER_REPLACEMENT}, {@code MIGRATIONS_INIT_SQL} (one
	 * statement), {@code MIGRATIONS_CONNECT_RETRIES},
	 * {@code MIGRATIONS_CONNECT_RETRIES_INTERVAL} (seconds) and
	 * {@code MIGRATIONS_CREATE_SCHEMAS}. A variable that is absent or blank leaves the
	 * default.
	 * @param environment the environment, such as {@code System.getenv()}
	 * @param wording how the front end names its settings in errors
	 * @return the settings
	 * @throws CommandLineUsageException when a variable's value is not valid
	 */
	public static ConnectionSettings fromEnvironment(Map<String, String> environment, SettingsWording wording) {
		Function<String, @Nullable String> variable = (name) -> {
			String value = environment.get(name);
			return (value != null && !value.isBlank()) ? value : null;
		};
		ConnectionSettings settings = new ConnectionSettings(wording);
		settings.url = environment.get("MIGRATIONS_URL");
		settings.user = environment.get("MIGRATIONS_USER");
		settings.password = environment.get("MIGRATIONS_PASSWORD");
		settings.driverClassName = variable.apply("MIGRATIONS_DRIVER_CLASS_NAME");
		settings.table = environment.get("MIGRATIONS_TABLE");
		settings.shadowUrl = environment.get("MIGRATIONS_SHADOW_URL");
		settings.shadowUser = environment.get("MIGRATIONS_SHADOW_USER");
		settings.shadowPassword = environment.get("MIGRATIONS_SHADOW_PASSWORD");
		String encoding = variable.apply("MIGRATIONS_ENCODING");
		if (encoding != null) {
			settings.encoding = charset(encoding, "MIGRATIONS_ENCODING");
		}
		String locations = variable.apply("MIGRATIONS_LOCATIONS");
		if (locations != null) {
			settings.locations = commaSeparated(locations);
		}
		String pairs = variable.apply("MIGRATIONS_PLACEHOLDERS");
		if (pairs != null) {
			Arrays.stream(pairs.split(",")).forEach((pair) -> settings.placeholder(pair, "MIGRATIONS_PLACEHOLDERS"));
		}
		settings.placeholderReplacement = !"false"
			.equalsIgnoreCase(environment.get("MIGRATIONS_PLACEHOLDER_REPLACEMENT"));
		String initSql = variable.apply("MIGRATIONS_INIT_SQL");
		if (initSql != null) {
			settings.initSqls = List.of(initSql);
		}
		String retries = variable.apply("MIGRATIONS_CONNECT_RETRIES");
		if (retries != null) {
			settings.connectRetries = wholeNumber(retries, "MIGRATIONS_CONNECT_RETRIES");
		}
		String interval = variable.apply("MIGRATIONS_CONNECT_RETRIES_INTERVAL");
		if (interval != null) {
			settings.connectRetriesInterval = Duration
				.ofSeconds(wholeNumber(interval, "MIGRATIONS_CONNECT_RETRIES_INTERVAL"));
		}
		String lockTimeout = variable.apply("MIGRATIONS_LOCK_TIMEOUT");
		if (lockTimeout != null) {
			settings.lockTimeout = Duration.ofSeconds(wholeNumber(lockTimeout, "MIGRATIONS_LOCK_TIMEOUT"));
		}
		settings.createSchemas = "true".equalsIgnoreCase(environment.get("MIGRATIONS_CREATE_SCHEMAS"));
		return settings;
	}

	/**
	 * Set the JDBC driver to load before connecting, for a driver that does not register
	 * itself.
	 * @param driverClassName the driver's class, or {@code null} for the one that accepts
	 * the URL
	 * @return these settings
	 */
	public ConnectionSettings driverClassName(@Nullable String driverClassName) {
		this.driverClassName = driverClassName;
		return this;
	}

	/**
	 * Set the JDBC URL of the database.
	 * @param url the URL
	 * @return these settings
	 */
	public ConnectionSettings url(@Nullable String url) {
		this.url = url;
		return this;
	}

	/**
	 * Set the database user.
	 * @param user the user
	 * @return these settings
	 */
	public ConnectionSettings user(@Nullable String user) {
		this.user = user;
		return this;
	}

	/**
	 * Set the password, which nothing prints.
	 * @param password the password
	 * @return these settings
	 */
	public ConnectionSettings password(@Nullable String password) {
		this.password = password;
		return this;
	}

	/**
	 * Set the migration locations.
	 * @param locations {@code classpath:} or {@code filesystem:} locations
	 * @return these settings
	 */
	public ConnectionSettings locations(List<String> locations) {
		this.locations = List.copyOf(locations);
		return this;
	}

	/**
	 * Return the migration locations.
	 * @return the locations
	 */
	public List<String> locations() {
		return this.locations;
	}

	/**
	 * Return how long to wait for the migration lock that another run holds.
	 * @return the wait, or {@code null} for the runner's default
	 */
	public @Nullable Duration lockTimeout() {
		return this.lockTimeout;
	}

	/**
	 * Set packages to scan for Java migrations besides those the {@code classpath:}
	 * locations name.
	 * @param javaPackages package names
	 * @return these settings
	 */
	public ConnectionSettings javaPackages(List<String> javaPackages) {
		this.javaPackages = List.copyOf(javaPackages);
		return this;
	}

	/**
	 * Set the ledger table, {@code NAME} or {@code SCHEMA.NAME}.
	 * @param table the table
	 * @return these settings
	 */
	public ConnectionSettings table(@Nullable String table) {
		this.table = table;
		return this;
	}

	/**
	 * Set the shadow database that {@code migrate:diff} and {@code migrate --verify}
	 * replay the migrations on; without one, a temporary database on the same server.
	 * @param shadowUrl its JDBC URL
	 * @return these settings
	 */
	public ConnectionSettings shadowUrl(@Nullable String shadowUrl) {
		this.shadowUrl = shadowUrl;
		return this;
	}

	/**
	 * Set the shadow database's user.
	 * @param shadowUser the user
	 * @return these settings
	 */
	public ConnectionSettings shadowUser(@Nullable String shadowUser) {
		this.shadowUser = shadowUser;
		return this;
	}

	/**
	 * Set the shadow database's password, which nothing prints.
	 * @param shadowPassword the password
	 * @return these settings
	 */
	public ConnectionSettings shadowPassword(@Nullable String shadowPassword) {
		this.shadowPassword = shadowPassword;
		return this;
	}

	/**
	 * Set the encoding of the SQL files.
	 * @param encoding the encoding
	 * @return these settings
	 */
	public ConnectionSettings encoding(Charset encoding) {
		this.encoding = Objects.requireNonNull(encoding, "encoding must not be null");
		return this;
	}

	/**
	 * Set the value of {@code ${NAME}} in SQL files, from {@code NAME=VALUE}.
	 * @param pair the name and value
	 * @param where where the pair was given, for the error
	 * @return these settings
	 * @throws CommandLineUsageException when the pair has no name
	 */
	public ConnectionSettings placeholder(String pair, String where) {
		int equals = pair.indexOf('=');
		if (equals <= 0) {
			throw new CommandLineUsageException("A placeholder is written NAME=VALUE (" + where + ")");
		}
		this.placeholders.put(pair.substring(0, equals).strip(), pair.substring(equals + 1));
		return this;
	}

	/**
	 * Set whether {@code ${NAME}} in SQL files is replaced; default true.
	 * @param placeholderReplacement whether to replace
	 * @return these settings
	 */
	public ConnectionSettings placeholderReplacement(boolean placeholderReplacement) {
		this.placeholderReplacement = placeholderReplacement;
		return this;
	}

	/**
	 * Set the statements run on each connection before anything else.
	 * @param initSqls the statements
	 * @return these settings
	 */
	public ConnectionSettings initSqls(List<String> initSqls) {
		this.initSqls = List.copyOf(initSqls);
		return this;
	}

	/**
	 * Set how often the first connection is tried again while the database is not up.
	 * @param connectRetries the number of retries
	 * @return these settings
	 */
	public ConnectionSettings connectRetries(int connectRetries) {
		this.connectRetries = connectRetries;
		return this;
	}

	/**
	 * Set the longest wait between two connection attempts.
	 * @param connectRetriesInterval the wait
	 * @return these settings
	 */
	public ConnectionSettings connectRetriesInterval(Duration connectRetriesInterval) {
		this.connectRetriesInterval = connectRetriesInterval;
		return this;
	}

	/**
	 * Set how long to wait for the migration lock that another run holds.
	 * @param lockTimeout the wait
	 * @return these settings
	 */
	public ConnectionSettings lockTimeout(Duration lockTimeout) {
		this.lockTimeout = lockTimeout;
		return this;
	}

	/**
	 * Set whether to create the ledger's schema when it does not exist.
	 * @param createSchemas whether to create it
	 * @return these settings
	 */
	public ConnectionSettings createSchemas(boolean createSchemas) {
		this.createSchemas = createSchemas;
		return this;
	}

	/**
	 * Set the class loader that {@code classpath:} locations and Java migrations are read
	 * with; default the one that loaded this class.
	 * @param classLoader the class loader
	 * @return these settings
	 */
	public ConnectionSettings classLoader(ClassLoader classLoader) {
		this.classLoader = Objects.requireNonNull(classLoader, "classLoader must not be null");
		return this;
	}

	/**
	 * Return the passwords, those the URLs carry and the values of placeholders named as
	 * secrets, which nothing may print.
	 * @return the secrets
	 */
	public List<String> secrets() {
		List<String> secrets = new ArrayList<>(Credentials.secretsIn(this.url));
		secrets.addAll(Credentials.secretsIn(this.shadowUrl));
		if (this.password != null) {
			secrets.add(this.password);
		}
		if (this.shadowPassword != null) {
			secrets.add(this.shadowPassword);
		}
		try {
			secrets.addAll(Placeholders.of(this.placeholders).secretValues());
		}
		catch (MigrationDefinitionException ex) {
			// an invalid name is reported when the runner is built
		}
		return secrets;
	}

	/**
	 * Build the runner, after checking that a driver accepts the URL and that every
	 * {@code classpath:} location is there.
	 * @param listener the listener, such as the command line's progress
	 * @return the runner
	 * @throws CommandLineUsageException when a setting is missing or wrong
	 */
	public MigrationRunner runner(MigrationListener listener) {
		if (this.url == null || this.url.isBlank()) {
			throw new CommandLineUsageException("No database: give its JDBC URL (" + this.wording.origin("url") + ")");
		}
		if (this.driverClassName != null && !this.driverClassName.isBlank()) {
			JdbcDrivers.load(this.driverClassName.strip(), this.url, this.classLoader,
					this.wording.origin("driver-class-name"));
		}
		requireDriver(this.url, "url");
		this.locations.forEach(this::requireOnClassPath);
		MigrationRunner.Builder builder = MigrationRunner
			.builder(new JdbcUrlDataSource(this.url, this.user, this.password))
			.locations(this.locations)
			.javaPackages(this.javaPackages)
			.classLoader(this.classLoader)
			.encoding(this.encoding)
			.secrets(secrets())
			.placeholderReplacement(this.placeholderReplacement)
			.initSqls(this.initSqls)
			.connectRetries(this.connectRetries)
			.connectRetriesInterval(this.connectRetriesInterval)
			.createSchemas(this.createSchemas)
			.listener(listener);
		if (this.lockTimeout != null) {
			builder.lockTimeout(this.lockTimeout);
		}
		try {
			builder.placeholders(this.placeholders);
		}
		catch (MigrationDefinitionException ex) {
			throw new CommandLineUsageException(ex.getMessage());
		}
		if (this.shadowUrl != null && !this.shadowUrl.isBlank()) {
			requireDriver(this.shadowUrl, "shadow-url");
			builder.shadow(ShadowDatabase.of(this.shadowUrl, this.shadowUser, this.shadowPassword));
		}
		if (this.table != null) {
			try {
				builder.table(this.table);
			}
			catch (MigrationDefinitionException ex) {
				throw new CommandLineUsageException(ex.getMessage() + " (" + this.wording.origin("table") + ")");
			}
		}
		return builder.build();
	}

	/**
	 * Refuse a URL that no driver accepts before connecting, as the usage error it is: a
	 * typo, or a database whose driver is not there.
	 */
	private void requireDriver(String url, String setting) {
		if (!url.startsWith("jdbc:")) {
			throw new CommandLineUsageException("'" + url + "' is not a JDBC URL (" + this.wording.origin(setting)
					+ "): a JDBC URL starts with jdbc:, for example jdbc:postgresql://localhost:5432/app");
		}
		try {
			DriverManager.getDriver(url);
		}
		catch (SQLException ex) {
			throw new CommandLineUsageException("No driver in " + this.wording.drivers() + " accepts '" + url + "' ("
					+ this.wording.origin(setting) + "). " + this.wording.addDriver());
		}
	}

	/**
	 * Refuse a class path location that is not there: finding nothing in it would report
	 * the database up to date, while it is nearly always a directory written without
	 * {@code filesystem:}, or resources not yet copied where the class path has them.
	 */
	private void requireOnClassPath(String location) {
		// A location that names the database is checked up to the folder that holds
		// one folder per database; the runner reports the database's own folder
		String placeholder = SqlMigrationSource.placeholder(location);
		String known = (placeholder != null) ? location.substring(0, location.indexOf(placeholder)) : location;
		String path = SqlMigrationSource.classpathPath(known);
		if (path != null && this.classLoader.getResource(path) == null) {
			throw new CommandLineUsageException("Migration location '" + location + "' is not on the class path"
					+ this.wording.notOnClassPath(path) + " (" + this.wording.origin("locations") + ")");
		}
	}

	/**
	 * Read a whole number of 0 or more.
	 * @param value the text
	 * @param where where it was given, for the error
	 * @return the number
	 * @throws CommandLineUsageException when it is not one
	 */
	public static int wholeNumber(String value, String where) {
		try {
			int number = Integer.parseInt(value.strip());
			if (number >= 0) {
				return number;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new CommandLineUsageException(
				"Expected a whole number of 0 or more, got '" + value + "' (" + where + ")");
	}

	/**
	 * Read the name of an encoding.
	 * @param name the name, such as {@code UTF-8}
	 * @param where where it was given, for the error
	 * @return the encoding
	 * @throws CommandLineUsageException when Java knows no such encoding
	 */
	public static Charset charset(String name, String where) {
		try {
			return Charset.forName(name.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new CommandLineUsageException("Unknown encoding '" + name + "' (" + where
					+ "): name one Java knows, such as UTF-8, ISO-8859-1 or windows-1252");
		}
	}

	/**
	 * Split a comma-separated list, leaving out blank items.
	 * @param text the list, such as {@code classpath:db/migrations,filesystem:sql}
	 * @return the items, stripped
	 */
	public static List<String> commaSeparated(String text) {
		return Arrays.stream(text.split(",")).map(String::strip).filter((item) -> !item.isEmpty()).toList();
	}

}
