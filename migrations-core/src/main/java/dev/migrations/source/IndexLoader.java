package dev.migrations.source;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.migrations.MigrationEntry;
import dev.migrations.MigrationId;
import dev.migrations.sql.SqlStatementSplitter;

/**
 * Loads the migrations an index lists, when a runner needs them. Kept apart from the
 * index so that a start that ends on the index's checksums does not load this code.
 */
final class IndexLoader {

	private IndexLoader() {
	}

	/**
	 * Load the migrations of locations for a database, as
	 * {@link MigrationIndex#load(List, String, SqlStatementSplitter, ClassLoader, Placeholders)}
	 * does.
	 */
	static SqlMigrationSource.Loaded load(MigrationIndex index, List<String> locations, String database,
			SqlStatementSplitter splitter, ClassLoader classLoader, Placeholders placeholders) {
		IndexedScripts scripts = new IndexedScripts(classLoader, index.encoding());
		List<MigrationEntry> entries = new ArrayList<>();
		List<SquashFile> squashes = new ArrayList<>();
		List<String> notIndexed = new ArrayList<>();
		Set<String> seen = new LinkedHashSet<>();
		for (String location : locations) {
			String resolved = SqlMigrationSource.forDatabase(location, database);
			if (!seen.add(resolved)) {
				continue;
			}
			IndexSection section = MigrationIndex.isFilesystem(resolved) ? null : index.section(resolved, database);
			if (section == null) {
				notIndexed.add(location);
				continue;
			}
			for (IndexEntry entry : section.migrations()) {
				entries
					.add(new MigrationEntry(entry.id(), new IndexedSqlMigration(entry, scripts, splitter, placeholders),
							entry.source(), entry.downSource()));
			}
			for (String squash : section.squashes()) {
				squashes.add(squash(squash, scripts, splitter));
			}
		}
		if (!notIndexed.isEmpty()) {
			SqlMigrationSource.Loaded listed = new SqlMigrationSource(notIndexed, classLoader, splitter,
					index.encoding())
				.withDatabase(database)
				.withPlaceholders(placeholders)
				.loadAll();
			entries.addAll(listed.migrations());
			squashes.addAll(listed.squashes());
		}
		return new SqlMigrationSource.Loaded(List.copyOf(entries), List.copyOf(squashes));
	}

	private static SquashFile squash(String line, IndexedScripts scripts, SqlStatementSplitter splitter) {
		String[] fields = line.split("\t", -1);
		Map<MigrationId, String> replaced = new LinkedHashMap<>();
		for (String pair : fields[4].split(",")) {
			int equals = pair.indexOf('=');
			replaced.put(MigrationId.parse(pair.substring(0, equals)), pair.substring(equals + 1));
		}
		String source = fields[1];
		return SquashFile.indexed(source, fields[2], MigrationId.parse(fields[3]), replaced, () -> scripts.read(source),
				splitter);
	}

	/**
	 * Return the source of the Java migrations of locations and packages, as
	 * {@link MigrationIndex#javaSource(List, List, String, ClassLoader)} does.
	 */
	static JavaMigrationSource javaSource(MigrationIndex index, List<String> locations, List<String> packages,
			String database, ClassLoader classLoader) {
		List<String> scanned = new ArrayList<>();
		List<String> known = new ArrayList<>();
		for (String location : locations) {
			String resolved = SqlMigrationSource.forDatabase(location, database);
			IndexSection section = MigrationIndex.isFilesystem(resolved) ? null : index.section(resolved, database);
			if (section == null) {
				scanned.add(resolved);
			}
			else {
				known.addAll(section.javaClasses());
			}
		}
		return new JavaMigrationSource(scanned, packages, classLoader, known);
	}

}
