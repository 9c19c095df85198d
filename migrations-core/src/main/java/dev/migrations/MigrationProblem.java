package dev.migrations;

/**
 * One reason why migrations cannot be applied, as returned by
 * {@link MigrationRunner#validate()}.
 *
 * @param id the migration concerned
 * @param state its state
 * @param message what is wrong
 * @param remedy what to do about it
 */
public record MigrationProblem(MigrationId id, MigrationState state, String message, Remedy remedy) {

	/**
	 * Return what to do about the problem, worded for a Java caller.
	 * @return the words of the remedy
	 */
	public String action() {
		return RemedyWording.java(this.remedy);
	}

}
