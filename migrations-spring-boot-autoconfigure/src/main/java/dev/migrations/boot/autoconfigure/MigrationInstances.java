package dev.migrations.boot.autoconfigure;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import dev.migrations.boot.autoconfigure.MigrationsProperties.Instance;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Reads the enabled {@code migrations.instances} from the environment, in the order they
 * are applied: ascending {@code order}, then by name.
 */
final class MigrationInstances {

	private MigrationInstances() {
	}

	static List<String> orderedNames(Environment environment) {
		Map<String, Instance> instances = Binder.get(environment)
			.bind("migrations.instances", Bindable.mapOf(String.class, Instance.class))
			.orElse(Map.of());
		return instances.entrySet()
			.stream()
			.filter((entry) -> entry.getValue().isEnabled())
			.sorted(Comparator.comparingInt((Map.Entry<String, Instance> entry) -> entry.getValue().getOrder())
				.thenComparing(Map.Entry::getKey))
			.map(Map.Entry::getKey)
			.toList();
	}

	static boolean configured(Environment environment) {
		return Binder.get(environment)
			.bind("migrations.instances", Bindable.mapOf(String.class, Instance.class))
			.map((instances) -> !instances.isEmpty())
			.orElse(false);
	}

}
