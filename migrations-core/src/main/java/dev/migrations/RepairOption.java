package dev.migrations;

/**
 * What {@link MigrationRunner#repair(RepairOption...)} may do beyond removing the
 * {@code FAILED} and {@code RUNNING} rows of runs that are over.
 */
public enum RepairOption {

	/** Record the current checksums of applied migrations that were edited since. */
	ACCEPT_CHECKSUMS,

	/**
	 * Also clear a migration that is in progress: take the lock from the run that holds
	 * it (end its database session, or delete its lease) before repairing. For the
	 * operator who has checked that the holder is stuck or gone; a holder that was alive
	 * after all stops before its next write.
	 */
	FORCE

}
