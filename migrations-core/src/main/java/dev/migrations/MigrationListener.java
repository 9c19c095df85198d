package dev.migrations;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * Callbacks around a migration run, for logging, metrics and tracing. Every method does
 * nothing by default. Listeners are called on the thread that runs the migrations; an
 * exception thrown by a listener fails the run.
 */
public interface MigrationListener {

	/**
	 * Called when the lock was acquired. An apply that finds every migration applied
	 * before it takes the lock takes none, and this is not called.
	 * @param waited how long acquiring took
	 */
	default void lockAcquired(Duration waited) {
	}

	/**
	 * Called before a run applies or rolls back anything.
	 * @param direction the direction
	 * @param count how many migrations it will run
	 */
	default void beforeRun(Direction direction, int count) {
	}

	/**
	 * Called before a run applies or rolls back anything, saying whether its migrations
	 * commit together at its end ({@code TransactionMode.ALL}). In such a run,
	 * {@link #afterMigration} reports each migration when it ran, before anything is
	 * committed, and a failure rolls them all back: {@link #afterRun}'s result lists what
	 * was committed. Calls {@link #beforeRun(Direction, int)} by default.
	 * @param direction the direction
	 * @param count how many migrations it will run
	 * @param oneTransaction whether the migrations commit together when the run ends
	 */
	default void beforeRun(Direction direction, int count, boolean oneTransaction) {
		beforeRun(direction, count);
	}

	/**
	 * Called after a run, whether or not it succeeded.
	 * @param direction the direction
	 * @param result what ran successfully
	 * @param failure the failure, or {@code null}
	 */
	default void afterRun(Direction direction, MigrationResult result, @Nullable MigrationException failure) {
	}

	/**
	 * Called before one migration runs.
	 * @param migration the migration
	 * @param direction the direction
	 */
	default void beforeMigration(MigrationDescriptor migration, Direction direction) {
	}

	/**
	 * Called after one migration ran successfully.
	 * @param migration the migration
	 * @param direction the direction
	 * @param duration how long it took
	 */
	default void afterMigration(MigrationDescriptor migration, Direction direction, Duration duration) {
	}

	/**
	 * Called when one migration failed.
	 * @param migration the migration
	 * @param direction the direction
	 * @param failure the failure
	 */
	default void onFailure(MigrationDescriptor migration, Direction direction, MigrationException failure) {
	}

}
