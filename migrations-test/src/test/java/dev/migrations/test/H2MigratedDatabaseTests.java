package dev.migrations.test;

import dev.migrations.testing.DatabaseKind;
import dev.migrations.testing.OnDatabase;

@OnDatabase(DatabaseKind.H2)
class H2MigratedDatabaseTests extends MigratedDatabaseConformanceTests {

	@Override
	DatabaseKind kind() {
		return DatabaseKind.H2;
	}

}
