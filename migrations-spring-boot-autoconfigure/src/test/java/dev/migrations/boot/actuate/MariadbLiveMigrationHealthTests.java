package dev.migrations.boot.actuate;

import dev.migrations.testing.DatabaseKind;
import dev.migrations.testing.OnDatabase;

@OnDatabase(DatabaseKind.MARIADB)
class MariadbLiveMigrationHealthTests extends LiveMigrationHealthConformanceTests {

}
