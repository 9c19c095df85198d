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

	/**
	 * Failed outside a transaction; blocks every later run until repaired, also when no
	 * source defines it any more.
	 */
	FAILED,

	/**
	 * Started outside a transaction and never finished: a run died part-way. Blocks every
	 * later run until repaired, also when no source defines it any more.
	 */
	RUNNING,

	/** Applied, but its source has changed since. */
	CHECKSUM_MISMATCH,

	/**
	 * Recorded as applied in the ledger, but no source defines it any more. A
	 * {@link #FAILED}, {@link #RUNNING} or {@link #BASELINE} row keeps its own state.
	 */
	MISSING,

	/** Covered by a baseline: the database already had it when the ledger was adopted. */
	BASELINE

}
