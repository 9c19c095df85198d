package dev.migrations.cli;

import dev.migrations.testing.DatabaseKind;
import dev.migrations.testing.OnDatabase;

@OnDatabase(DatabaseKind.POSTGRESQL)
class PostgresqlCommandLineIT extends CommandLineConformanceIT {

}
