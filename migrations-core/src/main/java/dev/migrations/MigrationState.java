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
	 * Started outside a transaction and never finished, by a run that no longer holds the
	 * migration lock: it died, or lost the lock, part-way. Blocks every later run until
	 * repaired, also when no source defines it any more.
	 */
	RUNNING,

	/**
	 * Being applied now: its {@code RUNNING} row was written by the run that holds the
	 * migration lock. Reported by views that take no lock ({@code status},
	 * {@code validate}); repair refuses it unless forced.
	 */
	IN_PROGRESS,

	/** Applied, but its source has changed since. */
	CHECKSUM_MISMATCH,

	/**
	 * Recorded as applied in the ledger, but no source defines it any more. A
	 * {@link #FAILED}, {@link #RUNNING}, {@link #BASELINE} or {@link #SQUASHED} row keeps
	 * its own state.
	 */
	MISSING,

	/** Covered by a baseline: the database already had it when the ledger was adopted. */
	BASELINE,

	/**
	 * Applied by loading a squash that replaces it, on a database whose ledger was empty,
	 * with the same checksum as its source; its own script never ran there, so a rollback
	 * cannot reach it. An edited one is {@link #CHECKSUM_MISMATCH}, as an applied one is.
	 */
	SQUASHED

}
