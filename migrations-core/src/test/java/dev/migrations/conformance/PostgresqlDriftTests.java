package dev.migrations.conformance;

import java.util.List;

import dev.migrations.testing.DatabaseKind;
import dev.migrations.testing.OnDatabase;

/**
 * Drift detection on PostgreSQL.
 */
@OnDatabase(DatabaseKind.POSTGRESQL)
class PostgresqlDriftTests extends DriftConformanceTests {

	@Override
	List<String> driftByHand() {
		return List.of("ALTER TABLE authors ADD nickname VARCHAR(20)", "DROP INDEX authors_name",
				"ALTER TABLE books ALTER COLUMN title TYPE VARCHAR(50)", "CREATE TABLE notes (id INTEGER PRIMARY KEY)");
	}

}
