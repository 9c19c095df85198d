package dev.migrations.cli;

import dev.migrations.testing.DatabaseKind;
import dev.migrations.testing.OnDatabase;

@OnDatabase(DatabaseKind.MARIADB)
class MariadbCommandLineIT extends CommandLineConformanceIT {

}
