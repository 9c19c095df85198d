package dev.migrations.cli;

import java.nio.charset.Charset;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
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
import dev.migrations.source.SqlMigrationSource;
import org.jspecify.annotations.Nullable;

/**
 * The standalone command line:
 * {@code java -jar migrations-cli.jar --url jdbc:postgresql://host/db --user app migrate}.
 * Connection settings come from options or, when an option is absent, from the
 * environment: {@code MIGRATIONS_URL}, {@code MIGRATIONS_USER},
 * {@code MIGRATIONS_PASSWORD}, {@code MIGRATIONS_LOCATIONS}, {@code MIGRATIONS_TABLE},
 * {@code MIGRATIONS_ENCODING}, {@code MIGRATIONS_SHADOW_URL},
 * {@code MIGRATIONS_SHADOW_USER}, {@code MIGRATIONS_SHADOW_PASSWORD}. The passwords are
 * never printed.
 */
public final class Main {

	private static final String OPTIONS = """
			Connection options (or the environment variables in brackets):
			  --url JDBC_URL         the database [MIGRATIONS_URL]
			  --user NAME            the database user [MIGRATIONS_USER]
			  --password SECRET      the password [MIGRATIONS_PASSWORD]; prefer the variable, options show in ps
			  --locations A,B        migration locations, default classpath:db/migrations [MIGRATIONS_LOCATIONS]
			  --table NAME           the ledger table, default migrations_ledger [MIGRATIONS_TABLE]
			  --encoding NAME        the encoding of the SQL files, default UTF-8 [MIGRATIONS_ENCODING]
			  --shadow-url JDBC_URL  an empty database used for nothing else, in which migrate:diff and
			                         migrate --verify replay the migrations, emptied after each use; default a
			                         temporary database created and dropped on the same server [MIGRATIONS_SHADOW_URL]
			  --shadow-user NAME     the shadow database's user [MIGRATIONS_SHADOW_USER]
			  --shadow-password SECRET  its password [MIGRATIONS_SHADOW_PASSWORD]""";

	private static final List<CommandOption> CONNECTION_OPTIONS = Stream
		.of("--url", "--user", "--password", "--locations", "--table", "--encoding", "--shadow-url", "--shadow-user",
				"--shadow-password")
		.map(CommandOption::withValue)
		.toList();

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

		private List<String> locations = List.of(SqlMigrationSource.DEFAULT_LOCATION);

		private @Nullable String table;

		private @Nullable String shadowUrl;

		private @Nullable String shadowUser;

		private @Nullable String shadowPassword;

		private Charset encoding = MigrationRunner.DEFAULT_ENCODING;

		private List<String> command = List.of();

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
		 * Return the passwords and those the URLs carry, which nothing may print.
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
			return secrets;
		}

		MigrationRunner runner(MigrationListener listener) {
			if (this.url == null || this.url.isBlank()) {
				throw new CommandLineUsageException("No database: pass --url JDBC_URL or set MIGRATIONS_URL");
			}
			requireDriver(this.url);
			this.locations.forEach(Settings::requireOnClassPath);
			MigrationRunner.Builder builder = MigrationRunner
				.builder(new JdbcUrlDataSource(this.url, this.user, this.password))
				.locations(this.locations)
				.encoding(this.encoding)
				.secrets(secrets())
				.listener(listener);
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
