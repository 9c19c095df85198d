package dev.migrations.boot.autoconfigure;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

import dev.migrations.MigrationException;
import dev.migrations.command.MigrationCommandLine;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.bootstrap.ConfigurableBootstrapContext;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringApplicationRunListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Turns {@code java -jar app.jar migrate:status} (or any other migration command as the
 * first argument) into a run of that command instead of the application: no web server,
 * no migrations at startup, quiet logging, and a {@link MigrationCommand} bean that
 * {@link MigrationsInitializer} runs and exits with.
 */
class MigrationCommandRunListener implements SpringApplicationRunListener, Ordered {

	static final String PROPERTY_SOURCE_NAME = "migrationsCommand";

	private final List<String> args;

	private @Nullable ConfigurableEnvironment environment;

	private IntConsumer exit = System::exit;

	MigrationCommandRunListener(SpringApplication application, String[] args) {
		this.args = Arrays.asList(args);
	}

	private boolean isCommand() {
		return !this.args.isEmpty() && MigrationCommandLine.isCommand(this.args.get(0));
	}

	@Override
	public void environmentPrepared(ConfigurableBootstrapContext bootstrapContext,
			ConfigurableEnvironment environment) {
		if (isCommand()) {
			this.environment = environment;
			environment.getPropertySources()
				.addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME,
						Map.of("spring.main.web-application-type", "none", "spring.main.banner-mode", "off",
								"spring.main.log-startup-info", "false", "logging.level.root", "warn",
								"migrations.on-startup", "none")));
		}
	}

	@Override
	public void contextPrepared(ConfigurableApplicationContext context) {
		if (isCommand()) {
			context.getBeanFactory().registerSingleton("migrationCommand", new MigrationCommand(this.args));
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
		Throwable cause = exception;
		while (cause.getCause() != null && !(cause instanceof MigrationException)) {
			cause = cause.getCause();
		}
		String message = (cause instanceof MigrationException) ? cause.getMessage()
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
		String masked = (text != null) ? text : "";
		if (this.environment != null) {
			for (String secret : MigrationCommand.secrets(this.environment)) {
				masked = masked.replace(secret, "****");
			}
		}
		return masked;
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
