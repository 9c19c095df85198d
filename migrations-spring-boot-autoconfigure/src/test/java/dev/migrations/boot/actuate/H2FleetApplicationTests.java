package dev.migrations.boot.actuate;

import dev.migrations.testing.DatabaseKind;
import dev.migrations.testing.OnDatabase;

@OnDatabase(DatabaseKind.H2)
class H2FleetApplicationTests extends FleetApplicationConformanceTests {

}
