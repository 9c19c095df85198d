package dev.migrations.boot.autoconfigure;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.migrations.Credentials;
import dev.migrations.boot.autoconfigure.MigrationsProperties.Instance;
import dev.migrations.runner.MigrationRunner;
import dev.migrations.source.Placeholders;
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
 * {@code SPRING_DATASOURCE_PASSWORD}; and, for the commands and failure reports, the
 * values of placeholders named as secrets ({@code migrations.placeholders.db.password}).
 * The runners, the commands, the failure analyzers, the endpoint and the health
 * contributor all mask them the same way (see {@link MigrationRunner.Builder#secrets}).
 */
public final class MigrationsSecrets {

	private static final List<String> PASSWORDS = List.of("migrations.password", "spring.datasource.password",
			"migrations.shadow-password");

	private static final List<String> URLS = List.of("migrations.url", "spring.datasource.url",
			"migrations.shadow-url");

	private MigrationsSecrets() {
	}

	/**
	 * Return the configured passwords, and the values of placeholders named as secrets.
	 * @param environment the application's environment
	 * @return the passwords, without empty ones and repeats
	 */
	public static List<String> of(Environment environment) {
		Collection<Instance> instances = instances(environment);
		Set<String> secrets = new LinkedHashSet<>(of(environment, instances));
		// The runners mask these themselves; the commands and failure reports read them
		// here
		addAll(secrets, placeholderSecrets(environment, instances));
		return List.copyOf(secrets);
	}

	/**
	 * Return the configured passwords, with the instances bound already, as the bound
	 * {@link MigrationsProperties} have them.
	 * @param environment the application's environment
	 * @param instances the {@code migrations.instances} entries
	 * @return the passwords, without empty ones and repeats
	 */
	static List<String> of(Environment environment, Collection<Instance> instances) {
		Set<String> secrets = new LinkedHashSet<>();
		for (String name : PASSWORDS) {
			add(secrets, property(environment, name));
		}
		for (String name : URLS) {
			addAll(secrets, Credentials.secretsIn(property(environment, name)));
		}
		for (Instance instance : instances) {
			add(secrets, instance.getPassword());
			addAll(secrets, Credentials.secretsIn(instance.getUrl()));
		}
		return List.copyOf(secrets);
	}

	private static void addAll(Set<String> secrets, List<String> found) {
		for (String secret : found) {
			add(secrets, secret);
		}
	}

	private static void add(Set<String> secrets, @Nullable String secret) {
		if (secret != null && !secret.isEmpty()) {
			secrets.add(secret);
		}
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

	/**
	 * The values of the placeholders whose names say they are secret, top-level and of
	 * each instance.
	 */
	private static List<String> placeholderSecrets(Environment environment, Collection<Instance> instances) {
		try {
			Set<String> secrets = new LinkedHashSet<>(Placeholders
				.of(Binder.get(environment)
					.bind("migrations.placeholders", Bindable.mapOf(String.class, String.class))
					.orElse(Map.of()))
				.secretValues());
			for (Instance instance : instances) {
				Map<String, String> values = instance.getPlaceholders();
				if (values != null) {
					secrets.addAll(Placeholders.of(values).secretValues());
				}
			}
			return List.copyOf(secrets);
		}
		catch (RuntimeException ex) {
			return List.of();
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
