package dev.migrations.cli;

import java.nio.charset.Charset;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.migrations.Credentials;
import dev.migrations.JdbcUrlDataSource;
import dev.migrations.MigrationDefinitionException;
import dev.migrations.MigrationListener;
import dev.migrations.command.CommandArguments;
import dev.migrations.command.CommandLineUsageException;
import dev.migrations.command.CommandOption;
import dev.migrations.command.MigrationCommandLine;
import dev.migrations.runner.MigrationRunner;
import dev.migrations.runner.ShadowDatabase;
import dev.migrations.source.Placeholders;
import dev.migrations.source.SqlMigrationSource;
import org.jspecify.annotations.Nullable;

/**
 * The standalone command line:
 * {@code java -jar migrations-cli.jar --url jdbc:postgresql://host/db --user app migrate}.
 * Connection settings come from options or, when an option is absent, from the
 * environment: {@code MIGRATIONS_URL}, {@code MIGRATIONS_USER},
 * {@code MIGRATIONS_PASSWORD}, {@code MIGRATIONS_LOCATIONS}, {@code MIGRATIONS_TABLE},
 * {@code MIGRATIONS_ENCODING}, {@code MIGRATIONS_SHADOW_URL},
 * {@code MIGRATIONS_SHADOW_USER}, {@code MIGRATIONS_SHADOW_PASSWORD},
 * {@code MIGRATIONS_PLACEHOLDERS}, {@code MIGRATIONS_PLACEHOLDER_REPLACEMENT},
 * {@code MIGRATIONS_INIT_SQL}, {@code MIGRATIONS_CONNECT_RETRIES},
 * {@code MIGRATIONS_CONNECT_RETRIES_INTERVAL}, {@code MIGRATIONS_CREATE_SCHEMAS}. The
 * passwords are never printed.
 */
public final class Main {

	private static final String OPTIONS = """
			Connection options (or the environment variables in brackets):
			  --url JDBC_URL         the database [MIGRATIONS_URL]
			  --user NAME            the database user [MIGRATIONS_USER]
			  --password SECRET      the password [MIGRATIONS_PASSWORD]; prefer the variable, options show in ps
			  --driver-class-name CLASS  the JDBC driver to load, such as one added with java -cp; default the
			                         jar's driver for the URL [MIGRATIONS_DRIVER_CLASS_NAME]
			  --locations A,B        migration locations, default classpath:db/migrations [MIGRATIONS_LOCATIONS]
			  --table NAME           the ledger table, default migrations_ledger [MIGRATIONS_TABLE]
			  --encoding NAME        the encoding of the SQL files, default UTF-8 [MIGRATIONS_ENCODING]
			  --shadow-url JDBC_URL  an empty database used for nothing else, in which migrate:diff and
			                         migrate --verify replay the migrations, emptied after each use; default a
			                         temporary database created and dropped on the same server [MIGRATIONS_SHADOW_URL]
			  --shadow-user NAME     the shadow database's user [MIGRATIONS_SHADOW_USER]
			  --shadow-password SECRET  its password [MIGRATIONS_SHADOW_PASSWORD]
			  --placeholder NAME=VALUE  the value of ${NAME} in SQL files; repeatable [MIGRATIONS_PLACEHOLDERS,
			                         NAME=VALUE pairs separated by commas]
			  --no-placeholders      run SQL files as written, ${...} included [MIGRATIONS_PLACEHOLDER_REPLACEMENT=false]
			  --init-sql SQL         a statement run on each connection before anything else, such as SET ROLE;
			                         repeatable [MIGRATIONS_INIT_SQL, one statement]
			  --connect-retries N    try the first connection again N times while the database is not up,
			                         default 0 [MIGRATIONS_CONNECT_RETRIES]
			  --connect-retries-interval SECONDS  the longest wait between two attempts (they start at 1 second
			                         and double), default 120 [MIGRATIONS_CONNECT_RETRIES_INTERVAL]
			  --create-schemas       create the ledger's schema (--table SCHEMA.NAME) when it does not exist
			                         [MIGRATIONS_CREATE_SCHEMAS=true]""";

	private static final List<CommandOption> CONNECTION_OPTIONS = Stream
		.of("--url", "--user", "--password", "--driver-class-name", "--locations", "--table", "--encoding",
				"--shadow-url", "--shadow-user", "--shadow-password", "--placeholder", "--init-sql",
				"--connect-retries", "--connect-retries-interval")
		.map(CommandOption::withValue)
		.collect(Collectors.collectingAndThen(Collectors.toList(), (options) -> {
			options.add(CommandOption.flag("--no-placeholders"));
			options.add(CommandOption.flag("--create-schemas"));
			return List.copyOf(options);
		}));

	private Main() {
	}

	public static void main(String[] args) {
		System.exit(run(Arrays.asList(args), System.getenv()));
	}

	static int run(List<String> args, Map<String, String> environment) {
		Settings settings;
		try {
			settings = Settings.parse(args, environment);
		}
		catch (CommandLineUsageException ex) {
			System.err.println("error: " + Credentials.mask(ex.getMessage()));
			System.err.println(MigrationCommandLine.usage());
			System.err.println(OPTIONS);
			return MigrationCommandLine.USAGE;
		}
		if (settings.command.isEmpty() || settings.command.contains("--help")) {
			System.out.println(MigrationCommandLine.usage());
			System.out.println(OPTIONS);
			return settings.command.isEmpty() ? MigrationCommandLine.USAGE : MigrationCommandLine.SUCCESS;
		}
		boolean colour = System.console() != null && System.getenv("NO_COLOR") == null;
		MigrationCommandLine commandLine = new MigrationCommandLine(settings::runner, settings.locations, System.out,
				System.err, colour, settings.secrets());
		return commandLine.run(settings.command);
	}

	/**
	 * Connection settings and the command that remains.
	 */
	private static final class Settings {

		private @Nullable String url;

		private @Nullable String user;

		private @Nullable String password;

		private @Nullable String driverClassName;

		private List<String> locations = List.of(SqlMigrationSource.DEFAULT_LOCATION);

		private @Nullable String table;

		private @Nullable String shadowUrl;

		private @Nullable String shadowUser;

		private @Nullable String shadowPassword;

		private Charset encoding = MigrationRunner.DEFAULT_ENCODING;

		private List<String> command = List.of();

		private final Map<String, String> placeholders = new LinkedHashMap<>();

		private boolean placeholderReplacement = true;

		private List<String> initSqls = List.of();

		private int connectRetries;

		private Duration connectRetriesInterval = MigrationRunner.Builder.DEFAULT_CONNECT_RETRIES_INTERVAL;

		private boolean createSchemas;

		static Settings parse(List<String> args, Map<String, String> environment) {
			Settings settings = new Settings();
			settings.url = environment.get("MIGRATIONS_URL");
			settings.user = environment.get("MIGRATIONS_USER");
			settings.password = environment.get("MIGRATIONS_PASSWORD");
			settings.table = environment.get("MIGRATIONS_TABLE");
			settings.shadowUrl = environment.get("MIGRATIONS_SHADOW_URL");
			settings.shadowUser = environment.get("MIGRATIONS_SHADOW_USER");
			settings.shadowPassword = environment.get("MIGRATIONS_SHADOW_PASSWORD");
			String encoding = environment.get("MIGRATIONS_ENCODING");
			if (encoding != null && !encoding.isBlank()) {
				settings.encoding = charset(encoding, "MIGRATIONS_ENCODING");
			}
			String locations = environment.get("MIGRATIONS_LOCATIONS");
			if (locations != null && !locations.isBlank()) {
				settings.locations = locations(locations);
			}
			CommandArguments options = CommandArguments.extract(args, CONNECTION_OPTIONS);
			settings.url = valueOr(options, "--url", settings.url);
			settings.user = valueOr(options, "--user", settings.user);
			settings.password = valueOr(options, "--password", settings.password);
			settings.driverClassName = valueOr(options, "--driver-class-name",
					environment.get("MIGRATIONS_DRIVER_CLASS_NAME"));
			settings.table = valueOr(options, "--table", settings.table);
			settings.shadowUrl = valueOr(options, "--shadow-url", settings.shadowUrl);
			settings.shadowUser = valueOr(options, "--shadow-user", settings.shadowUser);
			settings.shadowPassword = valueOr(options, "--shadow-password", settings.shadowPassword);
			String locationsOption = options.value("--locations");
			if (locationsOption != null) {
				settings.locations = locations(locationsOption);
			}
			String encodingOption = options.value("--encoding");
			if (encodingOption != null) {
				settings.encoding = charset(encodingOption, "--encoding");
			}
			settings.readRunOptions(options, environment);
			settings.command = options.words();
			if (settings.command.contains("make:migration") && settings.command.contains("--java")) {
				throw new CommandLineUsageException("The standalone command line runs SQL migrations only. A Java "
						+ "migration runs in its application: create it with the application's jar "
						+ "(java -jar app.jar make:migration NAME --java)");
			}
			if (settings.command.contains("make:migration") && settings.command.contains("--from-entities")) {
				throw new CommandLineUsageException("The standalone command line has no entities. A migration from "
						+ "JPA entities is written by their application: run it with the application's jar "
						+ "(java -jar app.jar make:migration NAME --from-entities)");
			}
			return settings;
		}

		private void readRunOptions(CommandArguments options, Map<String, String> environment) {
			String pairs = environment.get("MIGRATIONS_PLACEHOLDERS");
			if (pairs != null && !pairs.isBlank()) {
				Arrays.stream(pairs.split(",")).forEach((pair) -> placeholder(pair, "MIGRATIONS_PLACEHOLDERS"));
			}
			options.values("--placeholder").forEach((pair) -> placeholder(pair, "--placeholder"));
			this.placeholderReplacement = !options.has("--no-placeholders")
					&& !"false".equalsIgnoreCase(environment.get("MIGRATIONS_PLACEHOLDER_REPLACEMENT"));
			String initSql = environment.get("MIGRATIONS_INIT_SQL");
			List<String> initSqls = options.values("--init-sql");
			this.initSqls = !initSqls.isEmpty() ? initSqls
					: (initSql != null && !initSql.isBlank()) ? List.of(initSql) : List.of();
			String retries = valueOr(options, "--connect-retries", environment.get("MIGRATIONS_CONNECT_RETRIES"));
			if (retries != null) {
				this.connectRetries = wholeNumber(retries, "--connect-retries or MIGRATIONS_CONNECT_RETRIES");
			}
			String interval = valueOr(options, "--connect-retries-interval",
					environment.get("MIGRATIONS_CONNECT_RETRIES_INTERVAL"));
			if (interval != null) {
				this.connectRetriesInterval = Duration.ofSeconds(
						wholeNumber(interval, "--connect-retries-interval or MIGRATIONS_CONNECT_RETRIES_INTERVAL"));
			}
			this.createSchemas = options.has("--create-schemas")
					|| "true".equalsIgnoreCase(environment.get("MIGRATIONS_CREATE_SCHEMAS"));
		}

		private void placeholder(String pair, String where) {
			int equals = pair.indexOf('=');
			if (equals <= 0) {
				throw new CommandLineUsageException("A placeholder is written NAME=VALUE (" + where + ")");
			}
			this.placeholders.put(pair.substring(0, equals).strip(), pair.substring(equals + 1));
		}

		private static int wholeNumber(String value, String where) {
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

		private static @Nullable String valueOr(CommandArguments options, String name, @Nullable String fallback) {
			String value = options.value(name);
			return (value != null) ? value : fallback;
		}

		private static Charset charset(String name, String where) {
			try {
				return Charset.forName(name);
			}
			catch (IllegalArgumentException ex) {
				throw new CommandLineUsageException("Unknown encoding '" + name + "' (" + where
						+ "): name one Java knows, such as UTF-8, ISO-8859-1 or windows-1252");
			}
		}

		private static List<String> locations(String commaSeparated) {
			return Arrays.stream(commaSeparated.split(",")).map(String::strip).filter((l) -> !l.isEmpty()).toList();
		}

		/**
		 * Return the passwords, those the URLs carry and the values of placeholders named
		 * as secrets, which nothing may print.
		 */
		List<String> secrets() {
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

		MigrationRunner runner(MigrationListener listener) {
			if (this.url == null || this.url.isBlank()) {
				throw new CommandLineUsageException("No database: pass --url JDBC_URL or set MIGRATIONS_URL");
			}
			if (this.driverClassName != null && !this.driverClassName.isBlank()) {
				loadDriver(this.driverClassName.strip(), this.url);
			}
			requireDriver(this.url);
			this.locations.forEach(Settings::requireOnClassPath);
			MigrationRunner.Builder builder = MigrationRunner
				.builder(new JdbcUrlDataSource(this.url, this.user, this.password))
				.locations(this.locations)
				.encoding(this.encoding)
				.secrets(secrets())
				.placeholderReplacement(this.placeholderReplacement)
				.initSqls(this.initSqls)
				.connectRetries(this.connectRetries)
				.connectRetriesInterval(this.connectRetriesInterval)
				.createSchemas(this.createSchemas)
				.listener(listener);
			try {
				builder.placeholders(this.placeholders);
			}
			catch (MigrationDefinitionException ex) {
				throw new CommandLineUsageException(ex.getMessage());
			}
			if (this.shadowUrl != null && !this.shadowUrl.isBlank()) {
				requireDriver(this.shadowUrl);
				builder.shadow(ShadowDatabase.of(this.shadowUrl, this.shadowUser, this.shadowPassword));
			}
			if (this.table != null) {
				try {
					builder.table(this.table);
				}
				catch (MigrationDefinitionException ex) {
					throw new CommandLineUsageException(ex.getMessage() + " (--table or MIGRATIONS_TABLE)");
				}
			}
			return builder.build();
		}

		/**
		 * Refuse a URL that no driver of the jar accepts before connecting, as the usage
		 * error it is: a typo, or a database whose driver the jar does not have.
		 */
		private static void requireDriver(String url) {
			if (!url.startsWith("jdbc:")) {
				throw new CommandLineUsageException(
						"'" + url + "' is not a JDBC URL (--url or MIGRATIONS_URL): a JDBC URL "
								+ "starts with jdbc:, for example jdbc:postgresql://localhost:5432/app");
			}
			try {
				DriverManager.getDriver(url);
			}
			catch (SQLException ex) {
				throw new CommandLineUsageException("No driver in this jar accepts '" + url
						+ "' (--url or MIGRATIONS_URL). It has drivers for jdbc:postgresql:, jdbc:mariadb:, "
						+ "jdbc:mysql:, jdbc:h2: and jdbc:sqlite:");
			}
		}

		/**
		 * Load the driver the user names, and register it unless it registered itself: a
		 * driver added with {@code java -cp} whose jar does not announce it is found this
		 * way, as Spring Boot's {@code driver-class-name} finds one. A class that is not
		 * there, is no driver, or does not take the URL is a usage error naming the
		 * option.
		 */
		private static void loadDriver(String className, String url) {
			String where = " (--driver-class-name or MIGRATIONS_DRIVER_CLASS_NAME)";
			Class<?> type;
			try {
				type = Class.forName(className, true, Main.class.getClassLoader());
			}
			catch (ClassNotFoundException | LinkageError ex) {
				throw new CommandLineUsageException("No class " + className + " is on the class path" + where
						+ ": name the driver of the database, such as org.postgresql.Driver, and add its jar with "
						+ "java -cp migrations-cli-all.jar:DRIVER.jar dev.migrations.cli.Main");
			}
			if (!Driver.class.isAssignableFrom(type)) {
				throw new CommandLineUsageException(
						className + " is not a JDBC driver" + where + ": name a class that implements java.sql.Driver");
			}
			try {
				Driver driver = (Driver) type.getDeclaredConstructor().newInstance();
				if (!driver.acceptsURL(url)) {
					throw new CommandLineUsageException("The driver " + className + where + " does not accept '"
							+ Credentials.mask(url) + "' (--url or MIGRATIONS_URL)");
				}
				if (DriverManager.drivers().noneMatch(type::isInstance)) {
					DriverManager.registerDriver(driver);
				}
			}
			catch (ReflectiveOperationException | SQLException ex) {
				throw new CommandLineUsageException(
						"The driver " + className + where + " could not be created: " + ex.getMessage());
			}
		}

		/**
		 * Refuse a class path location that is not there: the standalone jar's class path
		 * holds no migrations unless the user adds them, so a missing one is nearly
		 * always a directory written without {@code filesystem:}, and finding nothing in
		 * it would report the database up to date.
		 */
		private static void requireOnClassPath(String location) {
			// A location that names the database is checked up to the folder that holds
			// one folder per database; the runner reports the database's own folder
			String placeholder = SqlMigrationSource.placeholder(location);
			String known = (placeholder != null) ? location.substring(0, location.indexOf(placeholder)) : location;
			String path = SqlMigrationSource.classpathPath(known);
			if (path != null && Main.class.getClassLoader().getResource(path) == null) {
				throw new CommandLineUsageException("Migration location '" + location + "' is not on the class path. "
						+ "For a directory, write filesystem:" + location.replaceFirst("^classpath:", "")
						+ " (--locations or MIGRATIONS_LOCATIONS)");
			}
		}

	}

}
