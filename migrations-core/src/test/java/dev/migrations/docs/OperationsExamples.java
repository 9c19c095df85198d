package dev.migrations.docs;

import javax.sql.DataSource;

import dev.migrations.MigrationId;
import dev.migrations.MigrationResult;
import dev.migrations.runner.DevelopmentResets;
import dev.migrations.runner.MigrationRunner;

/**
 * The Java examples of docs/operations.md, docs/migrating-from-flyway.md and the
 * development resets of docs/getting-started.md, as the pages show them.
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

	static MigrationResult startAgainFromZero(MigrationRunner runner) {
		DevelopmentResets resets = runner.resets();
		resets.freshPlan().forEach(System.out::println); // what it will drop
		// without forced(), fresh() refuses and changes nothing
		MigrationResult applied = resets.forced().fresh();
		return applied;
	}

}
