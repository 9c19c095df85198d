package dev.migrations.runner;

/**
 * What a failure of a migration leaves behind, which decides the next step its message
 * gives.
 */
enum Atomicity {

	/** The whole run is one transaction. */
	RUN,

	/** The migration and its ledger row are one transaction. */
	MIGRATION,

	/** Changes may stay behind when it fails. */
	NONE

}
