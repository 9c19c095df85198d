package dev.migrations;

/**
 * The state of a migration as {@link MigrationRunner#status()} reports it.
 */
public enum MigrationState {

	/** Applied, with the same checksum as its source. */
	APPLIED,

	/** Not applied yet. */
	PENDING,

	/** Not applied yet, but older than the newest applied migration (a merged branch). */
	OUT_OF_ORDER,

	/** Failed outside a transaction; blocks every later run until repaired. */
	FAILED,

	/** Started outside a transaction and never finished: a run died part-way. */
	RUNNING,

	/** Applied, but its source has changed since. */
	CHECKSUM_MISMATCH,

	/** Recorded in the ledger, but no source defines it any more. */
	MISSING,

	/** Covered by a baseline: the database already had it when the ledger was adopted. */
	BASELINE

}
