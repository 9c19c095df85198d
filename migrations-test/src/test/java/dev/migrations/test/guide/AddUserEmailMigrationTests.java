package dev.migrations.test.guide;

import dev.migrations.MigrationId;
import dev.migrations.test.DatabaseCopy;
import dev.migrations.test.MigratedDatabase;
import dev.migrations.test.SchemaAssert;
import org.junit.jupiter.api.Test;

@MigratedDatabase
class AddUserEmailMigrationTests {

	@Test
	void rollingBackDropsTheEmailColumn(DatabaseCopy database) {
		database.runner().rollbackTo(MigrationId.parse("m_20240101000000_create_users"));
		SchemaAssert.assertThatSchema(database)
			.isAt("m_20240101000000_create_users")
			.doesNotHaveColumn("users", "email");

		database.runner().applyAll();
		SchemaAssert.assertThatSchema(database).isUpToDate().hasColumn("users", "email");
	}

}
