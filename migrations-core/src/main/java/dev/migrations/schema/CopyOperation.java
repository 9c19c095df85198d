package dev.migrations.schema;

import java.util.Objects;

/**
 * PostgreSQL's {@code COPY ... FROM stdin} with its rows, as {@code pg_dump} writes them
 * in a script: executed as the {@code psql} client does, sending the rows to the
 * database. Only PostgreSQL renders it.
 *
 * @param sql the {@code COPY} statement as written, without its delimiter
 * @param data the rows, each line with its line ending, without the line {@code \.} that
 * ends them
 * @param canonical the statement with comments removed and whitespace collapsed, then a
 * newline and the rows with their line endings normalized
 * @param line the line of the script where the statement starts
 * @param dataLine the line of the script where the rows start
 */
public record CopyOperation(String sql, String data, String canonical, int line,
		int dataLine) implements SchemaOperation {

	public CopyOperation {
		Objects.requireNonNull(sql, "'sql' must not be null");
		Objects.requireNonNull(data, "'data' must not be null");
		Objects.requireNonNull(canonical, "'canonical' must not be null");
	}

	/**
	 * Return the statement and its rows as a script replays them in {@code psql}: the
	 * statement and its semicolon, the rows, and the line {@code \.}.
	 * @return the script text, which needs no delimiter after it
	 */
	public String script() {
		boolean endsLine = this.data.isEmpty() || this.data.endsWith("\n") || this.data.endsWith("\r");
		return this.sql + ";\n" + this.data + (endsLine ? "" : "\n") + "\\.";
	}

	@Override
	public String describe() {
		return "COPY ... FROM stdin at line " + this.line;
	}

}
