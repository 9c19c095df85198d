package dev.migrations.internal;

/**
 * A placeholder of a SQL migration has no value: a failure of the environment, which has
 * the values or not, rather than of the file. A validation of migrations that are already
 * applied passes over it in their down scripts, which a rollback reads with the values of
 * its own environment.
 */
public final class PlaceholderValueMissing extends IllegalArgumentException {

	private static final long serialVersionUID = 1L;

	/**
	 * Create the failure.
	 * @param message what is missing and how to give it
	 */
	public PlaceholderValueMissing(String message) {
		super(message);
	}

}
