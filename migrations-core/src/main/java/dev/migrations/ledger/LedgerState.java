package dev.migrations.ledger;

/**
 * The state of a row in the ledger.
 */
public enum LedgerState {

	/** The migration was applied. */
	APPLIED,

	/**
	 * The migration was started outside a transaction and has not finished; if no run is
	 * in progress, it died part-way.
	 */
	RUNNING,

	/** The migration failed outside a transaction; the database may be partly changed. */
	FAILED,

	/** The database already had this migration's changes when the ledger was adopted. */
	BASELINE,

	/**
	 * The migration's changes were made by loading a squash that replaces it, on a
	 * database whose ledger was empty: its own script never ran there, so it cannot be
	 * rolled back. Versions of this library before squashes cannot read such a row.
	 */
	SQUASHED

}
