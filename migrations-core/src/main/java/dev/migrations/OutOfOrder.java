package dev.migrations;

/**
 * What to do with a pending migration that is older than the newest applied one, as
 * happens when a branch is merged.
 */
public enum OutOfOrder {

	/** Apply it, and report it as out of order. */
	APPLY,

	/** Refuse to run. */
	FAIL

}
