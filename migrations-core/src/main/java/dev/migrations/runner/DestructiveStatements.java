package dev.migrations.runner;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Finds, in one SQL statement, the changes that may destroy data: a table dropped
 * ({@code DROP TABLE [IF EXISTS] a, b}), a column dropped
 * ({@code ALTER TABLE t DROP [COLUMN] [IF EXISTS] c}), and a column's type changed, as
 * PostgreSQL and H2 write it ({@code ALTER [COLUMN] c [SET DATA] TYPE x}, H2's
 * {@code ALTER COLUMN c x}) and as MySQL and MariaDB do ({@code MODIFY [COLUMN] c x},
 * {@code CHANGE [COLUMN] old new x}). One {@code ALTER TABLE} may hold several actions,
 * comma-separated. Names may be quoted and qualified with their schema; keywords are read
 * in any case. Whether a change does destroy data (the table holds rows, the type
 * narrows) is for the caller to find out. Stateless and thread-safe.
 */
final class DestructiveStatements {

	/**
	 * The words after {@code DROP} in an {@code ALTER TABLE} that drop something other
	 * than a column.
	 */
	private static final Set<String> NOT_A_COLUMN = Set.of("CONSTRAINT", "INDEX", "KEY", "PRIMARY", "FOREIGN", "CHECK",
			"UNIQUE", "PARTITION", "SYSTEM", "PERIOD", "DEFAULT", "NOT", "EXPRESSION", "IDENTITY");

	/**
	 * The words after {@code ALTER [COLUMN] c} that change something other than the type.
	 */
	private static final Set<String> NOT_A_TYPE = Set.of("SET", "DROP", "RENAME", "RESTART", "SELECTIVITY", "ADD",
			"RESET", "OPTIONS");

	/**
	 * The words that end a column's type in a column definition and start its attributes.
	 */
	private static final Set<String> AFTER_TYPE = Set.of("NOT", "NULL", "DEFAULT", "COMMENT", "PRIMARY", "UNIQUE",
			"KEY", "AUTO_INCREMENT", "CHARSET", "COLLATE", "CHECK", "REFERENCES", "GENERATED", "AS", "FIRST", "AFTER",
			"ON", "USING", "INVISIBLE", "VISIBLE", "CONSTRAINT", "IDENTITY", "SELECTIVITY", "SEQUENCE", "COMPRESSION",
			"STORAGE");

	private DestructiveStatements() {
	}

	/**
	 * Return the changes of a statement that may destroy data.
	 * @param statement one statement, without its delimiter; comments are skipped
	 * @return the changes, in the order the statement makes them, empty for a statement
	 * that makes none
	 */
	static List<Candidate> of(String statement) {
		List<Token> tokens = Token.scan(statement);
		if (tokens.size() < 3 || !tokens.get(1).isWord("TABLE")) {
			return List.of();
		}
		if (tokens.get(0).isWord("DROP")) {
			return dropTables(statement, tokens);
		}
		if (tokens.get(0).isWord("ALTER")) {
			return alterTable(statement, tokens);
		}
		return List.of();
	}

	private static List<Candidate> dropTables(String statement, List<Token> tokens) {
		int index = skipIfExists(tokens, 2);
		List<Candidate> drops = new ArrayList<>();
		for (List<Token> item : splitOnCommas(tokens, index, tokens.size())) {
			Name table = name(statement, item, 0);
			if (table != null) {
				drops.add(new Candidate(Change.DROP_TABLE, table, null, null));
			}
		}
		return drops;
	}

	private static List<Candidate> alterTable(String statement, List<Token> tokens) {
		int index = skipIfExists(tokens, 2);
		if (index < tokens.size() && tokens.get(index).isWord("ONLY")) {
			index++;
		}
		Name table = name(statement, tokens, index);
		if (table == null) {
			return List.of();
		}
		List<Candidate> changes = new ArrayList<>();
		for (List<Token> action : splitOnCommas(tokens, index + table.tokens(), tokens.size())) {
			Candidate change = action(statement, table, action);
			if (change != null) {
				changes.add(change);
			}
		}
		return changes;
	}

	private static @Nullable Candidate action(String statement, Name table, List<Token> action) {
		if (action.isEmpty()) {
			return null;
		}
		Token verb = action.get(0);
		if (verb.isWord("DROP")) {
			int index = skipWord(action, 1, "COLUMN");
			if (index == 1 && index < action.size() && NOT_A_COLUMN.contains(action.get(index).upper())) {
				return null;
			}
			index = skipIfExists(action, index);
			Identifier column = identifier(action, index);
			return (column != null) ? new Candidate(Change.DROP_COLUMN, table, column, null) : null;
		}
		if (verb.isWord("ALTER")) {
			return alterColumn(table, action);
		}
		if (verb.isWord("MODIFY")) {
			int index = skipWord(action, 1, "COLUMN");
			Identifier column = identifier(action, index);
			return (column != null) ? typeChange(table, column, action, index + 1) : null;
		}
		if (verb.isWord("CHANGE")) {
			int index = skipWord(action, 1, "COLUMN");
			Identifier column = identifier(action, index);
			return (column != null && identifier(action, index + 1) != null)
					? typeChange(table, column, action, index + 2) : null;
		}
		return null;
	}

	private static @Nullable Candidate alterColumn(Name table, List<Token> action) {
		int index = skipWord(action, 1, "COLUMN");
		if (index == 1 && index < action.size() && action.get(index).isWord("CONSTRAINT")) {
			return null;
		}
		Identifier column = identifier(action, index);
		if (column == null || index + 1 >= action.size()) {
			return null;
		}
		index++;
		if (action.get(index).isWord("TYPE")) {
			return typeChange(table, column, action, index + 1);
		}
		if (action.get(index).isWord("SET") && index + 2 < action.size() && action.get(index + 1).isWord("DATA")
				&& action.get(index + 2).isWord("TYPE")) {
			return typeChange(table, column, action, index + 3);
		}
		if (action.get(index).kind() != Token.Kind.WORD || NOT_A_TYPE.contains(action.get(index).upper())) {
			return null;
		}
		// H2 writes the new definition of the column right after its name
		return typeChange(table, column, action, index);
	}

	private static @Nullable Candidate typeChange(Name table, Identifier column, List<Token> action, int start) {
		StringBuilder type = new StringBuilder();
		int depth = 0;
		for (int index = start; index < action.size(); index++) {
			Token token = action.get(index);
			if (depth == 0 && token.kind() == Token.Kind.WORD && (AFTER_TYPE.contains(token.upper())
					|| token.isWord("CHARACTER") && index + 1 < action.size() && action.get(index + 1).isWord("SET"))) {
				break;
			}
			if (token.isPunctuation('(')) {
				depth++;
			}
			else if (token.isPunctuation(')')) {
				depth--;
			}
			boolean joined = type.isEmpty() || token.isPunctuation('(') || token.isPunctuation(')')
					|| token.isPunctuation(',') || type.charAt(type.length() - 1) == '(';
			type.append(joined ? "" : " ").append(token.text());
		}
		if (type.isEmpty()) {
			return null;
		}
		return new Candidate(Change.CHANGE_TYPE, table, column, type.toString().toLowerCase(Locale.ROOT));
	}

	private static int skipIfExists(List<Token> tokens, int index) {
		if (index + 1 < tokens.size() && tokens.get(index).isWord("IF") && tokens.get(index + 1).isWord("EXISTS")) {
			return index + 2;
		}
		return index;
	}

	private static int skipWord(List<Token> tokens, int index, String word) {
		return (index < tokens.size() && tokens.get(index).isWord(word)) ? index + 1 : index;
	}

	/**
	 * Return a name, qualified or not, that starts at {@code index}, or {@code null}.
	 */
	private static @Nullable Name name(String statement, List<Token> tokens, int index) {
		List<Identifier> parts = new ArrayList<>();
		int next = index;
		while (true) {
			Identifier part = identifier(tokens, next);
			if (part == null) {
				return null;
			}
			parts.add(part);
			next++;
			if (next + 1 < tokens.size() && tokens.get(next).isPunctuation('.')) {
				next++;
			}
			else {
				break;
			}
		}
		Token first = tokens.get(index);
		Token last = tokens.get(next - 1);
		return new Name(parts, statement.substring(first.start(), last.end()), next - index);
	}

	private static @Nullable Identifier identifier(List<Token> tokens, int index) {
		if (index >= tokens.size()) {
			return null;
		}
		Token token = tokens.get(index);
		return switch (token.kind()) {
			case WORD -> new Identifier(token.text(), false);
			case QUOTED -> new Identifier(token.text(), true);
			default -> null;
		};
	}

	/**
	 * Split tokens on the commas outside parentheses.
	 */
	private static List<List<Token>> splitOnCommas(List<Token> tokens, int from, int to) {
		List<List<Token>> parts = new ArrayList<>();
		List<Token> part = new ArrayList<>();
		int depth = 0;
		for (int index = from; index < to; index++) {
			Token token = tokens.get(index);
			if (token.isPunctuation('(')) {
				depth++;
			}
			else if (token.isPunctuation(')')) {
				depth--;
			}
			if (depth == 0 && token.isPunctuation(',')) {
				parts.add(part);
				part = new ArrayList<>();
			}
			else {
				part.add(token);
			}
		}
		parts.add(part);
		return parts;
	}

	/**
	 * What a change does.
	 */
	enum Change {

		/** Drops a table. */
		DROP_TABLE,

		/** Drops a column. */
		DROP_COLUMN,

		/** Changes a column's type. */
		CHANGE_TYPE

	}

	/**
	 * A change that destroys data if the table holds rows (and, for a type change, if the
	 * new type narrows the column).
	 *
	 * @param change what the change does
	 * @param table the table
	 * @param column the column, {@code null} for a dropped table
	 * @param type the new type, lower case, {@code null} unless the type changes
	 */
	record Candidate(Change change, Name table, @Nullable Identifier column, @Nullable String type) {

	}

	/**
	 * A name as a statement writes it, perhaps qualified.
	 *
	 * @param parts its parts, the schema first
	 * @param written the name as written, quotes and all, for a query that should find
	 * what the statement finds
	 * @param tokens how many tokens it takes
	 */
	record Name(List<Identifier> parts, String written, int tokens) {

		Name {
			parts = List.copyOf(parts);
		}

		/**
		 * Return the last part: the table's own name.
		 * @return the identifier
		 */
		Identifier last() {
			return this.parts.get(this.parts.size() - 1);
		}

		/**
		 * Return the part before the last, the schema, or {@code null}.
		 * @return the identifier or {@code null}
		 */
		@Nullable Identifier qualifier() {
			return (this.parts.size() > 1) ? this.parts.get(this.parts.size() - 2) : null;
		}

		@Override
		public String toString() {
			return String.join(".", this.parts.stream().map(Identifier::text).toList());
		}

	}

	/**
	 * One identifier.
	 *
	 * @param text the identifier without its quotes
	 * @param quoted whether it was quoted, and so keeps its case
	 */
	record Identifier(String text, boolean quoted) {

	}

	/**
	 * A token of a statement: a word, a quoted identifier, a string literal, a number or
	 * one character of punctuation; comments and white space are skipped.
	 */
	private record Token(Kind kind, String text, int start, int end) {

		enum Kind {

			WORD, QUOTED, STRING, PUNCTUATION

		}

		boolean isWord(String word) {
			return this.kind == Kind.WORD && this.text.equalsIgnoreCase(word);
		}

		boolean isPunctuation(char character) {
			return this.kind == Kind.PUNCTUATION && this.text.charAt(0) == character;
		}

		String upper() {
			return this.text.toUpperCase(Locale.ROOT);
		}

		static List<Token> scan(String sql) {
			List<Token> tokens = new ArrayList<>();
			int index = 0;
			while (index < sql.length()) {
				char character = sql.charAt(index);
				if (Character.isWhitespace(character)) {
					index++;
				}
				else if (sql.startsWith("--", index)) {
					int end = sql.indexOf('\n', index);
					index = (end < 0) ? sql.length() : end + 1;
				}
				else if (sql.startsWith("/*", index)) {
					int end = sql.indexOf("*/", index + 2);
					index = (end < 0) ? sql.length() : end + 2;
				}
				else if (character == '"' || character == '`' || character == '[') {
					char close = (character == '[') ? ']' : character;
					index = quoted(sql, index, close, Kind.QUOTED, tokens);
				}
				else if (character == '\'') {
					index = quoted(sql, index, '\'', Kind.STRING, tokens);
				}
				else if (Character.isLetterOrDigit(character) || character == '_' || character == '$') {
					int end = index;
					while (end < sql.length() && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_'
							|| sql.charAt(end) == '$')) {
						end++;
					}
					tokens.add(new Token(Kind.WORD, sql.substring(index, end), index, end));
					index = end;
				}
				else {
					tokens.add(new Token(Kind.PUNCTUATION, String.valueOf(character), index, index + 1));
					index++;
				}
			}
			return tokens;
		}

		/**
		 * Read a quoted identifier or a string, in which the closing quote is written
		 * twice to stand for itself.
		 */
		private static int quoted(String sql, int start, char close, Kind kind, List<Token> tokens) {
			StringBuilder text = new StringBuilder();
			int index = start + 1;
			while (index < sql.length()) {
				char character = sql.charAt(index);
				if (character == close) {
					if (index + 1 < sql.length() && sql.charAt(index + 1) == close) {
						text.append(close);
						index += 2;
						continue;
					}
					index++;
					break;
				}
				text.append(character);
				index++;
			}
			String value = (kind == Kind.STRING) ? "'" + text.toString().replace("'", "''") + "'" : text.toString();
			tokens.add(new Token(kind, value, start, index));
			return index;
		}

	}

}
