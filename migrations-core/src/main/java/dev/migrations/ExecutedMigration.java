package dev.migrations;

/**
 * A migration that a run applied or rolled back.
 *
 * @param id the id
 * @param source where the plan of its direction comes from: the {@code .up.sql} or
 * {@code .down.sql} file of a SQL migration, the class of a Java migration
 * @param direction whether it was applied or rolled back
 * @param executionMs how long it took, in milliseconds
 * @param outOfOrder whether it was applied after a newer migration
 */
public record ExecutedMigration(MigrationId id, String source, Direction direction, long executionMs,
		boolean outOfOrder) {

}
