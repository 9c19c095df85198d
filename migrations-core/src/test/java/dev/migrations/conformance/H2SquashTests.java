package dev.migrations.conformance;

import java.util.Locale;

import dev.migrations.testing.DatabaseKind;
import dev.migrations.testing.OnDatabase;
import org.jspecify.annotations.Nullable;

/**
 * Squashing migrations on H2.
 */
@OnDatabase(DatabaseKind.H2)
class H2SquashTests extends SquashConformanceTests {

	@Override
	@Nullable String trigger() {
		return null;
	}

	@Override
	String dialect() {
		return "h2";
	}

	@Override
	String name(String name) {
		return name.toUpperCase(Locale.ROOT);
	}

}
