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
	 * Apply every pending migration, start no web server, and close the application
	 * through {@code SpringApplication.exit} as soon as it is ready, with exit code 0; a
	 * failure fails startup, which ends the process with a non-zero status. Nothing calls
	 * {@code System.exit}: {@code SpringApplication.run} returns the closed context. The
	 * same jar can so run as a Kubernetes Job or init container.
	 */
	APPLY_AND_EXIT

}
