package dev.migrations;

/**
 * What a run does after applying: compare the database with the schema its migrations
 * build on a shadow database, and warn or fail when they differ.
 */
public enum Verification {

	/** Compare nothing (the default). */
	OFF,

	/** Log each difference as a warning; the run succeeds. */
	WARN,

	/**
	 * Fail the run with every difference; what it applied stays applied and recorded.
	 */
	FAIL

}
