package dev.migrations.source;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import dev.migrations.MigrationDefinitionException;

/**
 * Turns the bytes of a migration script into its text, for a listing of a location and
 * for a script read from an index alike.
 */
final class ScriptDecoder {

	private ScriptDecoder() {
	}

	/**
	 * Decode a script strictly: a byte sequence that is not valid in the encoding is an
	 * error naming where it is, never a replacement character stored in the database; a
	 * NUL character means the file is not text at all.
	 */
	static String decode(byte[] bytes, String source, Charset encoding) {
		String text;
		if (encoding.equals(StandardCharsets.UTF_8)) {
			// The common case, decoded fast; only a file that decodes to a replacement
			// character is decoded again to find out whether it holds one or is invalid
			text = new String(bytes, StandardCharsets.UTF_8);
			if (text.indexOf('\uFFFD') >= 0) {
				text = decodeStrictly(bytes, source, encoding);
			}
		}
		else {
			text = decodeStrictly(bytes, source, encoding);
		}
		int nul = text.indexOf('\u0000');
		if (nul >= 0) {
			throw new MigrationDefinitionException(
					"Migration file " + source + " is not text: it holds a NUL " + "character (character " + nul
							+ "). Only SQL scripts belong in a migration location; move the " + "file out of it.");
		}
		return text;
	}

	private static String decodeStrictly(byte[] bytes, String source, Charset encoding) {
		CharsetDecoder decoder = encoding.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer input = ByteBuffer.wrap(bytes);
		CharBuffer output = CharBuffer.allocate((int) (bytes.length * (double) decoder.maxCharsPerByte()) + 1);
		CoderResult result = decoder.decode(input, output, true);
		if (!result.isError()) {
			result = decoder.flush(output);
		}
		if (result.isError()) {
			int offset = input.position();
			int line = 1;
			for (int i = 0; i < offset; i++) {
				line += (bytes[i] == '\n') ? 1 : 0;
			}
			throw new MigrationDefinitionException("Migration file " + source + " is not valid " + encoding.name()
					+ " text: byte offset " + offset + " (line " + line + ") holds " + result.length()
					+ " byte(s) that are not " + encoding.name() + ". Save the file as " + encoding.name()
					+ ", or configure the encoding it is written in (migrations.encoding, "
					+ "--encoding); nothing was read from it.");
		}
		return output.flip().toString();
	}

}
