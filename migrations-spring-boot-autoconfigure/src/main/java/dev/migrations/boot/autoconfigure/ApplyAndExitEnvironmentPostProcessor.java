package dev.migrations.boot.autoconfigure;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts no web server when {@code migrations.on-startup=apply-and-exit}: the application
 * only applies its migrations and closes, so it must neither listen on its port nor fail
 * because another process does.
 */
class ApplyAndExitEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	static final String PROPERTY_SOURCE_NAME = "migrationsApplyAndExit";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		Binder binder = Binder.get(environment);
		boolean enabled = binder.bind("migrations.enabled", Boolean.class).orElse(true);
		StartupMode mode = binder.bind("migrations.on-startup", StartupMode.class).orElse(StartupMode.APPLY);
		if (enabled && mode == StartupMode.APPLY_AND_EXIT) {
			environment.getPropertySources()
				.addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME,
						Map.of("spring.main.web-application-type", "none")));
		}
	}

	@Override
	public int getOrder() {
		// After the application's configuration files are loaded
		return Ordered.LOWEST_PRECEDENCE;
	}

}
