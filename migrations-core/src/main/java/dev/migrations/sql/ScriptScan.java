package dev.migrations.sql;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import dev.migrations.sql.SqlStatementSplitter.Syntax;
import org.jspecify.annotations.Nullable;

/**
 * The mutable state of splitting one script with a {@link SqlStatementSplitter}, kept out
 * of the splitter so that the splitter can be shared between threads: one method per
 * construct of the script.
 */
final class ScriptScan {

	private static final char[] DEFAULT_DELIMITER = { ';' };

	private static final String DELIMITER_COMMAND = "DELIMITER";

	private final ScriptText script;

	/** The script with every line ending turned into {@code \n}. */
	private final char[] text;

	private final int length;

	private final Syntax syntax;

	private final boolean mysql;

	private final StatementKeywords keywords;

	private final List<SqlStatement> statements = new ArrayList<>();

	/**
	 * The quoted text of the current statement, as start and end indexes of
	 * {@link #text}, when it has to be copied as written.
	 */
	private final List<int[]> quotedSpans = new ArrayList<>();

	private @Nullable List<String> lineComments;

	private final StringBuilder canonical = new StringBuilder();

	private char[] delimiter = DEFAULT_DELIMITER;

	private int position;

	private int line = 1;

	private int statementStart = -1;

	private int statementLine;

	private boolean pendingSpace;

	ScriptScan(ScriptText script, Syntax syntax) {
		this.script = script;
		this.text = script.text();
		this.length = this.text.length;
		this.syntax = syntax;
		this.mysql = syntax == Syntax.MYSQL;
		this.keywords = new StatementKeywords(syntax);
	}

	List<SqlStatement> split() {
		while (this.position < this.length) {
			scanNext();
		}
		endStatement(this.length);
		return Collections.unmodifiableList(this.statements);
	}

	/**
	 * Whether a script's first character that is not white space starts a word of a
	 * statement, as {@link #scanNext()} reads it: a letter, and not the {@code D} of a
	 * {@code DELIMITER} line, after which a header goes on. Such a script has no header
	 * comments, and is not copied and scanned for them.
	 */
	static boolean startsWithStatement(String script) {
		int index = (!script.isEmpty() && script.charAt(0) == ScriptText.BYTE_ORDER_MARK) ? 1 : 0;
		while (index < script.length() && Character.isWhitespace(script.charAt(index))) {
			index++;
		}
		if (index == script.length()) {
			return false;
		}
		char first = script.charAt(index);
		return Character.isLetter(first) && Character.toUpperCase(first) != DELIMITER_COMMAND.charAt(0);
	}

	List<String> headerComments() {
		List<String> comments = new ArrayList<>();
		this.lineComments = comments;
		try {
			while (this.position < this.length && this.statementStart == -1) {
				scanNext();
			}
		}
		catch (IllegalArgumentException ex) {
			// split reports it, and every plan of the script is split
		}
		return comments;
	}

	private void scanNext() {
		int start = this.position;
		char current = this.text[start];
		if (isDelimiterAt(start)) {
			delimiter(start);
			return;
		}
		if (Character.isWhitespace(current)) {
			skipWhitespace(start);
			return;
		}
		char next = charAt(start + 1);
		if (current == '-' && next == '-' && (!this.mysql || isSpaceOrControlOrEnd(start + 2))) {
			skipLineComment(start + 2);
			return;
		}
		if (current == '#' && this.mysql) {
			skipLineComment(start + 1);
			return;
		}
		if (current == '/' && next == '*') {
			if (this.mysql && isExecutableComment(start)) {
				scanExecutableComment(start);
			}
			else {
				skipBlockComment(start);
			}
			return;
		}
		if (current == '\'') {
			boolean backslashEscapes = this.mysql || isEscapeStringPrefixBefore(start);
			scanQuoted(start, '\'', backslashEscapes, "single-quoted string");
			return;
		}
		if (current == '"') {
			// Without ANSI_QUOTES, MySQL reads double quotes as a string, not an
			// identifier
			scanQuoted(start, '"', this.mysql, this.mysql ? "double-quoted string" : "double-quoted identifier");
			return;
		}
		if (current == '`') {
			scanQuoted(start, '`', false, "backtick-quoted identifier");
			return;
		}
		if (current == '$') {
			int tagEnd = dollarQuoteTagEnd(start);
			if (tagEnd != -1) {
				scanDollarQuoted(start, tagEnd);
				return;
			}
		}
		if (this.statementStart == -1 && (current == 'D' || current == 'd') && isDelimiterCommandAt(start)) {
			readDelimiterCommand(start);
			return;
		}
		if (this.statementStart == -1 && current == '\\' && this.syntax == Syntax.POSTGRESQL) {
			readMetaCommand(start);
			return;
		}
		markSignificant(start);
		int end = start + 1;
		while (end < this.length && isPlain(this.text[end])) {
			end++;
		}
		this.canonical.append(this.text, start, end - start);
		this.keywords.follow(this.text, start, end);
		this.position = end;
	}

	/**
	 * End the statement at a delimiter, unless the database's client reads this semicolon
	 * as part of it (a trigger or routine body, parentheses); a
	 * {@code COPY ... FROM stdin} goes on with its data.
	 */
	private void delimiter(int start) {
		boolean semicolon = this.delimiter.length == 1 && this.delimiter[0] == ';';
		if (semicolon && this.statementStart != -1 && !this.keywords.semicolonEnds()) {
			markSignificant(start);
			this.canonical.append(';');
			this.position = start + 1;
			return;
		}
		if (this.keywords.copy() == StatementKeywords.Copy.FROM_STDIN && this.syntax == Syntax.POSTGRESQL) {
			endCopyFromStdin(start, start + this.delimiter.length);
			return;
		}
		endStatement(start);
		this.position = start + this.delimiter.length;
	}

	/**
	 * End a {@code COPY ... FROM stdin} and read its data as {@code psql} does: the lines
	 * after the line of its delimiter, up to a line that is exactly {@code \.}, or to the
	 * end of the script.
	 */
	private void endCopyFromStdin(int end, int afterDelimiter) {
		int copyLine = this.statementLine;
		int index = afterDelimiter;
		while (index < this.length && (this.text[index] == ' ' || this.text[index] == '\t')) {
			index++;
		}
		if (index + 1 < this.length && this.text[index] == '-' && this.text[index + 1] == '-') {
			while (index < this.length && this.text[index] != '\n') {
				index++;
			}
		}
		if (index < this.length && this.text[index] != '\n') {
			throw new IllegalArgumentException("Text after COPY ... FROM stdin at line " + copyLine + " on line "
					+ this.line + ", where psql takes the rows from the next line on: move the text after the "
					+ "line \\. that ends the rows");
		}
		int dataStart = Math.min(index + 1, this.length);
		int dataLine = this.line + 1;
		int dataEnd = this.length;
		int resume = this.length;
		int lineStart = dataStart;
		while (lineStart < this.length) {
			int lineEnd = lineStart;
			while (lineEnd < this.length && this.text[lineEnd] != '\n') {
				lineEnd++;
			}
			if (lineEnd - lineStart == 2 && this.text[lineStart] == '\\' && this.text[lineStart + 1] == '.') {
				dataEnd = lineStart;
				resume = lineEnd;
				break;
			}
			lineStart = lineEnd + 1;
		}
		for (int newline = index; newline < resume; newline++) {
			if (this.text[newline] == '\n') {
				this.line++;
			}
		}
		SqlStatement.CopyData data = new SqlStatement.CopyData(this.script.asWritten(dataStart, dataEnd), dataLine);
		this.canonical.append('\n').append(this.text, dataStart, dataEnd - dataStart);
		endStatement(end, SqlStatement.Kind.COPY_FROM_STDIN, data);
		this.position = resume;
	}

	/**
	 * Read a {@code psql} meta-command: a backslash where a statement would start, and
	 * the rest of its line.
	 */
	private void readMetaCommand(int start) {
		int end = start;
		while (end < this.length && this.text[end] != '\n') {
			end++;
		}
		String command = new String(this.text, start, end - start).strip();
		this.statements.add(new SqlStatement(command, command, this.line, SqlStatement.Kind.PSQL_META_COMMAND, null));
		this.position = end;
	}

	/**
	 * Whether a character inside a statement can be copied as it is, without a closer
	 * look: not whitespace, not the delimiter, nor what may start a comment, a quoted
	 * text or a dollar quote.
	 */
	private boolean isPlain(char character) {
		return character > ' ' && character != this.delimiter[0] && character != '-' && character != '/'
				&& character != '#' && character != '\'' && character != '"' && character != '`' && character != '$'
				&& (character < 128 || !Character.isWhitespace(character));
	}

	private boolean isDelimiterAt(int index) {
		char[] delimiter = this.delimiter;
		if (this.text[index] != delimiter[0]) {
			return false;
		}
		return delimiter.length == 1 || regionMatches(index, delimiter, 0, delimiter.length);
	}

	private boolean regionMatches(int index, char[] other, int otherStart, int count) {
		return index + count <= this.length
				&& Arrays.equals(this.text, index, index + count, other, otherStart, otherStart + count);
	}

	private char charAt(int index) {
		return (index < this.length) ? this.text[index] : '\0';
	}

	private boolean isSpaceOrControlOrEnd(int index) {
		// MySQL only treats "--" as a comment when a space or control character
		// follows
		return index >= this.length || this.text[index] <= ' ';
	}

	/**
	 * Skip a run of white space, which no delimiter starts with, counting its lines.
	 */
	private void skipWhitespace(int start) {
		int end = start;
		while (end < this.length) {
			char current = this.text[end];
			if (current == '\n') {
				this.line++;
			}
			else if (!Character.isWhitespace(current)) {
				break;
			}
			end++;
		}
		this.position = end;
		this.pendingSpace = true;
	}

	private void skipLineComment(int from) {
		int end = from;
		while (end < this.length && this.text[end] != '\n') {
			end++;
		}
		if (this.lineComments != null) {
			this.lineComments.add(new String(this.text, from, end - from).strip());
		}
		// The newline is left for scanNext so that line counting stays in one place
		this.position = end;
		this.pendingSpace = true;
	}

	private void skipBlockComment(int start) {
		this.position = blockCommentEnd(start, !this.mysql);
		// A comment separates tokens just like whitespace does, so "a/**/b" stays two
		// tokens
		this.pendingSpace = true;
	}

	private boolean isExecutableComment(int start) {
		char marker = charAt(start + 2);
		return marker == '!' || (marker == 'M' && charAt(start + 3) == '!');
	}

	private void scanExecutableComment(int start) {
		markQuoted(start);
		int end = blockCommentEnd(start, false);
		appendQuoted(start, end);
		this.position = end;
	}

	private int blockCommentEnd(int start, boolean nested) {
		int startLine = this.line;
		int depth = 1;
		int index = start + 2;
		while (index < this.length) {
			char current = this.text[index];
			if (current == '*' && charAt(index + 1) == '/') {
				index += 2;
				depth--;
				if (depth == 0) {
					return index;
				}
			}
			else if (nested && current == '/' && charAt(index + 1) == '*') {
				index += 2;
				depth++;
			}
			else {
				if (current == '\n') {
					this.line++;
				}
				index++;
			}
		}
		throw unterminated("block comment", startLine);
	}

	private boolean isEscapeStringPrefixBefore(int quote) {
		if (quote == 0) {
			return false;
		}
		char prefix = this.text[quote - 1];
		return (prefix == 'E' || prefix == 'e') && (quote == 1 || !isIdentifierPart(this.text[quote - 2]));
	}

	private void scanQuoted(int start, char quote, boolean backslashEscapes, String construct) {
		int startLine = this.line;
		markQuoted(start);
		int index = start + 1;
		while (index < this.length) {
			char current = this.text[index];
			if (current == quote) {
				if (charAt(index + 1) == quote) {
					index += 2;
					continue;
				}
				index++;
				appendQuoted(start, index);
				this.position = index;
				return;
			}
			if (current == '\\' && backslashEscapes) {
				if (charAt(index + 1) == '\n') {
					this.line++;
				}
				index += 2;
				continue;
			}
			if (current == '\n') {
				this.line++;
			}
			index++;
		}
		throw unterminated(construct, startLine);
	}

	private int dollarQuoteTagEnd(int start) {
		// MySQL has no dollar quoting, and "DELIMITER $$" scripts use "$$" to end
		// statements
		if (this.delimiter[0] == '$') {
			return -1;
		}
		// Identifiers such as a$b and parameters such as $1 are not dollar quotes
		if (start > 0 && isIdentifierPart(this.text[start - 1])) {
			return -1;
		}
		int index = start + 1;
		if (index < this.length && Character.isDigit(this.text[index])) {
			return -1;
		}
		while (index < this.length && isTagPart(this.text[index])) {
			index++;
		}
		return (index < this.length && this.text[index] == '$') ? index : -1;
	}

	private void scanDollarQuoted(int start, int tagEnd) {
		int startLine = this.line;
		markQuoted(start);
		int tagLength = tagEnd - start + 1;
		int index = tagEnd + 1;
		while (index < this.length) {
			char current = this.text[index];
			if (current == '$' && regionMatches(index, this.text, start, tagLength)) {
				index += tagLength;
				appendQuoted(start, index);
				this.position = index;
				return;
			}
			if (current == '\n') {
				this.line++;
			}
			index++;
		}
		String tag = new String(this.text, start, tagLength);
		throw unterminated("dollar-quoted string " + tag, startLine);
	}

	private boolean isDelimiterCommandAt(int start) {
		int before = start - 1;
		while (before >= 0 && (this.text[before] == ' ' || this.text[before] == '\t')) {
			before--;
		}
		if (before >= 0 && this.text[before] != '\n') {
			return false;
		}
		int end = start + DELIMITER_COMMAND.length();
		if (end > this.length) {
			return false;
		}
		for (int offset = 0; offset < DELIMITER_COMMAND.length(); offset++) {
			if (Character.toUpperCase(this.text[start + offset]) != DELIMITER_COMMAND.charAt(offset)) {
				return false;
			}
		}
		return end == this.length || Character.isWhitespace(this.text[end]);
	}

	private void readDelimiterCommand(int start) {
		int index = start + DELIMITER_COMMAND.length();
		while (index < this.length && (this.text[index] == ' ' || this.text[index] == '\t')) {
			index++;
		}
		int delimiterStart = index;
		while (index < this.length && !Character.isWhitespace(this.text[index])) {
			index++;
		}
		if (index == delimiterStart) {
			throw new IllegalArgumentException("DELIMITER without a delimiter at line " + this.line);
		}
		this.delimiter = Arrays.copyOfRange(this.text, delimiterStart, index);
		// Like the mysql client, ignore anything after the first word of the line
		while (index < this.length && this.text[index] != '\n') {
			index++;
		}
		this.position = index;
	}

	/**
	 * Add quoted text to the canonical form, where its line endings are {@code \n} so
	 * that checksums do not depend on them, and remember to copy it as written into the
	 * statement text, where they are data.
	 */
	private void appendQuoted(int start, int end) {
		this.canonical.append(this.text, start, end - start);
		if (this.script.hasOtherLineEndings()) {
			this.quotedSpans.add(new int[] { start, end });
		}
	}

	private void markQuoted(int index) {
		markSignificant(index);
		this.keywords.other();
	}

	private void markSignificant(int index) {
		if (this.statementStart == -1) {
			this.statementStart = index;
			this.statementLine = this.line;
		}
		else if (this.pendingSpace) {
			this.canonical.append(' ');
		}
		this.pendingSpace = false;
	}

	private void endStatement(int end) {
		StatementKeywords.Copy copy = this.keywords.copy();
		if (copy == StatementKeywords.Copy.FROM_STDIN) {
			// Not followed by rows: at the end of the script, or in a syntax that refuses
			// it
			this.canonical.append('\n');
			endStatement(end, SqlStatement.Kind.COPY_FROM_STDIN, new SqlStatement.CopyData("", this.line + 1));
		}
		else {
			endStatement(end, (copy == StatementKeywords.Copy.TO_STDOUT && this.syntax == Syntax.POSTGRESQL)
					? SqlStatement.Kind.COPY_TO_STDOUT : SqlStatement.Kind.SQL, null);
		}
	}

	private void endStatement(int end, SqlStatement.Kind kind, SqlStatement.@Nullable CopyData data) {
		if (kind == SqlStatement.Kind.COPY_FROM_STDIN && this.syntax != Syntax.POSTGRESQL) {
			throw new IllegalArgumentException("COPY ... FROM stdin at line " + this.statementLine
					+ ", whose rows follow it in the script as psql reads them, runs only in a SQL migration on "
					+ "PostgreSQL: write the rows as INSERT statements");
		}
		if (this.statementStart != -1) {
			int trimmedEnd = end;
			while (trimmedEnd > this.statementStart && Character.isWhitespace(this.text[trimmedEnd - 1])) {
				trimmedEnd--;
			}
			String sql = (this.quotedSpans.isEmpty())
					? new String(this.text, this.statementStart, trimmedEnd - this.statementStart)
					: withQuotedTextAsWritten(this.statementStart, trimmedEnd);
			this.statements.add(new SqlStatement(sql, this.canonical.toString(), this.statementLine, kind, data));
		}
		this.keywords.reset();
		this.statementStart = -1;
		this.statementLine = 0;
		this.canonical.setLength(0);
		this.quotedSpans.clear();
		this.pendingSpace = false;
	}

	private String withQuotedTextAsWritten(int start, int end) {
		StringBuilder sql = new StringBuilder(end - start);
		int copied = start;
		for (int[] span : this.quotedSpans) {
			sql.append(this.text, copied, span[0] - copied);
			sql.append(this.script.asWritten(span[0], span[1]));
			copied = span[1];
		}
		sql.append(this.text, copied, end - copied);
		return sql.toString();
	}

	private static boolean isIdentifierPart(char character) {
		return Character.isLetterOrDigit(character) || character == '_' || character == '$';
	}

	private static boolean isTagPart(char character) {
		return Character.isLetterOrDigit(character) || character == '_';
	}

	private static IllegalArgumentException unterminated(String construct, int line) {
		return new IllegalArgumentException("Unterminated " + construct + " starting at line " + line);
	}

}
