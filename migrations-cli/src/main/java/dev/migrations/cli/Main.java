package dev.migrations.cli;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.migrations.Credentials;
import dev.migrations.command.CommandArguments;
import dev.migrations.command.CommandLineUsageException;
import dev.migrations.command.CommandOption;
import dev.migrations.command.ConnectionSettings;
import dev.migrations.command.SettingsWording;
import dev.migrations.command.MigrationCommandLine;

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
 * {@code MIGRATIONS_CONNECT_RETRIES_INTERVAL}, {@code MIGRATIONS_LOCK_TIMEOUT},
 * {@code MIGRATIONS_CREATE_SCHEMAS}. The passwords are never printed.
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
			  --lock-timeout SECONDS how long to wait for the migration lock another run holds, default 300
			                         [MIGRATIONS_LOCK_TIMEOUT]
			  --create-schemas       create the ledger's schema (--table SCHEMA.NAME) when it does not exist
			                         [MIGRATIONS_CREATE_SCHEMAS=true]""";

	private static final List<CommandOption> CONNECTION_OPTIONS = Stream
		.of("--url", "--user", "--password", "--driver-class-name", "--locations", "--table", "--encoding",
				"--shadow-url", "--shadow-user", "--shadow-password", "--placeholder", "--init-sql",
				"--connect-retries", "--connect-retries-interval", "--lock-timeout")
		.map(CommandOption::withValue)
		.collect(Collectors.collectingAndThen(Collectors.toList(), (options) -> {
			options.add(CommandOption.flag("--no-placeholders"));
			options.add(CommandOption.flag("--create-schemas"));
			return List.copyOf(options);
		}));

	private static final Wording WORDING = new Wording();

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
		MigrationCommandLine commandLine = new MigrationCommandLine(settings.connection::runner,
				settings.connection.locations(), System.out, System.err, colour, settings.connection.secrets());
		return commandLine.run(settings.command);
	}

	/**
	 * Connection settings and the command that remains.
	 */
	private static final class Settings {

		private final ConnectionSettings connection;

		private final List<String> command;

		private Settings(ConnectionSettings connection, List<String> command) {
			this.connection = connection;
			this.command = command;
		}

		static Settings parse(List<String> args, Map<String, String> environment) {
			ConnectionSettings settings = ConnectionSettings.fromEnvironment(environment, WORDING);
			CommandArguments options = CommandArguments.extract(args, CONNECTION_OPTIONS);
			ifGiven(options, "--url", settings::url);
			ifGiven(options, "--user", settings::user);
			ifGiven(options, "--password", settings::password);
			ifGiven(options, "--driver-class-name", settings::driverClassName);
			ifGiven(options, "--table", settings::table);
			ifGiven(options, "--shadow-url", settings::shadowUrl);
			ifGiven(options, "--shadow-user", settings::shadowUser);
			ifGiven(options, "--shadow-password", settings::shadowPassword);
			String locations = options.value("--locations");
			if (locations != null) {
				settings.locations(ConnectionSettings.commaSeparated(locations));
			}
			String encoding = options.value("--encoding");
			if (encoding != null) {
				settings.encoding(ConnectionSettings.charset(encoding, "--encoding"));
			}
			options.values("--placeholder").forEach((pair) -> settings.placeholder(pair, "--placeholder"));
			if (options.has("--no-placeholders")) {
				settings.placeholderReplacement(false);
			}
			List<String> initSqls = options.values("--init-sql");
			if (!initSqls.isEmpty()) {
				settings.initSqls(initSqls);
			}
			String retries = options.value("--connect-retries");
			if (retries != null) {
				settings.connectRetries(ConnectionSettings.wholeNumber(retries, "--connect-retries"));
			}
			String interval = options.value("--connect-retries-interval");
			if (interval != null) {
				settings.connectRetriesInterval(
						Duration.ofSeconds(ConnectionSettings.wholeNumber(interval, "--connect-retries-interval")));
			}
			String lockTimeout = options.value("--lock-timeout");
			if (lockTimeout != null) {
				settings.lockTimeout(Duration.ofSeconds(ConnectionSettings.wholeNumber(lockTimeout, "--lock-timeout")));
			}
			if (options.has("--create-schemas")) {
				settings.createSchemas(true);
			}
			List<String> command = options.words();
			if (command.contains("make:migration") && command.contains("--java")) {
				throw new CommandLineUsageException("The standalone command line runs SQL migrations only. A Java "
						+ "migration runs in its application: create it with the application's jar "
						+ "(java -jar app.jar make:migration NAME --java)");
			}
			if (command.contains("make:migration") && command.contains("--from-entities")) {
				throw new CommandLineUsageException("The standalone command line has no entities. A migration from "
						+ "JPA entities is written by their application: run it with the application's jar "
						+ "(java -jar app.jar make:migration NAME --from-entities)");
			}
			return new Settings(settings, command);
		}

		private static void ifGiven(CommandArguments options, String name, Consumer<String> setting) {
			String value = options.value(name);
			if (value != null) {
				setting.accept(value);
			}
		}

	}

	/**
	 * The options and variables of the standalone jar, as its errors name them.
	 */
	private static final class Wording implements SettingsWording {

		@Override
		public String origin(String setting) {
			return "--" + setting + " or MIGRATIONS_" + setting.toUpperCase(Locale.ROOT).replace('-', '_');
		}

		@Override
		public String drivers() {
			return "this jar";
		}

		@Override
		public String addDriver() {
			return "It has drivers for jdbc:postgresql:, jdbc:mariadb:, jdbc:mysql:, jdbc:h2: and jdbc:sqlite:";
		}

		@Override
		public String notOnClassPath(String path) {
			// the jar's class path holds no migrations unless the user adds them
			return ". For a directory, write filesystem:" + path;
		}

	}

}
