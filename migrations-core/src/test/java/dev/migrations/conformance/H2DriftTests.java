package dev.migrations.conformance;

import java.util.List;
import java.util.Locale;

import dev.migrations.testing.DatabaseKind;
import dev.migrations.testing.OnDatabase;

/**
 * Drift detection on H2.
 */
@OnDatabase(DatabaseKind.H2)
class H2DriftTests extends DriftConformanceTests {

	@Override
	List<String> driftByHand() {
		return List.of("ALTER TABLE authors ADD nickname VARCHAR(20)", "DROP INDEX authors_name",
				"ALTER TABLE books ALTER COLUMN title SET DATA TYPE VARCHAR(50)",
				"CREATE TABLE notes (id INTEGER PRIMARY KEY)");
	}

	@Override
	String name(String name) {
		return name.toUpperCase(Locale.ROOT);
	}

}
