package dev.migrations.boot.autoconfigure;

/**
 * What {@link MigrationsInitializer} does when the application starts, set with
 * {@code migrations.on-startup}.
 */
public enum StartupMode {

	/**
	 * Apply every pending migration before anything else uses the database.
	 */
	APPLY,

	/**
	 * Apply nothing; fail startup when any migration is pending, failed, interrupted or
	 * changed since it was applied.
	 */
	VALIDATE,

	/**
	 * Apply nothing; log the SQL that applying would run.
	 */
	PRETEND,

	/**
	 * Do nothing at startup.
	 */
	NONE,

	/**
	 * Apply every pending migration, then close the context and exit the JVM with status
	 * 0; a failure fails startup, which exits with a non-zero status. The same jar can so
	 * run as a Kubernetes Job or init container.
	 */
	APPLY_AND_EXIT

}
