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
 * @param statements the statements, in order, without their delimiters; JDBC steps appear
 * as SQL comments, and a PostgreSQL {@code COPY ... FROM stdin} as {@code psql} reads it:
 * the statement and its semicolon, its rows, and the line {@code \.} that ends them
 */
public record PlannedMigration(MigrationId id, String source, Direction direction, List<String> statements) {

	private static final String COPY_END = "\n\\.";

	public PlannedMigration {
		statements = List.copyOf(statements);
	}

	/**
	 * Return the statements as a script that the database's own command-line client
	 * replays: each statement followed by a semicolon, one after the other, except
	 * comments and the rows of a {@code COPY ... FROM stdin}, which end without one.
	 * @return the script, without a final line break
	 */
	public String script() {
		StringBuilder script = new StringBuilder();
		for (String statement : this.statements) {
			if (!script.isEmpty()) {
				script.append('\n');
			}
			script.append(statement);
			if (!statement.startsWith("--") && !statement.endsWith(COPY_END)) {
				script.append(';');
			}
		}
		return script.toString();
	}

}
