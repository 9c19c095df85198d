package dev.migrations.sql;

import java.util.Arrays;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A script to split: its text with every line ending turned into {@code \n}, which the
 * splitter reads, and the text as written, which quoted text and the rows of a
 * {@code COPY} are copied from, because there the line ending is data. A leading byte
 * order mark is no part of either. Immutable.
 */
final class ScriptText {

	static final char BYTE_ORDER_MARK = '\uFEFF';

	/** The script with every line ending turned into {@code \n}. */
	private final char[] text;

	/**
	 * The script as written, or {@code null} when it holds no {@code \r} and is the same
	 * as {@link #text}.
	 */
	private final char @Nullable [] asWritten;

	/**
	 * For each index of {@link #text} (and its length), the index in {@link #asWritten}
	 * it was read from.
	 */
	private final int @Nullable [] writtenAt;

	private ScriptText(char[] text, char @Nullable [] asWritten, int @Nullable [] writtenAt) {
		this.text = text;
		this.asWritten = asWritten;
		this.writtenAt = writtenAt;
	}

	/**
	 * Read a script, {@code \r\n} and {@code \r} line endings as {@code \n}.
	 * @param script the script
	 * @return its text
	 */
	static ScriptText of(String script) {
		int start = (!script.isEmpty() && script.charAt(0) == BYTE_ORDER_MARK) ? 1 : 0;
		char[] asWritten = new char[script.length() - start];
		script.getChars(start, script.length(), asWritten, 0);
		if (script.indexOf('\r') < 0) {
			return new ScriptText(asWritten, null, null);
		}
		char[] text = new char[asWritten.length];
		int[] writtenAt = new int[asWritten.length + 1];
		int length = 0;
		for (int read = 0; read < asWritten.length; read++) {
			writtenAt[length] = read;
			char current = asWritten[read];
			if (current == '\r') {
				text[length++] = '\n';
				if (read + 1 < asWritten.length && asWritten[read + 1] == '\n') {
					read++;
				}
			}
			else {
				text[length++] = current;
			}
		}
		writtenAt[length] = asWritten.length;
		return new ScriptText(Arrays.copyOf(text, length), asWritten, writtenAt);
	}

	/**
	 * Return the text with every line ending turned into {@code \n}; not to be changed.
	 * @return the text
	 */
	char[] text() {
		return this.text;
	}

	/**
	 * Whether the script as written differs from its {@link #text()}: it has {@code \r\n}
	 * or {@code \r} line endings.
	 * @return whether parts must be copied {@link #asWritten(int, int) as written}
	 */
	boolean hasOtherLineEndings() {
		return this.asWritten != null;
	}

	/**
	 * Return a part of the script as written, its line endings as they are in the file.
	 * @param start where the part starts in the {@link #text()}
	 * @param end where it ends in the {@link #text()}
	 * @return the part as written
	 */
	String asWritten(int start, int end) {
		if (this.asWritten == null) {
			return new String(this.text, start, end - start);
		}
		int[] writtenAt = Objects.requireNonNull(this.writtenAt);
		return new String(this.asWritten, writtenAt[start], writtenAt[end] - writtenAt[start]);
	}

}
