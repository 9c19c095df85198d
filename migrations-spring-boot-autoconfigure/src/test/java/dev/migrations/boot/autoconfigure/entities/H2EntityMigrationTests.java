package dev.migrations.boot.autoconfigure.entities;

import dev.migrations.testing.DatabaseKind;
import dev.migrations.testing.OnDatabase;

@OnDatabase(DatabaseKind.H2)
class H2EntityMigrationTests extends EntityMigrationConformanceTests {

}
