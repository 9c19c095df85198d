package dev.migrations.test.spring.examples;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import dev.migrations.Direction;
import dev.migrations.Migration;
import dev.migrations.MigrationDescriptor;
import dev.migrations.MigrationListener;
import dev.migrations.schema.Schema;

/**
 * A migration and a listener that record what runs, for the Spring examples'
 * applications: the tests that run them assert that the template is migrated once and
 * that the application's runners apply nothing.
 */
public final class Recording {

	private Recording() {
	}

	/**
	 * Return a migration that counts its runs.
	 * @param runs the counter
	 * @param up the statement it applies
	 * @param down the statement that rolls it back
	 * @return the migration
	 */
	public static Migration counted(AtomicInteger runs, String up, String down) {
		return new Migration() {

			@Override
			public void up(Schema schema) {
				schema.jdbc((connection) -> runs.incrementAndGet());
				schema.sql(up);
			}

			@Override
			public void down(Schema schema) {
				schema.sql(down);
			}

		};
	}

	/**
	 * Return a listener that records the ids of the migrations applied.
	 * @param ids where the ids go
	 * @return the listener
	 */
	public static MigrationListener applied(List<String> ids) {
		return new MigrationListener() {

			@Override
			public void afterMigration(MigrationDescriptor migration, Direction direction, Duration duration) {
				ids.add(migration.id().toString());
			}

		};
	}

}
