package dev.migrations.source;

import java.util.Objects;

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
 * exactly as written, {@code \r} included
 * @param canonical the statement with comments removed and every run of whitespace
 * outside of quoted text collapsed to a single space, trimmed; quoted text is kept as
 * written because its whitespace is part of the data, except that its line endings are
 * normalized to {@code \n} so that saving a script with other line endings does not
 * change its checksum
 * @param line the 1-based line of the script on which the statement starts
 */
public record SqlStatement(String sql, String canonical, int line) {

	public SqlStatement {
		Objects.requireNonNull(sql, "'sql' must not be null");
		Objects.requireNonNull(canonical, "'canonical' must not be null");
		if (line < 1) {
			throw new IllegalArgumentException("'line' must be at least 1 but was " + line);
		}
	}

}
