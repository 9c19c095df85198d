package dev.migrations.conformance;

import java.util.List;

import dev.migrations.testing.DatabaseKind;
import dev.migrations.testing.OnDatabase;

/**
 * Drift detection on SQLite, which cannot change a column's type: the drift by hand adds
 * a column, drops an index and creates a table.
 */
@OnDatabase(DatabaseKind.SQLITE)
class SqliteDriftTests extends DriftConformanceTests {

	@Override
	List<String> driftByHand() {
		return List.of("ALTER TABLE authors ADD nickname VARCHAR(20)", "DROP INDEX authors_name",
				"CREATE TABLE notes (id INTEGER PRIMARY KEY)");
	}

	@Override
	List<String> expectedDrift() {
		return List.of("- index authors.authors_name", "+ table notes: columns (id)",
				"+ column authors.nickname: varchar(20) null");
	}

}
