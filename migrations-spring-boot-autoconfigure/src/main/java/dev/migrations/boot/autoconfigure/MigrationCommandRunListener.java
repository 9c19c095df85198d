package dev.migrations.boot.autoconfigure;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import dev.migrations.command.MigrationCommandLine;

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
	 * Before Spring Boot's own listener, so the properties are in place when logging is
	 * initialized.
	 */
	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
