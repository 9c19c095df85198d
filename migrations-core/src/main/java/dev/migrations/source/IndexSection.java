package dev.migrations.source;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A location resolved for some databases, and what it holds for them. Its migration lines
 * are kept as read and parsed when the migrations are loaded: a start that finds them all
 * applied needs only their ids and checksums. Immutable.
 *
 * @param location the location, resolved
 * @param databases the databases whose splitter gave these lines
 * @param migrationLines the migration lines, as read
 * @param squashes the squash lines
 * @param javaClasses the Java migration classes of the location's package
 */
record IndexSection(String location, Set<String> databases, IndexLines migrationLines, List<String> squashes,
		List<String> javaClasses) {

	/**
	 * Sort the lines of a location into migrations, squashes and Java classes.
	 * @param location the location, resolved
	 * @param databases the databases the lines are for
	 * @param lines the lines, each a migration, squash or java line
	 * @return the section
	 */
	static IndexSection parse(String location, Set<String> databases, List<String> lines) {
		return parse(location, databases, IndexLines.of(List.of()), lines);
	}

	/**
	 * Make the section of a location from its migration lines, sorted out as they were
	 * read, and its other lines.
	 * @param location the location, resolved
	 * @param databases the databases the lines are for
	 * @param migrationLines lines known to be migration lines, the most of an index
	 * @param lines the other lines, each a migration, squash or java line
	 * @return the section
	 */
	static IndexSection parse(String location, Set<String> databases, IndexLines migrationLines, List<String> lines) {
		List<String> migrations = new ArrayList<>();
		List<String> squashes = new ArrayList<>();
		List<String> javaClasses = new ArrayList<>();
		for (String line : lines) {
			if (line.startsWith("java\t")) {
				javaClasses.add(line.substring("java\t".length()));
			}
			else if (line.startsWith("squash\t")) {
				if (line.split("\t", -1).length != 5) {
					throw MigrationIndex.malformed("a squash line must have 5 fields: " + line);
				}
				squashes.add(line);
			}
			else {
				migrations.add(line);
			}
		}
		return new IndexSection(location, Collections.unmodifiableSet(new TreeSet<>(databases)),
				migrationLines.plus(migrations), List.copyOf(squashes), List.copyOf(javaClasses));
	}

	List<IndexEntry> migrations() {
		return this.migrationLines.lines().stream().map(IndexEntry::parse).toList();
	}

	/**
	 * Whether the migrations are all the section holds: no squash and no Java migration,
	 * whose classes would have to be loaded.
	 */
	boolean onlyMigrations() {
		return this.squashes.isEmpty() && this.javaClasses.isEmpty();
	}

	/**
	 * Add the checksum of each migration by id, as {@link IndexEntry#line()} wrote them.
	 * @return whether every id was new
	 */
	boolean addChecksums(Map<String, String> checksums) {
		return this.migrationLines.addChecksums(checksums);
	}

}
