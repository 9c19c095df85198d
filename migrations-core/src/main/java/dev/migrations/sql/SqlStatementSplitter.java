package dev.migrations.sql;

import java.util.List;
import java.util.Objects;

/**
 * Splits a SQL script into separate statements, because JDBC drivers execute one
 * statement per call.
 * <p>
 * Delimiters are only recognized outside of string literals, quoted identifiers,
 * dollar-quoted bodies and comments, so that function, procedure and trigger bodies stay
 * in one piece. Lines of the form {@code DELIMITER //} are honored in every syntax so
 * that scripts written for the {@code mysql} command-line client run unchanged. Each
 * statement also carries a {@link SqlStatement#canonical() canonical form} that ignores
 * layout and comments, so checksums survive purely cosmetic edits.
 * <p>
 * Four syntaxes are available: {@link #standard()} for H2 and other databases that follow
 * standard SQL quoting; {@link #postgresql()} and {@link #sqlite()}, which add what the
 * {@code psql} and {@code sqlite3} clients know about where a statement ends; and
 * {@link #mysql()} for MySQL and MariaDB, whose strings accept backslash escapes and
 * which have {@code #} comments. PostgreSQL's {@code COPY ... FROM stdin}, whose rows
 * follow it in the script, is read with its rows on PostgreSQL and refused in every other
 * syntax.
 * <p>
 * Instances are immutable and thread-safe: one instance can split any number of scripts
 * concurrently.
 */
public final class SqlStatementSplitter {

	private static final SqlStatementSplitter STANDARD = new SqlStatementSplitter(Syntax.STANDARD);

	private static final SqlStatementSplitter POSTGRESQL = new SqlStatementSplitter(Syntax.POSTGRESQL);

	private static final SqlStatementSplitter SQLITE = new SqlStatementSplitter(Syntax.SQLITE);

	private static final SqlStatementSplitter MYSQL = new SqlStatementSplitter(Syntax.MYSQL);

	private final Syntax syntax;

	private SqlStatementSplitter(Syntax syntax) {
		this.syntax = syntax;
	}

	/**
	 * Return the splitter for H2 and other databases that follow standard SQL syntax:
	 * backslashes escape only inside PostgreSQL {@code E'...'} strings, {@code --} always
	 * starts a comment, and block comments nest. Also the splitter of SQL written in
	 * Java, whatever the database.
	 * @return the shared standard splitter
	 */
	public static SqlStatementSplitter standard() {
		return STANDARD;
	}

	/**
	 * Return the splitter for PostgreSQL: the {@link #standard()} syntax, and where the
	 * {@code psql} client ends a statement. A semicolon inside parentheses does not end
	 * one, nor does one inside the {@code BEGIN ... END} body of a
	 * {@code CREATE [OR REPLACE] FUNCTION} or {@code PROCEDURE} ({@code BEGIN ATOMIC}).
	 * {@code COPY ... FROM stdin} takes the lines after it up to a line {@code \.} as its
	 * {@link SqlStatement#copyData() rows}; {@code COPY ... TO stdout} and a line that
	 * starts with a backslash where a statement would start (a {@code psql} meta-command)
	 * are returned as such {@link SqlStatement#kind() kinds} of statement.
	 * @return the shared PostgreSQL splitter
	 */
	public static SqlStatementSplitter postgresql() {
		return POSTGRESQL;
	}

	/**
	 * Return the splitter for SQLite: the {@link #standard()} syntax, and where the
	 * {@code sqlite3} client ends a statement: {@code CREATE [TEMP] TRIGGER} ends at the
	 * semicolon after the {@code END} of its body, not at the semicolons of the
	 * statements inside it.
	 * @return the shared SQLite splitter
	 */
	public static SqlStatementSplitter sqlite() {
		return SQLITE;
	}

	/**
	 * Return the splitter for MySQL and MariaDB syntax: backslashes escape inside single-
	 * and double-quoted strings, {@code --} needs to be followed by whitespace to start a
	 * comment, {@code #} starts a comment, block comments do not nest, and executable
	 * comments ({@code /*!...*}{@code /} and {@code /*M!...*}{@code /}) are kept as
	 * statement text because the server runs them.
	 * @return the shared MySQL splitter
	 */
	public static SqlStatementSplitter mysql() {
		return MYSQL;
	}

	/**
	 * Split the given script into its statements. A leading byte order mark is ignored
	 * and {@code \r\n} and {@code \r} line endings are treated as {@code \n}, except in
	 * quoted text (strings, quoted identifiers, dollar-quoted bodies, MySQL executable
	 * comments), which the {@link SqlStatement#sql() statement text} keeps as written,
	 * because there the line ending is part of the data. Statements that contain only
	 * whitespace and comments are left out.
	 * @param script the script to split
	 * @return the statements in script order, never {@code null}
	 * @throws IllegalArgumentException if a string, quoted identifier, dollar-quoted body
	 * or block comment is not terminated, a {@code DELIMITER} line names no delimiter, or
	 * the script holds a {@code COPY ... FROM stdin} that this syntax cannot read
	 */
	public List<SqlStatement> split(String script) {
		Objects.requireNonNull(script, "'script' must not be null");
		return scan(script).split();
	}

	/**
	 * Return the line comments at the top of a script, before its first statement, where
	 * a script says how it is to be run ({@code -- migrations: no-transaction}). Block
	 * comments (nested ones where the syntax nests them), blank lines and
	 * {@code DELIMITER} lines between them are passed over. A script that cannot be split
	 * has the comments found before the construct that breaks it; {@link #split} reports
	 * that construct.
	 * @param script the script
	 * @return the text of each comment after its {@code --} (or MySQL {@code #}),
	 * stripped, in script order
	 */
	public List<String> headerComments(String script) {
		Objects.requireNonNull(script, "'script' must not be null");
		return ScriptScan.startsWithStatement(script) ? List.of() : scan(script).headerComments();
	}

	private ScriptScan scan(String script) {
		return new ScriptScan(ScriptText.of(script), this.syntax);
	}

	/**
	 * The SQL syntax of one database's scripts, as its own command-line client reads
	 * them.
	 */
	enum Syntax {

		/** H2 and other databases with standard SQL quoting. */
		STANDARD,

		/** PostgreSQL, as {@code psql} reads it. */
		POSTGRESQL,

		/** SQLite, as {@code sqlite3} reads it. */
		SQLITE,

		/** MySQL and MariaDB, as {@code mysql} reads it. */
		MYSQL

	}

}
