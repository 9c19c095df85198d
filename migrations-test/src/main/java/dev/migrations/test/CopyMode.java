package dev.migrations.test;

/**
 * How often a test class gets a fresh copy of its migrated database.
 */
public enum CopyMode {

	/** One copy for all the tests of a class, dropped after the class. */
	PER_CLASS,

	/** One copy for each test method, dropped after the method. */
	PER_METHOD

}
