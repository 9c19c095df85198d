package dev.migrations.cli;

import dev.migrations.testing.DatabaseKind;
import dev.migrations.testing.OnDatabase;

@OnDatabase(DatabaseKind.H2)
class H2CommandLineIT extends CommandLineConformanceIT {

}
