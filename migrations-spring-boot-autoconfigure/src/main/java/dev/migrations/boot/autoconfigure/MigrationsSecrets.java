package dev.migrations.boot.autoconfigure;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import dev.migrations.Credentials;
import dev.migrations.boot.autoconfigure.MigrationsProperties.Instance;
import dev.migrations.runner.MigrationRunner;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * The passwords an application configures for its migrations and its DataSource, which no
 * output may carry: {@code migrations.password}, {@code spring.datasource.password},
 * {@code migrations.shadow-password}, {@code migrations.instances.<name>.password}, and
 * the passwords that {@code migrations.url}, {@code spring.datasource.url},
 * {@code migrations.shadow-url} and {@code migrations.instances.<name>.url} carry,
 * wherever the environment has them from: a properties file, a command-line argument or
 * an environment variable such as {@code MIGRATIONS_PASSWORD} or
 * {@code SPRING_DATASOURCE_PASSWORD}. The runners, the commands, the failure analyzers,
 * the endpoint and the health contributor all mask them the same way (see
 * {@link MigrationRunner.Builder#secrets}).
 */
public final class MigrationsSecrets {

	private static final List<String> PASSWORDS = List.of("migrations.password", "spring.datasource.password",
			"migrations.shadow-password");

	private static final List<String> URLS = List.of("migrations.url", "spring.datasource.url",
			"migrations.shadow-url");

	private MigrationsSecrets() {
	}

	/**
	 * Return the configured passwords.
	 * @param environment the application's environment
	 * @return the passwords, without empty ones and repeats
	 */
	public static List<String> of(Environment environment) {
		List<@Nullable String> secrets = new ArrayList<>();
		PASSWORDS.forEach((name) -> secrets.add(property(environment, name)));
		URLS.forEach((name) -> secrets.addAll(Credentials.secretsIn(property(environment, name))));
		for (Instance instance : instances(environment)) {
			secrets.add(instance.getPassword());
			secrets.addAll(Credentials.secretsIn(instance.getUrl()));
		}
		return secrets.stream().filter((secret) -> secret != null && !secret.isEmpty()).distinct().toList();
	}

	/**
	 * Read a property, if it can be read: this also runs when the application could not
	 * start, perhaps because of that property.
	 */
	private static @Nullable String property(Environment environment, String name) {
		try {
			return environment.getProperty(name);
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private static Collection<Instance> instances(Environment environment) {
		try {
			return Binder.get(environment)
				.bind("migrations.instances", Bindable.mapOf(String.class, Instance.class))
				.orElse(Map.of())
				.values();
		}
		catch (RuntimeException ex) {
			return List.of();
		}
	}

}
