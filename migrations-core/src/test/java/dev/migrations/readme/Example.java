package dev.migrations.readme;

import javax.sql.DataSource;

import dev.migrations.Migration;
import dev.migrations.MigrationEntry;
import dev.migrations.MigrationResult;
import dev.migrations.MigrationStatus;
import dev.migrations.PlannedMigration;
import dev.migrations.runner.MigrationRunner;
import dev.migrations.schema.Schema;

class Example {

	static void migrate(DataSource dataSource) {
		Migration addNotes = new Migration() {
			@Override
			public void up(Schema schema) {
				schema.sql("CREATE TABLE notes (id BIGINT PRIMARY KEY, body VARCHAR(2000) NOT NULL)");
			}

			@Override
			public void down(Schema schema) {
				schema.sql("DROP TABLE notes");
			}
		};
		MigrationRunner runner = MigrationRunner.builder(dataSource)
			.locations("classpath:db/migrations")
			.entries(MigrationEntry.of("m_20241201000000_create_notes", addNotes))
			.build();
		for (PlannedMigration planned : runner.pretend().applyAll()) {
			System.out.println(planned.id() + ": " + planned.statements());
		}
		MigrationResult result = runner.applyAll();
		System.out.println("Applied " + result.migrations().size() + " in batch " + result.batch());
		for (MigrationStatus status : runner.status()) {
			System.out.println(status.id() + " " + status.state());
		}
		runner.rollback();
	}

}
