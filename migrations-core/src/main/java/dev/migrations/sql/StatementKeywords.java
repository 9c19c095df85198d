package dev.migrations.sql;

/**
 * Follows the keywords of the statement being split, as the database's own command-line
 * client does, to tell whether a semicolon ends the statement and whether the statement
 * is a {@code COPY} that exchanges rows with the client:
 * <ul>
 * <li>PostgreSQL ({@code psql}): a semicolon inside parentheses does not end a statement
 * (a rule with several actions, {@code DO ALSO (...; ...)}), nor one inside the
 * {@code BEGIN ... END} of a {@code CREATE [OR REPLACE] FUNCTION} or {@code PROCEDURE} (a
 * SQL-standard body, {@code BEGIN ATOMIC}), where a {@code CASE} also ends with
 * {@code END}.</li>
 * <li>SQLite ({@code sqlite3}): {@code CREATE [TEMP | TEMPORARY] TRIGGER} ends only at a
 * semicolon that follows {@code ; END}, the end of its {@code BEGIN ... END} body, so
 * {@code CASE ... END} inside the body does not end it.</li>
 * <li>Every syntax: {@code COPY ... FROM STDIN} and {@code COPY ... TO STDOUT}.</li>
 * </ul>
 * Only unquoted words count: quoted identifiers, strings and comments never do. Mutable,
 * one instance per split.
 */
final class StatementKeywords {

	private final SqlStatementSplitter.Syntax syntax;

	private Shape shape = Shape.START;

	private int parenthesisDepth;

	/** PostgreSQL routines: how many {@code BEGIN} and {@code CASE} wait for an END. */
	private int blockDepth;

	private TriggerState triggerState = TriggerState.BODY;

	private Copy copy = Copy.NONE;

	/** Where the word just before starts, for {@code COPY}; -1 after any other token. */
	private int previousWordStart = -1;

	private int previousWordEnd;

	StatementKeywords(SqlStatementSplitter.Syntax syntax) {
		this.syntax = syntax;
	}

	/**
	 * Follow a run of unquoted statement text: words, numbers, parentheses and other
	 * punctuation, without whitespace.
	 * @param text the script
	 * @param start where the run starts
	 * @param end where it ends
	 */
	void follow(char[] text, int start, int end) {
		if (this.shape == Shape.PLAIN) {
			// No word changes a plain statement's shape: only PostgreSQL's parentheses,
			// inside which a semicolon does not end it, are counted
			if (this.syntax == SqlStatementSplitter.Syntax.POSTGRESQL) {
				followParentheses(text, start, end);
			}
			return;
		}
		int index = start;
		while (index < end) {
			char current = text[index];
			if (isWordPart(current)) {
				int wordEnd = index + 1;
				while (wordEnd < end && isWordPart(text[wordEnd])) {
					wordEnd++;
				}
				// A word glued to the previous token (a$end) is not a keyword
				boolean continuesToken = index == start && start > 0 && isWordPart(text[start - 1]);
				if (Character.isDigit(current) || continuesToken) {
					other();
				}
				else {
					word(text, index, wordEnd);
				}
				index = wordEnd;
				continue;
			}
			other();
			followParenthesis(current);
			index++;
		}
	}

	private void followParentheses(char[] text, int start, int end) {
		for (int index = start; index < end; index++) {
			followParenthesis(text[index]);
		}
	}

	private void followParenthesis(char character) {
		if (character == '(') {
			this.parenthesisDepth++;
		}
		else if (character == ')' && this.parenthesisDepth > 0) {
			this.parenthesisDepth--;
		}
	}

	/**
	 * Follow a token that is not a keyword: quoted text, a dollar-quoted body, a MySQL
	 * executable comment.
	 */
	void other() {
		this.previousWordStart = -1;
		switch (this.shape) {
			case START, CREATE, CREATE_OR, CREATE_OR_REPLACE -> this.shape = Shape.PLAIN;
			case TRIGGER -> this.triggerState = TriggerState.BODY;
			default -> {
			}
		}
	}

	/**
	 * Whether a semicolon ends the statement; if not, it is followed as a token of it.
	 * @return whether the statement ends here
	 */
	boolean semicolonEnds() {
		switch (this.shape) {
			case TRIGGER -> {
				if (this.triggerState == TriggerState.END) {
					return true;
				}
				this.triggerState = TriggerState.SEMICOLON;
				return false;
			}
			case ROUTINE -> {
				if (this.parenthesisDepth == 0 && this.blockDepth == 0) {
					return true;
				}
				this.previousWordStart = -1;
				return false;
			}
			default -> {
				if (this.syntax == SqlStatementSplitter.Syntax.POSTGRESQL && this.parenthesisDepth > 0) {
					this.previousWordStart = -1;
					return false;
				}
				return true;
			}
		}
	}

	/**
	 * Return whether the statement is a {@code COPY} that exchanges rows with the client.
	 * @return the direction, or {@link Copy#NONE}
	 */
	Copy copy() {
		return this.copy;
	}

	/**
	 * Start following the next statement.
	 */
	void reset() {
		this.shape = Shape.START;
		this.parenthesisDepth = 0;
		this.blockDepth = 0;
		this.triggerState = TriggerState.BODY;
		this.copy = Copy.NONE;
		this.previousWordStart = -1;
	}

	private void word(char[] text, int start, int end) {
		switch (this.shape) {
			case START -> this.shape = start(text, start, end);
			case CREATE -> this.shape = afterCreate(text, start, end);
			case CREATE_OR -> this.shape = is(text, start, end, "REPLACE") ? Shape.CREATE_OR_REPLACE : Shape.PLAIN;
			case CREATE_OR_REPLACE -> this.shape = isRoutine(text, start, end) ? Shape.ROUTINE : Shape.PLAIN;
			case ROUTINE -> routineWord(text, start, end);
			case TRIGGER ->
				this.triggerState = (this.triggerState == TriggerState.SEMICOLON && is(text, start, end, "END"))
						? TriggerState.END : TriggerState.BODY;
			case COPY -> copyWord(text, start, end);
			case PLAIN -> {
			}
		}
	}

	private Shape start(char[] text, int start, int end) {
		if (is(text, start, end, "COPY")) {
			return Shape.COPY;
		}
		if (is(text, start, end, "CREATE") && (this.syntax == SqlStatementSplitter.Syntax.POSTGRESQL
				|| this.syntax == SqlStatementSplitter.Syntax.SQLITE)) {
			return Shape.CREATE;
		}
		return Shape.PLAIN;
	}

	private Shape afterCreate(char[] text, int start, int end) {
		if (this.syntax == SqlStatementSplitter.Syntax.SQLITE) {
			if (is(text, start, end, "TEMP") || is(text, start, end, "TEMPORARY")) {
				return Shape.CREATE;
			}
			return is(text, start, end, "TRIGGER") ? Shape.TRIGGER : Shape.PLAIN;
		}
		if (is(text, start, end, "OR")) {
			return Shape.CREATE_OR;
		}
		return isRoutine(text, start, end) ? Shape.ROUTINE : Shape.PLAIN;
	}

	private static boolean isRoutine(char[] text, int start, int end) {
		return is(text, start, end, "FUNCTION") || is(text, start, end, "PROCEDURE");
	}

	/**
	 * Count the blocks of a SQL-standard routine body as {@code psql} does: only outside
	 * parentheses, so that a parameter named {@code begin} is not a block, and a
	 * {@code CASE} only inside a block.
	 */
	private void routineWord(char[] text, int start, int end) {
		if (this.parenthesisDepth > 0) {
			return;
		}
		if (is(text, start, end, "BEGIN")) {
			this.blockDepth++;
		}
		else if (this.blockDepth > 0 && is(text, start, end, "CASE")) {
			this.blockDepth++;
		}
		else if (this.blockDepth > 0 && is(text, start, end, "END")) {
			this.blockDepth--;
		}
	}

	private void copyWord(char[] text, int start, int end) {
		if (this.parenthesisDepth == 0 && this.previousWordStart != -1) {
			if (is(text, this.previousWordStart, this.previousWordEnd, "FROM") && is(text, start, end, "STDIN")) {
				this.copy = Copy.FROM_STDIN;
			}
			else if (is(text, this.previousWordStart, this.previousWordEnd, "TO") && is(text, start, end, "STDOUT")) {
				this.copy = Copy.TO_STDOUT;
			}
		}
		this.previousWordStart = start;
		this.previousWordEnd = end;
	}

	private static boolean is(char[] text, int start, int end, String keyword) {
		if (end - start != keyword.length()) {
			return false;
		}
		for (int offset = 0; offset < keyword.length(); offset++) {
			if (Character.toUpperCase(text[start + offset]) != keyword.charAt(offset)) {
				return false;
			}
		}
		return true;
	}

	private static boolean isWordPart(char character) {
		return Character.isLetterOrDigit(character) || character == '_' || character == '$';
	}

	/**
	 * Which way a {@code COPY} statement exchanges rows with the client.
	 */
	enum Copy {

		/** Not a {@code COPY} with the client. */
		NONE,

		/** {@code COPY ... FROM STDIN}: its rows follow it in the script. */
		FROM_STDIN,

		/** {@code COPY ... TO STDOUT}: it sends rows to the client. */
		TO_STDOUT

	}

	private enum Shape {

		/** No word yet. */
		START,

		/** {@code CREATE} and, in SQLite, {@code TEMP}. */
		CREATE,

		/** PostgreSQL's {@code CREATE OR}. */
		CREATE_OR,

		/** PostgreSQL's {@code CREATE OR REPLACE}. */
		CREATE_OR_REPLACE,

		/** A PostgreSQL function or procedure. */
		ROUTINE,

		/** A SQLite trigger. */
		TRIGGER,

		/** A {@code COPY}. */
		COPY,

		/** Any other statement. */
		PLAIN

	}

	/**
	 * Where a SQLite trigger is in the {@code ; END ;} that ends it.
	 */
	private enum TriggerState {

		/** Anywhere else. */
		BODY,

		/** Just after a semicolon. */
		SEMICOLON,

		/** Just after {@code ; END}. */
		END

	}

}
