package dev.migrations.benchmarks;

/**
 * Where the databases of one column of results live: creates, copies and drops them.
 */
interface DatabaseServer extends AutoCloseable {

	/**
	 * Return the name used on the command line.
	 * @return the option name
	 */
	String optionName();

	/**
	 * Return the name for tables.
	 * @return the display name
	 */
	String displayName();

	/**
	 * Describe the server and its version, for the machine section of the report.
	 * @return the description
	 */
	String describe();

	/**
	 * Create an empty database for a single process.
	 * @return the database
	 */
	Database createEmpty();

	/**
	 * Create an empty database that outlives the process that fills it.
	 * @return the database
	 */
	Database createPersistent();

	/**
	 * Create a new database holding what a persistent database holds.
	 * @param source a database from {@link #createPersistent()}, not in use
	 * @return the copy
	 */
	Database copyOf(Database source);

	/**
	 * Drop a database; nothing happens if it no longer exists.
	 * @param database the database
	 */
	void drop(Database database);

	/**
	 * Drop every database this server created and has not dropped yet.
	 */
	@Override
	void close();

}
