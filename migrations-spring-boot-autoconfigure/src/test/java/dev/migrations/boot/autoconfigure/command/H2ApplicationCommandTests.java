package dev.migrations.boot.autoconfigure.command;

import dev.migrations.testing.DatabaseKind;
import dev.migrations.testing.OnDatabase;

@OnDatabase(DatabaseKind.H2)
class H2ApplicationCommandTests extends ApplicationCommandConformanceTests {

}
