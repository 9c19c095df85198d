package dev.migrations.boot.autoconfigure;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

import dev.migrations.Credentials;
import dev.migrations.MigrationException;
import dev.migrations.command.CommandRemedies;
import dev.migrations.command.MigrationCommandLine;
import org.jspecify.annotations.Nullable;
import org.springframework.aot.AotDetector;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringApplicationRunListener;
import org.springframework.boot.bootstrap.ConfigurableBootstrapContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Turns {@code java -jar app.jar migrate:status} (or any other migration command) into a
 * run of that command instead of the application: no web server, no migrations at
 * startup, no banner, logging at {@code WARN} unless {@code logging.level.root} is set,
 * standard output for the command's output alone (the application's own output goes to
 * standard error), and a {@link MigrationCommand} bean that {@link MigrationsInitializer}
 * runs and exits with.
 * <p>
 * The command is the first argument that is not an option in Spring Boot's sense (see
 * {@link DefaultApplicationArguments#getNonOptionArgs()}), so options such as
 * {@code --spring.datasource.url=...} may come before or after it. A first argument in
 * the commands' namespace ({@code migrate}, {@code migrate:...} or {@code make:...}) that
 * names no command, a typo such as {@code migrate:stauts}, ends the process with the
 * command line's usage error before the application starts: it must neither run the
 * application nor apply its migrations. So does a command with a usage error of its own,
 * such as an unknown option. Any other first argument is the application's own.
 */
class MigrationCommandRunListener implements SpringApplicationRunListener, Ordered {

	static final String PROPERTY_SOURCE_NAME = "migrationsCommand";

	private final List<String> args;

	private final @Nullable String command;

	private @Nullable ConfigurableEnvironment environment;

	private IntConsumer exit = System::exit;

	private PrintStream commandOut = System.out;

	MigrationCommandRunListener(SpringApplication application, String[] args) {
		this.args = Arrays.asList(args);
		this.command = firstNonOptionArg(args);
	}

	private static @Nullable String firstNonOptionArg(String[] args) {
		try {
			List<String> nonOptionArgs = new DefaultApplicationArguments(args).getNonOptionArgs();
			return nonOptionArgs.isEmpty() ? null : nonOptionArgs.get(0);
		}
		catch (IllegalArgumentException ex) {
			// Malformed options: the application reports them itself when it starts
			return null;
		}
	}

	private boolean isCommand() {
		return this.command != null && MigrationCommandLine.isCommand(this.command);
	}

	private static boolean isInCommandNamespace(String word) {
		return word.equals("migrate") || word.startsWith("migrate:") || word.startsWith("make:");
	}

	/**
	 * Ends the process with the usage error of the command line when the first argument
	 * looks like a command but names none, or names one whose options or arguments are
	 * wrong, before anything else happens.
	 */
	@Override
	public void starting(ConfigurableBootstrapContext bootstrapContext) {
		String command = this.command;
		if (command != null && isInCommandNamespace(command)) {
			// The command line checks the words, so the wording and the status are those
			// of the standalone jar
			int status = MigrationCommandLine.checkUsage(new MigrationCommand(command, this.args).args(), System.err);
			if (status != MigrationCommandLine.SUCCESS) {
				this.exit.accept(status);
				// Reached only when exit has been replaced: the application
				// must not start
				throw new IllegalStateException("Usage error in migration command '" + command + "'");
			}
		}
	}

	@Override
	public void environmentPrepared(ConfigurableBootstrapContext bootstrapContext,
			ConfigurableEnvironment environment) {
		if (isCommand()) {
			this.environment = environment;
			Map<String, Object> properties = new LinkedHashMap<>();
			if (!AotDetector.useGeneratedArtifacts()) {
				// Processed ahead of time, the application's type is fixed at build time:
				// a web application creates its server, but the command ends the process
				// before the server starts, so it never listens on its port
				properties.put("spring.main.web-application-type", "none");
			}
			properties.put("spring.main.banner-mode", "off");
			properties.put("spring.main.log-startup-info", "false");
			if (!environment.containsProperty("logging.level.root")) {
				properties.put("logging.level.root", "warn");
			}
			// Spring's warning about a failed start and the MariaDB driver's
			// about a failed statement would repeat the error the command prints
			properties.put("logging.level.org.springframework.context", "error");
			properties.put("logging.level.org.mariadb.jdbc", "error");
			properties.put("migrations.on-startup", "none");
			environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME, properties));
			// Standard output carries the command's output alone, something a script can
			// read (migrate:status --json); whatever else the application prints, the
			// log lines of the levels it configured among them, goes to standard error.
			// Logback's console appender writes to System.out as it is at each line
			this.commandOut = System.out;
			System.setOut(System.err);
		}
	}

	@Override
	public void contextPrepared(ConfigurableApplicationContext context) {
		String command = this.command;
		if (command != null && MigrationCommandLine.isCommand(command)) {
			context.getBeanFactory()
				.registerSingleton("migrationCommand", new MigrationCommand(command, this.args, this.commandOut));
		}
	}

	/**
	 * A command whose application cannot start (an unreachable database, say) ends as a
	 * failed command does: the message on standard error, no stack trace unless
	 * {@code --verbose}, and exit status {@link MigrationCommandLine#FAILURE}.
	 */
	@Override
	public void failed(@Nullable ConfigurableApplicationContext context, Throwable exception) {
		if (!isCommand()) {
			return;
		}
		System.setOut(this.commandOut);
		Throwable cause = exception;
		while (cause.getCause() != null && !(cause instanceof MigrationException)) {
			cause = cause.getCause();
		}
		String message = (cause instanceof MigrationException failure) ? CommandRemedies.message(failure)
				: "the application could not start: " + cause;
		System.err.println("error: " + mask(message));
		if (this.args.contains("--verbose")) {
			StringWriter trace = new StringWriter();
			exception.printStackTrace(new PrintWriter(trace));
			System.err.println(mask(trace.toString()));
		}
		this.exit.accept(MigrationCommandLine.FAILURE);
	}

	private String mask(@Nullable String text) {
		List<String> secrets = (this.environment != null) ? MigrationsSecrets.of(this.environment) : List.of();
		return String.valueOf(Credentials.mask((text != null) ? text : "", secrets));
	}

	/**
	 * Replace {@link System#exit(int)}, for tests.
	 * @param exit what to call with the exit status
	 */
	void setExit(IntConsumer exit) {
		this.exit = exit;
	}

	/**
	 * Before Spring Boot's own listener, so the properties are in place when logging is
	 * initialized.
	 */
	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
