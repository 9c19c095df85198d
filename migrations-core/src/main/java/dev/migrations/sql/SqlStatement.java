package dev.migrations.sql;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One statement of a SQL script, as produced by {@link SqlStatementSplitter}.
 * <p>
 * The {@link #sql() text} is what gets executed, while the {@link #canonical() canonical
 * form} exists so that checksums stay stable when a script is only re-indented, saved
 * with other line endings or a byte order mark, or given new comments. Instances are
 * immutable and therefore thread-safe.
 *
 * @param sql the statement as written in the script, keeping its comments, trimmed and
 * without the trailing delimiter; it starts at the first character that is neither
 * whitespace nor part of a comment. Line endings are normalized to {@code \n} except
 * inside quoted text (strings, quoted identifiers, dollar-quoted bodies), which is kept
 * exactly as written, {@code \r} included. For a {@link Kind#PSQL_META_COMMAND} the line
 * of the command, from its backslash
 * @param canonical the statement with comments removed and every run of whitespace
 * outside of quoted text collapsed to a single space, trimmed; quoted text is kept as
 * written because its whitespace is part of the data, except that its line endings are
 * normalized to {@code \n} so that saving a script with other line endings does not
 * change its checksum. For a {@link Kind#COPY_FROM_STDIN}, followed by a newline and its
 * {@link #copyData() rows}, whose line endings are normalized the same way
 * @param line the 1-based line of the script on which the statement starts
 * @param kind what the statement is
 * @param copyData for a {@link Kind#COPY_FROM_STDIN}, its rows; otherwise {@code null}
 */
public record SqlStatement(String sql, String canonical, int line, Kind kind, @Nullable CopyData copyData) {

	public SqlStatement {
		Objects.requireNonNull(sql, "'sql' must not be null");
		Objects.requireNonNull(canonical, "'canonical' must not be null");
		Objects.requireNonNull(kind, "'kind' must not be null");
		if (line < 1) {
			throw new IllegalArgumentException("'line' must be at least 1 but was " + line);
		}
		if ((kind == Kind.COPY_FROM_STDIN) != (copyData != null)) {
			throw new IllegalArgumentException("'copyData' must be given for COPY ... FROM stdin, and only for it");
		}
	}

	/**
	 * Create a plain SQL statement.
	 * @param sql the statement as written
	 * @param canonical the canonical form
	 * @param line the line on which it starts
	 */
	public SqlStatement(String sql, String canonical, int line) {
		this(sql, canonical, line, Kind.SQL, null);
	}

	/**
	 * The rows that follow a {@code COPY ... FROM stdin} in a script.
	 *
	 * @param rows the lines after the statement, each with its line ending as written,
	 * without the line {@code \.} that ends them
	 * @param line the 1-based line of the script on which the rows start
	 */
	public record CopyData(String rows, int line) {

		public CopyData {
			Objects.requireNonNull(rows, "'rows' must not be null");
		}

	}

	/**
	 * What a statement of a script is.
	 */
	public enum Kind {

		/** A statement the database executes as written. */
		SQL,

		/**
		 * PostgreSQL's {@code COPY ... FROM stdin}, with its rows in the script after it,
		 * as {@code pg_dump} writes them; the {@code psql} client sends them to the
		 * database.
		 */
		COPY_FROM_STDIN,

		/**
		 * PostgreSQL's {@code COPY ... TO stdout}, which sends rows to the client.
		 */
		COPY_TO_STDOUT,

		/**
		 * A line that starts with a backslash where a PostgreSQL statement would start: a
		 * command of the {@code psql} client ({@code \connect}, {@code \set},
		 * {@code \restrict}, ...), which the database never sees.
		 */
		PSQL_META_COMMAND

	}

}
