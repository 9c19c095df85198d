package dev.migrations;

/**
 * How migrations are grouped into transactions.
 */
public enum TransactionMode {

	/**
	 * Each migration commits together with its ledger row, where the database has
	 * transactional DDL.
	 */
	PER_MIGRATION,

	/**
	 * The whole run commits or rolls back as one, where the database has transactional
	 * DDL and every pending migration is transactional; otherwise the run refuses to
	 * start.
	 */
	ALL

}
