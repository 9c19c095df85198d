package dev.migrations.fencing;

import dev.migrations.testing.DatabaseKind;
import dev.migrations.testing.OnDatabase;

@OnDatabase(DatabaseKind.H2)
class H2InProgressTests extends InProgressConformanceTests {

}
