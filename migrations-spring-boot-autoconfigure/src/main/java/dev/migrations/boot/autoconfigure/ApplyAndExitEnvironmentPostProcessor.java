package dev.migrations.boot.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.aot.AotDetector;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts no web server when {@code migrations.on-startup=apply-and-exit}: the application
 * only applies its migrations and closes, so it must neither listen on its port nor fail
 * because another process does. An application processed ahead of time keeps the type it
 * was built with, so a web application starts its server on a free port instead.
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
				.addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME, AotDetector.useGeneratedArtifacts()
						? anyFreePort(environment) : Map.of("spring.main.web-application-type", "none")));
		}
	}

	/**
	 * Processed ahead of time, the application's type is fixed at build time, and a web
	 * application starts its server: on a port nothing else can be using, so that it does
	 * not fail when the application itself runs beside it.
	 */
	private static Map<String, Object> anyFreePort(ConfigurableEnvironment environment) {
		Map<String, Object> ports = new LinkedHashMap<>();
		ports.put("server.port", "0");
		if (environment.containsProperty("management.server.port")) {
			ports.put("management.server.port", "0");
		}
		return ports;
	}

	@Override
	public int getOrder() {
		// After the application's configuration files are loaded
		return Ordered.LOWEST_PRECEDENCE;
	}

}
