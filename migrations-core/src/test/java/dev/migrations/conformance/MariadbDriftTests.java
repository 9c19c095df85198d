package dev.migrations.conformance;

import dev.migrations.testing.DatabaseKind;
import dev.migrations.testing.OnDatabase;

/**
 * Drift detection on MariaDB.
 */
@OnDatabase(DatabaseKind.MARIADB)
class MariadbDriftTests extends DriftConformanceTests {

}
