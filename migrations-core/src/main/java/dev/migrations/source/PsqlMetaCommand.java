package dev.migrations.source;

import java.util.Locale;

/**
 * A command of the {@code psql} client in a PostgreSQL script: a line that starts with a
 * backslash where a statement would start. The database never sees such a line; psql acts
 * on it. {@code \restrict} and <code>&#92;unrestrict</code>, which {@code pg_dump} writes
 * around every dump so that psql refuses other meta-commands in between, change nothing
 * in the database and are skipped. Every other one is refused before anything runs, since
 * a migration that leaves it out would not do what the script did in psql.
 *
 * @param name the command as written, such as {@code \connect}
 * @param line the line of the script it is on
 */
record PsqlMetaCommand(String name, int line) {

	/**
	 * Read the meta-command on a line.
	 * @param text the line, from its backslash
	 * @param line the line of the script
	 * @return the command
	 */
	static PsqlMetaCommand of(String text, int line) {
		int end = 1;
		while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) {
			end++;
		}
		if (end == 1 && text.length() > 1) {
			end = 2;
		}
		return new PsqlMetaCommand(text.substring(0, end), line);
	}

	/**
	 * Whether psql's running of the command changes nothing in the database, so that a
	 * migration can pass over it.
	 * @return whether the command is skipped
	 */
	boolean isSkipped() {
		String command = command();
		return command.equals("restrict") || command.equals("unrestrict");
	}

	/**
	 * Return why the command cannot run in a migration, and what to write instead.
	 * @return the explanation
	 */
	String refusal() {
		return "line " + this.line + " is the psql meta-command " + this.name + ", which only the psql client "
				+ "runs: the database never sees it, so the migration would not do what the script does in psql. "
				+ "Nothing was changed. " + insteadOf(command());
	}

	private String command() {
		return this.name.substring(1).toLowerCase(Locale.ROOT);
	}

	private static String insteadOf(String command) {
		return switch (command) {
			case "c", "connect" -> "A migration runs on the connection of its runner, to one database: put the "
					+ "statements for the other database in a location of their own, applied by a runner with a "
					+ "DataSource for that database (in Spring Boot, migrations.instances.<name>).";
			case "set", "unset" -> "psql variables are not supported: write the value where the script uses the "
					+ "variable (:name, :'name', :\"name\").";
			case "i", "include", "ir", "include_relative" -> "Files are not included: put the statements of the "
					+ "included file in this migration, or make that file a migration of its own.";
			case "copy" -> "\\copy reads a file on the client: write COPY ... FROM stdin; followed by the rows and "
					+ "a line \\. (as pg_dump writes them), or INSERT statements.";
			case "if", "elif", "else", "endif" ->
				"Conditional blocks are not supported: write the condition in " + "SQL, for example in a DO block.";
			case "echo", "qecho", "warn", "o", "out" -> "Output commands have nothing to print to here: remove the "
					+ "line (a comment tells a reader the same).";
			case "encoding" ->
				"Files are read in the configured encoding (migrations.encoding, --encoding): " + "remove the line.";
			default -> "Remove the line, or run the script with psql instead of as a migration.";
		};
	}

}
