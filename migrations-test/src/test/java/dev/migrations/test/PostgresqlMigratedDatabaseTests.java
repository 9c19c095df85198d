package dev.migrations.test;

import dev.migrations.testing.DatabaseKind;
import dev.migrations.testing.OnDatabase;

@OnDatabase(DatabaseKind.POSTGRESQL)
class PostgresqlMigratedDatabaseTests extends MigratedDatabaseConformanceTests {

	@Override
	DatabaseKind kind() {
		return DatabaseKind.POSTGRESQL;
	}

}
