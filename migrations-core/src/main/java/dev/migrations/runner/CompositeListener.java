package dev.migrations.runner;

import java.time.Duration;
import java.util.List;

import dev.migrations.Direction;
import dev.migrations.MigrationDescriptor;
import dev.migrations.MigrationException;
import dev.migrations.MigrationListener;
import dev.migrations.MigrationResult;
import org.jspecify.annotations.Nullable;

/**
 * Calls several listeners in order.
 *
 * @param listeners the listeners
 */
record CompositeListener(List<MigrationListener> listeners) implements MigrationListener {

	@Override
	public void lockAcquired(Duration waited) {
		this.listeners.forEach((listener) -> listener.lockAcquired(waited));
	}

	@Override
	public void beforeRun(Direction direction, int count) {
		this.listeners.forEach((listener) -> listener.beforeRun(direction, count));
	}

	@Override
	public void beforeRun(Direction direction, int count, boolean oneTransaction) {
		this.listeners.forEach((listener) -> listener.beforeRun(direction, count, oneTransaction));
	}

	@Override
	public void afterRun(Direction direction, MigrationResult result, @Nullable MigrationException failure) {
		this.listeners.forEach((listener) -> listener.afterRun(direction, result, failure));
	}

	@Override
	public void beforeMigration(MigrationDescriptor migration, Direction direction) {
		this.listeners.forEach((listener) -> listener.beforeMigration(migration, direction));
	}

	@Override
	public void afterMigration(MigrationDescriptor migration, Direction direction, Duration duration) {
		this.listeners.forEach((listener) -> listener.afterMigration(migration, direction, duration));
	}

	@Override
	public void onFailure(MigrationDescriptor migration, Direction direction, MigrationException failure) {
		this.listeners.forEach((listener) -> listener.onFailure(migration, direction, failure));
	}

}
