package dev.migrations;

/**
 * One reason why migrations cannot be applied, as returned by
 * {@link MigrationRunner#validate()}.
 *
 * @param id the migration concerned
 * @param state its state
 * @param message what is wrong
 * @param action what to do about it
 */
public record MigrationProblem(MigrationId id, MigrationState state, String message, String action) {

}
