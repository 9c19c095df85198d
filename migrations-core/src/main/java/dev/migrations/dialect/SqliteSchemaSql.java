package dev.migrations.dialect;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * What the SQL that SQLite keeps in {@code sqlite_schema} says where its pragmas do not:
 * the names of constraints, check constraints, {@code AUTOINCREMENT}, column comments
 * (written as {@code /* ... *}{@code /} in a column's definition), a view's query and the
 * expressions of an index. The text is taken apart into tokens (words, quoted names,
 * strings, comments, parenthesised groups), never by patterns over the whole statement.
 * Immutable and thread-safe.
 */
final class SqliteSchemaSql {

	private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");

	private SqliteSchemaSql() {
	}

	/**
	 * Read what a {@code CREATE TABLE} statement declares that the pragmas do not say.
	 * @param sql the statement
	 * @return what it declares
	 */
	static TableDefinition table(String sql) {
		TableDefinition table = new TableDefinition();
		Token body = firstGroup(tokens(sql, 0, sql.length()));
		if (body != null) {
			for (List<Token> definition : splitAtCommas(tokens(sql, body.start() + 1, body.end() - 1))) {
				table.add(sql, definition);
			}
		}
		return table;
	}

	/**
	 * Return the query of a {@code CREATE VIEW} statement: what follows its {@code AS},
	 * with runs of white space made one space.
	 * @param sql the statement
	 * @return the query
	 */
	static String viewQuery(String sql) {
		for (Token token : tokens(sql, 0, sql.length())) {
			if (token.isWord("AS")) {
				return collapse(sql.substring(token.end()));
			}
		}
		return collapse(sql);
	}

	/**
	 * Return the indexed columns and expressions of a {@code CREATE INDEX} statement, as
	 * written, with runs of white space made one space.
	 * @param sql the statement
	 * @return what it indexes, in order
	 */
	static List<String> indexedTerms(String sql) {
		Token columns = firstGroup(tokens(sql, 0, sql.length()));
		if (columns == null) {
			return List.of();
		}
		List<String> terms = new ArrayList<>();
		for (List<Token> term : splitAtCommas(tokens(sql, columns.start() + 1, columns.end() - 1))) {
			if (!term.isEmpty()) {
				terms.add(collapse(sql.substring(term.get(0).start(), term.get(term.size() - 1).end())));
			}
		}
		return terms;
	}

	static String collapse(String text) {
		return WHITE_SPACE.matcher(text.strip()).replaceAll(" ");
	}

	private static @Nullable Token firstGroup(List<Token> tokens) {
		return tokens.stream().filter((token) -> token.kind() == TokenKind.GROUP).findFirst().orElse(null);
	}

	private static List<List<Token>> splitAtCommas(List<Token> tokens) {
		List<List<Token>> parts = new ArrayList<>();
		List<Token> part = new ArrayList<>();
		for (Token token : tokens) {
			if (token.kind() == TokenKind.COMMA) {
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
	 * Return the names of a parenthesised list of columns, each without its quotes,
	 * collation or order.
	 */
	private static List<String> columnNames(String sql, Token group) {
		List<String> names = new ArrayList<>();
		for (List<Token> column : splitAtCommas(tokens(sql, group.start() + 1, group.end() - 1))) {
			column.stream()
				.filter((token) -> token.kind() != TokenKind.COMMENT)
				.findFirst()
				.ifPresent((token) -> names.add(token.name()));
		}
		return names;
	}

	/**
	 * Take a part of a statement apart into tokens, a parenthesised group being one.
	 */
	private static List<Token> tokens(String sql, int from, int to) {
		List<Token> tokens = new ArrayList<>();
		int position = from;
		while (position < to) {
			char character = sql.charAt(position);
			if (Character.isWhitespace(character)) {
				position++;
				continue;
			}
			int end;
			TokenKind kind;
			if (character == '-' && sql.startsWith("--", position)) {
				end = sql.indexOf('\n', position);
				end = (end < 0 || end > to) ? to : end;
				kind = TokenKind.COMMENT;
			}
			else if (character == '/' && sql.startsWith("/*", position)) {
				end = sql.indexOf("*/", position + 2);
				end = (end < 0) ? to : Math.min(end + 2, to);
				kind = TokenKind.COMMENT;
			}
			else if (character == '\'' || character == '"' || character == '`') {
				end = closingQuote(sql, position, to, character);
				kind = (character == '\'') ? TokenKind.STRING : TokenKind.QUOTED;
			}
			else if (character == '[') {
				int close = sql.indexOf(']', position);
				end = (close < 0) ? to : Math.min(close + 1, to);
				kind = TokenKind.QUOTED;
			}
			else if (character == '(') {
				end = closingParenthesis(sql, position, to);
				kind = TokenKind.GROUP;
			}
			else if (character == ',') {
				end = position + 1;
				kind = TokenKind.COMMA;
			}
			else if (Character.isLetterOrDigit(character) || character == '_' || character == '$') {
				end = position + 1;
				while (end < to && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_'
						|| sql.charAt(end) == '$')) {
					end++;
				}
				kind = TokenKind.WORD;
			}
			else {
				end = position + 1;
				kind = TokenKind.SYMBOL;
			}
			tokens.add(new Token(kind, position, end, sql.substring(position, end)));
			position = end;
		}
		return tokens;
	}

	private static int closingQuote(String sql, int open, int to, char quote) {
		int position = open + 1;
		while (position < to) {
			if (sql.charAt(position) == quote) {
				if (position + 1 < to && sql.charAt(position + 1) == quote) {
					position += 2;
					continue;
				}
				return position + 1;
			}
			position++;
		}
		return to;
	}

	private static int closingParenthesis(String sql, int open, int to) {
		int position = open + 1;
		while (position < to) {
			char character = sql.charAt(position);
			if (character == ')') {
				return position + 1;
			}
			if (character == '(') {
				position = closingParenthesis(sql, position, to);
			}
			else if (character == '\'' || character == '"' || character == '`') {
				position = closingQuote(sql, position, to, character);
			}
			else if (character == '[') {
				int close = sql.indexOf(']', position);
				position = (close < 0) ? to : close + 1;
			}
			else if (sql.startsWith("--", position)) {
				int end = sql.indexOf('\n', position);
				position = (end < 0) ? to : end;
			}
			else if (sql.startsWith("/*", position)) {
				int end = sql.indexOf("*/", position + 2);
				position = (end < 0) ? to : end + 2;
			}
			else {
				position++;
			}
		}
		return to;
	}

	private enum TokenKind {

		WORD, QUOTED, STRING, COMMENT, GROUP, COMMA, SYMBOL

	}

	private record Token(TokenKind kind, int start, int end, String text) {

		boolean isWord(String word) {
			return this.kind == TokenKind.WORD && this.text.equalsIgnoreCase(word);
		}

		/**
		 * Return the name this token writes, without its quotes.
		 */
		String name() {
			if (this.kind == TokenKind.QUOTED || this.kind == TokenKind.STRING) {
				char quote = this.text.charAt(0);
				String inner = this.text.substring(1, Math.max(1, this.text.length() - 1));
				return (quote == '[') ? inner : inner.replace(String.valueOf(quote) + quote, String.valueOf(quote));
			}
			return this.text;
		}

		/**
		 * Return what a group holds, without its parentheses.
		 */
		String inner() {
			return this.text.substring(1, Math.max(1, this.text.length() - 1));
		}

	}

	/**
	 * A check constraint as a table's definition writes it.
	 *
	 * @param name its name, or {@code null} where it has none
	 * @param expression its expression, with runs of white space made one space
	 */
	record CheckDefinition(@Nullable String name, String expression) {

	}

	/**
	 * What a {@code CREATE TABLE} statement declares that the pragmas do not say. Column
	 * lists are keyed in lower case, as SQLite compares names.
	 */
	static final class TableDefinition {

		private final Map<String, String> comments = new HashMap<>();

		private final Set<String> autoIncrement = new HashSet<>();

		private final List<CheckDefinition> checks = new ArrayList<>();

		private final Map<List<String>, String> uniqueNames = new HashMap<>();

		private final Map<List<String>, String> foreignKeyNames = new HashMap<>();

		/**
		 * Return the comment of a column.
		 * @param column the column
		 * @return its comment, or {@code null}
		 */
		@Nullable String comment(String column) {
			return this.comments.get(column.toLowerCase(Locale.ROOT));
		}

		/**
		 * Return whether a column is declared {@code AUTOINCREMENT}.
		 * @param column the column
		 * @return whether it is
		 */
		boolean autoIncrement(String column) {
			return this.autoIncrement.contains(column.toLowerCase(Locale.ROOT));
		}

		/**
		 * Return the checks, in the order of the definition.
		 * @return the checks
		 */
		List<CheckDefinition> checks() {
			return this.checks;
		}

		/**
		 * Return the name a unique constraint is given on some columns.
		 * @param columns the columns
		 * @return its name, or {@code null} where it has none
		 */
		@Nullable String uniqueName(List<String> columns) {
			return this.uniqueNames.get(lowerCase(columns));
		}

		/**
		 * Return the name a foreign key is given on some columns.
		 * @param columns the columns
		 * @return its name, or {@code null} where it has none
		 */
		@Nullable String foreignKeyName(List<String> columns) {
			return this.foreignKeyNames.get(lowerCase(columns));
		}

		/**
		 * Read one column definition or table constraint.
		 */
		private void add(String sql, List<Token> definition) {
			List<Token> tokens = definition.stream().filter((token) -> token.kind() != TokenKind.COMMENT).toList();
			if (tokens.isEmpty()) {
				return;
			}
			Token first = tokens.get(0);
			boolean tableConstraint = first.isWord("CONSTRAINT") || first.isWord("PRIMARY") || first.isWord("UNIQUE")
					|| first.isWord("CHECK") || first.isWord("FOREIGN");
			@Nullable String column = tableConstraint ? null : first.name().toLowerCase(Locale.ROOT);
			if (column != null) {
				definition.stream()
					.filter((token) -> token.kind() == TokenKind.COMMENT && token.text().startsWith("/*"))
					.findFirst()
					.ifPresent((comment) -> this.comments.put(column,
							comment.text().substring(2, comment.text().length() - 2).strip()));
			}
			@Nullable String pendingName = null;
			boolean tableForeignKey = false;
			for (int i = tableConstraint ? 0 : 1; i < tokens.size(); i++) {
				Token token = tokens.get(i);
				@Nullable Token next = (i + 1 < tokens.size()) ? tokens.get(i + 1) : null;
				if (token.isWord("CONSTRAINT") && next != null) {
					pendingName = next.name();
					i++;
				}
				else if (token.isWord("CHECK") && next != null && next.kind() == TokenKind.GROUP) {
					this.checks.add(new CheckDefinition(pendingName, collapse(next.inner())));
					pendingName = null;
					i++;
				}
				else if (token.isWord("UNIQUE")) {
					List<String> columns = (next != null && next.kind() == TokenKind.GROUP) ? columnNames(sql, next)
							: (column != null) ? List.of(column) : List.of();
					if (pendingName != null) {
						this.uniqueNames.put(lowerCase(columns), pendingName);
					}
					pendingName = null;
				}
				else if (token.isWord("FOREIGN")) {
					tableForeignKey = true;
					@Nullable Token group = tokens.subList(i + 1, tokens.size())
						.stream()
						.filter((candidate) -> candidate.kind() == TokenKind.GROUP)
						.findFirst()
						.orElse(null);
					if (group != null && pendingName != null) {
						this.foreignKeyNames.put(lowerCase(columnNames(sql, group)), pendingName);
					}
					pendingName = null;
				}
				else if (token.isWord("REFERENCES") && !tableForeignKey && column != null) {
					if (pendingName != null) {
						this.foreignKeyNames.put(List.of(column), pendingName);
					}
					pendingName = null;
				}
				else if (token.isWord("AUTOINCREMENT") && column != null) {
					this.autoIncrement.add(column);
				}
				else if (token.isWord("PRIMARY") || token.isWord("NOT") || token.isWord("DEFAULT")
						|| token.isWord("COLLATE") || token.isWord("GENERATED")) {
					pendingName = null;
				}
			}
		}

		private static List<String> lowerCase(List<String> columns) {
			return columns.stream().map((column) -> column.toLowerCase(Locale.ROOT)).toList();
		}

	}

}
