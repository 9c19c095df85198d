package dev.migrations.boot.actuate;

import dev.migrations.boot.actuate.MigrationsEndpoint.ActionDescriptor;
import dev.migrations.boot.actuate.MigrationsEndpointWebExtension.RefusalDescriptor;
import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.annotation.ReflectiveRuntimeHintsRegistrar;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a native image needs of {@link MigrationsEndpointWebExtension}: its operation
 * declares {@code OperationResponseBody}, so the bodies it writes must be registered for
 * reflection by the extension itself.
 */
class MigrationsEndpointWebExtensionTests {

	@Test
	void registersTheBodiesItWritesForReflection() {
		RuntimeHints hints = new RuntimeHints();
		new ReflectiveRuntimeHintsRegistrar().registerRuntimeHints(hints, MigrationsEndpointWebExtension.class);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(RefusalDescriptor.class, "error"))
			.accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(ActionDescriptor.class, "migrations"))
			.accepts(hints);
	}

}
