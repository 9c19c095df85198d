package dev.migrations.test;

import dev.migrations.testing.DatabaseKind;
import dev.migrations.testing.OnDatabase;

@OnDatabase(DatabaseKind.SQLITE)
class SqliteMigratedDatabaseTests extends MigratedDatabaseConformanceTests {

	@Override
	DatabaseKind kind() {
		return DatabaseKind.SQLITE;
	}

}
