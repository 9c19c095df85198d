package dev.migrations.boot.autoconfigure.entities;

import dev.migrations.testing.DatabaseKind;
import dev.migrations.testing.OnDatabase;

@OnDatabase(DatabaseKind.POSTGRESQL)
class PostgresqlEntityCommandTests extends EntityCommandConformanceTests {

}
