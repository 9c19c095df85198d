package dev.migrations.conformance;

import dev.migrations.testing.DatabaseKind;
import dev.migrations.testing.OnDatabase;

@OnDatabase(DatabaseKind.SQLITE)
class SqliteIndexTests extends IndexConformanceTests {

}
