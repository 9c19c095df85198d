package dev.migrations.source;

import java.util.ArrayList;
import java.util.List;

import dev.migrations.MigrationDefinitionException;
import dev.migrations.MigrationId;

/**
 * A SQL migration as the {@link MigrationIndex} lists it.
 *
 * @param id the migration's id
 * @param checksum the checksum of its up plan
 * @param transactional whether it runs in a transaction
 * @param destructive whether it is marked destructive
 * @param repair whether it is a repair migration
 * @param source its {@code .up.sql} or {@code .sql} file
 * @param downSource its {@code .down.sql} file, or the source when it has none
 */
record IndexEntry(MigrationId id, String checksum, boolean transactional, boolean destructive, boolean repair,
		String source, String downSource) {

	boolean hasDownScript() {
		return !this.downSource.equals(this.source);
	}

	String line() {
		if (containsSeparator(this.source) || containsSeparator(this.downSource)) {
			throw new MigrationDefinitionException("Migration " + this.source + " cannot be listed in the "
					+ "migration index: its name holds a tab or a line break. Rename the file.");
		}
		List<String> flags = new ArrayList<>();
		if (!this.transactional) {
			flags.add("no-transaction");
		}
		if (this.destructive) {
			flags.add("destructive");
		}
		if (this.repair) {
			flags.add("repair");
		}
		return String.join("\t", "migration", this.id.toString(), this.checksum,
				flags.isEmpty() ? "-" : String.join(",", flags), this.source, this.downSource);
	}

	private static boolean containsSeparator(String source) {
		return source.indexOf('\t') >= 0 || source.indexOf('\n') >= 0 || source.indexOf('\r') >= 0;
	}

	static IndexEntry parse(String line) {
		String[] fields = line.split("\t", -1);
		if (fields.length != 6) {
			throw MigrationIndex.malformed("a migration line must have 6 fields: " + line);
		}
		List<String> flags = List.of(fields[3].split(","));
		return new IndexEntry(MigrationId.parse(fields[1]), fields[2], !flags.contains("no-transaction"),
				flags.contains("destructive"), flags.contains("repair"), fields[4], fields[5]);
	}

}
