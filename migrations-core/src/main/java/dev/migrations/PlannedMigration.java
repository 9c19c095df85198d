package dev.migrations;

import java.util.List;
import java.util.Locale;

/**
 * A migration as a dry run shows it: the exact SQL that would run, for the connected
 * database.
 *
 * @param id the id
 * @param source where the plan of its direction comes from: the {@code .up.sql} or
 * {@code .down.sql} file of a SQL migration, the class of a Java migration
 * @param direction whether it would be applied or rolled back
 * @param statements the statements, in order, as they would be executed, without their
 * delimiters; JDBC steps appear as SQL comments, and a PostgreSQL
 * {@code COPY ... FROM stdin} as {@code psql} reads it: the statement and its semicolon,
 * its rows, and the line {@code \.} that ends them
 * @param script the statements as the database's own command-line client (psql, mariadb,
 * mysql, sqlite3) reads them from a script, each with its terminator: on MySQL and
 * MariaDB a statement that holds a semicolon, such as a routine or a trigger, is written
 * between {@code DELIMITER} lines. JDBC steps appear as comment lines. After a migration
 * that may change the session, statements that put it back follow, as a run puts it back
 * (see {@link dev.migrations.dialect.SessionState#around(List)})
 */
public record PlannedMigration(MigrationId id, String source, Direction direction, List<String> statements,
		String script) {

	private static final String COPY_END = "\n\\.";

	public PlannedMigration {
		statements = List.copyOf(statements);
	}

	/**
	 * Write plans as one script that the database's own command-line client can run, each
	 * migration under a comment line that names it, its direction and its source. The
	 * script runs what the migrations would run, without the ledger's bookkeeping. This
	 * is the text every dry run prints: the command line's {@code --pretend}, and
	 * {@code migrations.on-startup=pretend}.
	 * @param plans the plans, as a {@link PretendRunner} returns them
	 * @return the script, empty when there are no plans
	 */
	public static String script(List<PlannedMigration> plans) {
		StringBuilder script = new StringBuilder();
		for (PlannedMigration plan : plans) {
			script.append("-- ")
				.append(plan.id())
				.append(" (")
				.append(plan.direction().name().toLowerCase(Locale.ROOT))
				.append(", ")
				.append(plan.source())
				.append(")\n");
			if (!plan.script().isEmpty()) {
				script.append(plan.script()).append('\n');
			}
			script.append('\n');
		}
		return script.toString();
	}

}
