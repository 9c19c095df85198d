package dev.migrations.fencing;

import dev.migrations.testing.DatabaseKind;
import dev.migrations.testing.OnDatabase;

@OnDatabase(DatabaseKind.SQLITE)
class SqliteInProgressTests extends InProgressConformanceTests {

}
