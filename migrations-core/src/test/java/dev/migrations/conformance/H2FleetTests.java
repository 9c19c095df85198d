package dev.migrations.conformance;

import dev.migrations.testing.DatabaseKind;
import dev.migrations.testing.OnDatabase;

@OnDatabase(DatabaseKind.H2)
class H2FleetTests extends FleetConformanceTests {

}
