package dev.migrations.command;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.migrations.Direction;
import dev.migrations.MigrationDescriptor;
import dev.migrations.MigrationException;
import dev.migrations.MigrationListener;
import dev.migrations.MigrationResult;
import org.jspecify.annotations.Nullable;

/**
 * Prints one line per migration as it finishes (in a run in one transaction, once the run
 * committed), and a long wait for the lock. Not thread-safe.
 */
final class ProgressListener implements MigrationListener {

	private final PrintStream out;

	/**
	 * The lines of a run in one transaction, printed once it committed: until then
	 * nothing of it is applied, and a failure rolls it all back.
	 */
	private @Nullable List<String> held;

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
	public void beforeRun(Direction direction, int count, boolean oneTransaction) {
		this.held = oneTransaction ? new ArrayList<>() : null;
	}

	@Override
	public void afterMigration(MigrationDescriptor migration, Direction direction, Duration duration) {
		String verb = (direction == Direction.UP) ? "Applied" : "Rolled back";
		String line = verb + " " + migration.id() + " (" + duration.toMillis() + " ms)";
		if (this.held != null) {
			this.held.add(line);
		}
		else {
			this.out.println(line);
		}
	}

	@Override
	public void afterRun(Direction direction, MigrationResult result, @Nullable MigrationException failure) {
		List<String> lines = this.held;
		this.held = null;
		if (lines != null && failure == null) {
			lines.forEach(this.out::println);
		}
	}

}
