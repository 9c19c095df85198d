package dev.migrations.lock;

import java.util.List;
import java.util.stream.Collectors;

import dev.migrations.MigrationException;
import dev.migrations.MigrationId;
import dev.migrations.Remedy;

/**
 * Thrown by a repair that finds a migration in progress: its {@code RUNNING} row was
 * written by a run that still holds the migration lock. Nothing was changed.
 */
public class MigrationInProgressException extends MigrationException {

	private final List<MigrationId> migrationIds;

	private final LockHolder holder;

	/**
	 * Create an exception.
	 * @param migrationIds the migrations in progress
	 * @param holder the run that holds the lock and applies them
	 */
	public MigrationInProgressException(List<MigrationId> migrationIds, LockHolder holder) {
		super("Cannot repair " + migrationIds.stream().map(MigrationId::toString).collect(Collectors.joining(", "))
				+ ": in progress in " + holder + ", which holds the migration lock and is applying it now. Nothing "
				+ "was changed.",
				Remedy.of(Remedy.Kind.RELEASE_LOCK)
					.with(Remedy.Fact.HOLDER, holder.owner())
					.with(Remedy.Fact.FORCE_REPAIR));
		this.migrationIds = List.copyOf(migrationIds);
		this.holder = holder;
	}

	/**
	 * Return the migrations in progress.
	 * @return their ids
	 */
	public List<MigrationId> getMigrationIds() {
		return this.migrationIds;
	}

	/**
	 * Return the run that holds the lock.
	 * @return the holder
	 */
	public LockHolder getHolder() {
		return this.holder;
	}

}
