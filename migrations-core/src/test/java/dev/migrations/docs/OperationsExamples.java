package dev.migrations.docs;

import javax.sql.DataSource;

import dev.migrations.MigrationId;
import dev.migrations.runner.MigrationRunner;

/**
 * The Java examples of docs/operations.md and docs/migrating-from-flyway.md, as the pages
 * show them.
 */
final class OperationsExamples {

	private OperationsExamples() {
	}

	static void adoptAnExistingDatabase(MigrationRunner runner) {
		runner.baseline(MigrationId.parse("m_20241201000000_create_users_table"));
		runner.applyAll(); // applies only what comes after the baseline
	}

	static void baselineOnMigrate(DataSource dataSource) {
		MigrationRunner runner = MigrationRunner.builder(dataSource)
			.baselineOnMigrate(true)
			.baselineVersion(MigrationId.parse("m_20241201000000_create_users_table"))
			.build();
		runner.applyAll();
	}

	static void baselineRenamedFlywayMigrations(MigrationRunner runner) {
		runner.baseline(MigrationId.parse("m_20000101000003_create_orders"));
	}

}
