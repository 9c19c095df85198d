package dev.migrations.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import dev.migrations.DescriptorFactory;
import dev.migrations.MigrationDefinitionException;
import dev.migrations.MigrationEntry;
import dev.migrations.sql.SqlStatementSplitter;

/**
 * What {@link MigrationIndex#build} does when an application is built: lists, reads and
 * checksums the scripts of locations. Kept apart from the index, which a start reads, so
 * that a start does not load the code that writes it.
 */
final class IndexBuilder {

	private IndexBuilder() {
	}

	/**
	 * List, read and checksum the scripts of locations, once for each database whose
	 * splitter could read them differently.
	 * @param locations the locations; {@code filesystem:} ones are left out
	 * @param classLoader the class loader to find class path locations with
	 * @param encoding the encoding of the scripts
	 * @return the sections of the index
	 * @throws MigrationDefinitionException if a script is malformed, as a runner would
	 * report it
	 */
	static List<IndexSection> sections(List<String> locations, ClassLoader classLoader, Charset encoding) {
		List<String> indexed = locations.stream()
			.filter((location) -> !MigrationIndex.isFilesystem(location))
			.distinct()
			.toList();
		Map<String, Map<List<String>, Set<String>>> byLocation = new LinkedHashMap<>();
		for (String database : MigrationIndex.databases()) {
			List<String> resolved = new ArrayList<>();
			for (String location : indexed) {
				String forDatabase = SqlMigrationSource.forDatabase(location, database);
				// A folder named after a database that the application has no
				// migrations for is indexed as empty, without the warning of a missing
				// location
				if (SqlMigrationSource.placeholder(location) == null || exists(forDatabase, classLoader)) {
					resolved.add(forDatabase);
				}
				else {
					byLocation.computeIfAbsent(forDatabase, (key) -> new LinkedHashMap<>())
						.computeIfAbsent(List.of(), (key) -> new TreeSet<>())
						.add(database);
				}
			}
			SqlMigrationSource source = new SqlMigrationSource(resolved, classLoader, splitter(database), encoding);
			source.loadByLocation()
				.forEach((location, loaded) -> byLocation.computeIfAbsent(location, (key) -> new LinkedHashMap<>())
					.computeIfAbsent(lines(loaded, javaClasses(location, classLoader)), (key) -> new TreeSet<>())
					.add(database));
		}
		List<IndexSection> sections = new ArrayList<>();
		byLocation.forEach((location, groups) -> groups
			.forEach((lines, databases) -> sections.add(IndexSection.parse(location, databases, lines))));
		return sections;
	}

	private static boolean exists(String location, ClassLoader classLoader) {
		try {
			return classLoader.getResources(Objects.requireNonNull(SqlMigrationSource.classpathPath(location)))
				.hasMoreElements();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Return the Java migration classes in the package a location names, which an
	 * application started from the index does not scan for.
	 */
	private static List<String> javaClasses(String location, ClassLoader classLoader) {
		return new JavaMigrationSource(List.of(location), List.of(), classLoader).findClasses()
			.stream()
			.map(Class::getName)
			.toList();
	}

	private static List<String> lines(SqlMigrationSource.Loaded loaded, List<String> javaClasses) {
		List<String> lines = new ArrayList<>();
		List<MigrationEntry> migrations = new ArrayList<>(loaded.migrations());
		migrations.sort((first, second) -> first.source().compareTo(second.source()));
		for (MigrationEntry migration : migrations) {
			String checksum = DescriptorFactory
				.checksum(DescriptorFactory.record(migration.id(), migration.source(), migration.migration()::up));
			lines.add(new IndexEntry(migration.id(), checksum, migration.migration().transactional(),
					migration.migration().destructive(), migration.migration().repair(), migration.source(),
					migration.downSource())
				.line());
		}
		for (SquashFile squash : loaded.squashes()) {
			StringBuilder replaced = new StringBuilder();
			squash.replaced()
				.forEach((id, checksum) -> replaced.append((replaced.length() > 0) ? "," : "")
					.append(id)
					.append('=')
					.append(checksum));
			lines.add(String.join("\t", "squash", squash.source(), squash.dialect(), squash.target().toString(),
					replaced));
		}
		javaClasses.forEach((className) -> lines.add("java\t" + className));
		return List.copyOf(lines);
	}

	/**
	 * Return the splitter of a database's dialect.
	 */
	static SqlStatementSplitter splitter(String database) {
		return switch (database) {
			case "mariadb", "mysql" -> SqlStatementSplitter.mysql();
			case "postgresql" -> SqlStatementSplitter.postgresql();
			case "sqlite" -> SqlStatementSplitter.sqlite();
			default -> SqlStatementSplitter.standard();
		};
	}

}
