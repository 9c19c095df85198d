package dev.migrations.source;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The migration lines of one location of an index, kept as where each lies in the text
 * they were read from until a line is needed: a start that finds every migration applied
 * reads only each line's id and checksum, and copies nothing else of an index that holds
 * thousands of lines. Immutable.
 */
final class IndexLines {

	private static final IndexLines NONE = new IndexLines("", new int[0], 0);

	private final String text;

	/** The start and the end of each line in the text, in pairs. */
	private final int[] bounds;

	private final int size;

	private IndexLines(String text, int[] bounds, int size) {
		this.text = text;
		this.bounds = bounds;
		this.size = size;
	}

	/**
	 * Return the lines of a list.
	 * @param lines the lines, none holding a line break
	 * @return the lines
	 */
	static IndexLines of(List<String> lines) {
		if (lines.isEmpty()) {
			return NONE;
		}
		Builder builder = new Builder(String.join("\n", lines));
		int start = 0;
		for (String line : lines) {
			builder.add(start, start + line.length());
			start += line.length() + 1;
		}
		return builder.build();
	}

	/**
	 * Return these lines followed by others.
	 * @param others the other lines
	 * @return the lines
	 */
	IndexLines plus(List<String> others) {
		if (others.isEmpty()) {
			return this;
		}
		List<String> all = lines();
		all.addAll(others);
		return of(all);
	}

	/**
	 * Return the lines, each copied out of the text.
	 * @return a new modifiable list
	 */
	List<String> lines() {
		List<String> lines = new ArrayList<>(this.size);
		for (int line = 0; line < this.size; line++) {
			lines.add(line(line));
		}
		return lines;
	}

	private String line(int line) {
		return this.text.substring(this.bounds[2 * line], this.bounds[2 * line + 1]);
	}

	/**
	 * Add the checksum of each migration by id, as {@link IndexEntry#line()} wrote them:
	 * the second and the third of a line's tab-separated fields.
	 * @param checksums the checksums by id
	 * @return whether every id was new
	 * @throws dev.migrations.MigrationDefinitionException if a line has too few fields
	 */
	boolean addChecksums(Map<String, String> checksums) {
		for (int line = 0; line < this.size; line++) {
			int end = this.bounds[2 * line + 1];
			int id = field(this.bounds[2 * line], end);
			int checksum = field(id, end);
			int flags = field(checksum, end);
			if (flags < 0) {
				throw MigrationIndex.malformed("a migration line must have 6 fields: " + line(line));
			}
			if (checksums.put(this.text.substring(id, checksum - 1),
					this.text.substring(checksum, flags - 1)) != null) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Return where the field after the one that starts at {@code from} starts, or -1 when
	 * the line ends first.
	 */
	private int field(int from, int end) {
		if (from < 0) {
			return -1;
		}
		int tab = this.text.indexOf('\t', from);
		return (tab >= 0 && tab < end) ? tab + 1 : -1;
	}

	/**
	 * Collects the lines of a text as they are read.
	 */
	static final class Builder {

		private final String text;

		private int[] bounds = new int[256];

		private int size;

		Builder(String text) {
			this.text = text;
		}

		/**
		 * Add the line that lies between two offsets of the text.
		 * @param start where it starts
		 * @param end where it ends, before its line break
		 */
		void add(int start, int end) {
			if (2 * this.size == this.bounds.length) {
				this.bounds = Arrays.copyOf(this.bounds, 2 * this.bounds.length);
			}
			this.bounds[2 * this.size] = start;
			this.bounds[2 * this.size + 1] = end;
			this.size++;
		}

		IndexLines build() {
			return (this.size == 0) ? NONE : new IndexLines(this.text, this.bounds, this.size);
		}

	}

}
