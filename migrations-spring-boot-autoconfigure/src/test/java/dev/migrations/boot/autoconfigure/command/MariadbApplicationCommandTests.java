package dev.migrations.boot.autoconfigure.command;

import dev.migrations.testing.DatabaseKind;
import dev.migrations.testing.OnDatabase;

@OnDatabase(DatabaseKind.MARIADB)
class MariadbApplicationCommandTests extends ApplicationCommandConformanceTests {

}
