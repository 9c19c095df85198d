package dev.migrations.conformance;

import dev.migrations.testing.DatabaseKind;
import dev.migrations.testing.OnDatabase;

@OnDatabase(DatabaseKind.MARIADB)
class MariadbIndexTests extends IndexConformanceTests {

}
