package dev.migrations.source;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads the scripts and the index a source finds.
 */
final class Streams {

	private Streams() {
	}

	/**
	 * Read a stream whole, into an array of the length it says it has rather than into
	 * buffers copied into one: a cold start pays for every byte it allocates, and
	 * {@link InputStream#readAllBytes()} allocates 8 KB for a script of a few lines. A
	 * file's stream and a jar entry's tell their length; a stream that tells less, or
	 * more, is read as it is.
	 * @param input the stream, left open
	 * @return its bytes
	 * @throws IOException if it cannot be read
	 */
	static byte[] readAll(InputStream input) throws IOException {
		int length = input.available();
		if (length <= 0) {
			return input.readAllBytes();
		}
		byte[] bytes = new byte[length];
		int read = input.readNBytes(bytes, 0, length);
		int next = input.read();
		if (read == length && next < 0) {
			return bytes;
		}
		ByteArrayOutputStream all = new ByteArrayOutputStream();
		all.write(bytes, 0, read);
		if (next >= 0) {
			all.write(next);
			input.transferTo(all);
		}
		return all.toByteArray();
	}

}
