package dev.migrations.command;

import java.io.PrintStream;
import java.time.Duration;

import dev.migrations.Direction;
import dev.migrations.MigrationDescriptor;
import dev.migrations.MigrationListener;

/**
 * Prints one line per migration as it finishes, and a long wait for the lock.
 */
final class ProgressListener implements MigrationListener {

	private final PrintStream out;

	ProgressListener(PrintStream out) {
		this.out = out;
	}

	@Override
	public void lockAcquired(Duration waited) {
		if (waited.toMillis() >= 1000) {
			this.out.println("Waited " + waited.toMillis() + " ms for the migration lock");
		}
	}

	@Override
	public void afterMigration(MigrationDescriptor migration, Direction direction, Duration duration) {
		String verb = (direction == Direction.UP) ? "Applied" : "Rolled back";
		this.out.println(verb + " " + migration.id() + " (" + duration.toMillis() + " ms)");
	}

}
