package dev.migrations.boot.actuate;

import dev.migrations.testing.DatabaseKind;
import dev.migrations.testing.OnDatabase;

@OnDatabase(DatabaseKind.POSTGRESQL)
class PostgresqlFleetApplicationTests extends FleetApplicationConformanceTests {

}
