package dev.migrations;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Tells two migrations that sit in sibling folders named after databases, such as
 * {@code db/migrations/h2} and {@code db/migrations/postgresql}: migrations written once
 * per database, which a location with {@code {vendor}} reads one database at a time.
 */
final class DatabaseFolders {

	/** The names that {@code {vendor}} is replaced by: those of the dialects. */
	private static final Set<String> DATABASES = Set.of("postgresql", "mariadb", "mysql", "h2", "sqlite");

	private DatabaseFolders() {
	}

	/**
	 * Return the location that reads only one of two sources' folders per database.
	 * @param first where one migration comes from
	 * @param second where the other comes from
	 * @return the folder holding both sources' folders followed by {@code /{vendor}}, or
	 * {@code null} unless the two sit in different sibling folders named after databases
	 */
	static @Nullable String vendorLocation(String first, String second) {
		String firstFolder = parent(first);
		String secondFolder = parent(second);
		if (firstFolder == null || secondFolder == null) {
			return null;
		}
		String firstDatabase = name(firstFolder);
		String secondDatabase = name(secondFolder);
		if (firstDatabase.equals(secondDatabase) || !DATABASES.contains(firstDatabase)
				|| !DATABASES.contains(secondDatabase)) {
			return null;
		}
		String parent = firstFolder.substring(0, firstFolder.length() - firstDatabase.length());
		if (!secondFolder.equals(parent + secondDatabase)) {
			return null;
		}
		return parent + "{vendor}";
	}

	private static @Nullable String parent(String source) {
		int slash = source.lastIndexOf('/');
		return (slash > 0) ? source.substring(0, slash) : null;
	}

	private static String name(String folder) {
		return folder.substring(folder.lastIndexOf('/') + 1);
	}

}
