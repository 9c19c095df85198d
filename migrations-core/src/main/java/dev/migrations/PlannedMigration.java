package dev.migrations;

import java.util.List;

/**
 * A migration as a dry run shows it: the exact SQL that would run, for the connected
 * database.
 *
 * @param id the id
 * @param source where the plan of its direction comes from: the {@code .up.sql} or
 * {@code .down.sql} file of a SQL migration, the class of a Java migration
 * @param direction whether it would be applied or rolled back
 * @param statements the statements, in order; JDBC steps appear as SQL comments
 */
public record PlannedMigration(MigrationId id, String source, Direction direction, List<String> statements) {

	public PlannedMigration {
		statements = List.copyOf(statements);
	}

}
