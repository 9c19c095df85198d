package dev.migrations.boot.autoconfigure.command;

import dev.migrations.testing.DatabaseKind;
import dev.migrations.testing.OnDatabase;

@OnDatabase(DatabaseKind.POSTGRESQL)
class PostgresqlApplicationCommandTests extends ApplicationCommandConformanceTests {

}
