package dev.migrations.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import dev.migrations.DescriptorFactory;
import dev.migrations.MigrationDefinitionException;
import dev.migrations.MigrationEntry;
import dev.migrations.MigrationId;
import dev.migrations.sql.SqlStatementSplitter;
import org.jspecify.annotations.Nullable;

/**
 * The SQL migrations of class path locations, listed, read and checksummed once, when the
 * application is built: a packaged application's scripts cannot change between its build
 * and its start, so a runner given the index lists, reads and hashes nothing at start-up,
 * and reads a script only when its migration runs (applied, shown by a dry run, rolled
 * back, replayed). Applied migrations are validated against the checksums the index
 * carries, so a script edited before the build that made the index is still told apart.
 * <p>
 * The index is a UTF-8 text resource, {@value #RESOURCE}, of tab-separated lines: <pre>
 * migrations-index  1  UTF-8                      version, encoding of the scripts
 * location  classpath:db/migrations  h2,mariadb,...  a location, resolved, and the databases
 *                                                    whose splitter gave the lines below
 * migration  id  checksum  flags  source  down-source
 * squash  source  dialect  target  id=checksum,...
 * java  com.example.M20241201000000_CreateUsers   a Java migration in the location's package
 * </pre> {@code flags} is {@code -} or a comma-separated list of {@code no-transaction},
 * {@code destructive} and {@code repair}, the header words that matter before a script is
 * read; {@code down-source} is the source again when there is no {@code .down.sql}. A
 * location that holds {@code {vendor}} or {@code {database}} is indexed once for each
 * database's folder, under the location that names it. Lines starting with {@code #} are
 * comments. The Java migrations listed are not scanned for at start-up.
 * {@code filesystem:} locations are not indexed: they are read at start-up, as without an
 * index. Instances are immutable and thread-safe.
 */
public final class MigrationIndex {

	/** Where an application carries its index, on the class path. */
	public static final String RESOURCE = "META-INF/migrations/index";

	/** The version of the format this class writes and reads. */
	public static final int VERSION = 1;

	private static final String HEADER = "migrations-index";

	/**
	 * The databases that name a folder, each indexed with its dialect's splitter.
	 */
	private static final Set<String> DATABASES = Collections
		.unmodifiableSet(new LinkedHashSet<>(List.of("h2", "mariadb", "mysql", "postgresql", "sqlite")));

	private final Charset encoding;

	private final List<Section> sections;

	private MigrationIndex(Charset encoding, List<Section> sections) {
		this.encoding = encoding;
		this.sections = List.copyOf(sections);
	}

	/**
	 * Build the index of locations: list, read and checksum their scripts exactly as a
	 * runner does without an index, once for each database whose splitter could read them
	 * differently.
	 * @param locations the locations; {@code filesystem:} ones are left out
	 * @param classLoader the class loader to find class path locations with
	 * @param encoding the encoding of the scripts
	 * @return the index
	 * @throws MigrationDefinitionException if a script is malformed, as a runner would
	 * report it
	 */
	public static MigrationIndex build(List<String> locations, ClassLoader classLoader, Charset encoding) {
		List<String> indexed = locations.stream().filter((location) -> !isFilesystem(location)).distinct().toList();
		Map<String, Map<List<String>, Set<String>>> byLocation = new LinkedHashMap<>();
		for (String database : DATABASES) {
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
		List<Section> sections = new ArrayList<>();
		byLocation.forEach((location, groups) -> groups
			.forEach((lines, databases) -> sections.add(Section.parse(location, databases, lines))));
		return new MigrationIndex(encoding, sections);
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
	 * Read the index an application carries as {@value #RESOURCE}.
	 * @param classLoader the class loader of the application
	 * @return the index, or {@code null} when there is none
	 * @throws MigrationDefinitionException if the index is malformed or of another
	 * version
	 */
	public static @Nullable MigrationIndex find(ClassLoader classLoader) {
		URL resource = classLoader.getResource(RESOURCE);
		if (resource == null) {
			return null;
		}
		try (InputStream input = resource.openStream()) {
			return parse(new String(input.readAllBytes(), StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new MigrationDefinitionException("Could not read the migration index " + resource + ": " + ex, ex);
		}
	}

	/**
	 * Read an index.
	 * @param reader its text
	 * @return the index
	 * @throws IOException if the text cannot be read
	 * @throws MigrationDefinitionException if the index is malformed or of another
	 * version
	 */
	public static MigrationIndex read(Reader reader) throws IOException {
		StringWriter text = new StringWriter();
		reader.transferTo(text);
		return parse(text.toString());
	}

	/**
	 * Parse the text of an index: lines ended by {@code \n} or {@code \r\n}.
	 */
	private static MigrationIndex parse(String text) {
		Charset encoding = null;
		List<Section> sections = new ArrayList<>();
		String location = null;
		Set<String> databases = Set.of();
		List<String> body = new ArrayList<>();
		int number = 0;
		for (int start = 0, end; start < text.length(); start = end + 1) {
			end = text.indexOf('\n', start);
			if (end < 0) {
				end = text.length();
			}
			String line = text.substring(start, (end > start && text.charAt(end - 1) == '\r') ? end - 1 : end);
			number++;
			if (line.isEmpty() || line.startsWith("#")) {
				continue;
			}
			if (location != null && line.startsWith("migration\t")) {
				// Most lines: split when the migrations are loaded
				body.add(line);
				continue;
			}
			String[] fields = line.split("\t", -1);
			if (encoding == null) {
				encoding = header(fields, number);
			}
			else if (fields[0].equals("location") && fields.length == 3) {
				if (location != null) {
					sections.add(Section.parse(location, databases, body));
				}
				location = fields[1];
				databases = new LinkedHashSet<>(List.of(fields[2].split(",")));
				body = new ArrayList<>();
			}
			else if (location != null
					&& (fields[0].equals("migration") || fields[0].equals("squash") || fields[0].equals("java"))) {
				body.add(line);
			}
			else {
				throw malformed(number, "expected a location, migration, squash or java line");
			}
		}
		if (encoding == null) {
			throw malformed("it is empty");
		}
		if (location != null) {
			sections.add(Section.parse(location, databases, body));
		}
		return new MigrationIndex(encoding, sections);
	}

	private static Charset header(String[] fields, int number) {
		if (fields.length != 3 || !fields[0].equals(HEADER)) {
			throw malformed(number, "its first line must be '" + HEADER + "', the version and the encoding");
		}
		if (!fields[1].equals(String.valueOf(VERSION))) {
			throw new MigrationDefinitionException("The migration index " + RESOURCE + " is of version " + fields[1]
					+ ", and this version of migrations reads version " + VERSION + ". Build the application again "
					+ "with the version of migrations it runs with.");
		}
		return Charset.forName(fields[2]);
	}

	static MigrationDefinitionException malformed(int line, String problem) {
		return malformed("line " + line + ": " + problem);
	}

	static MigrationDefinitionException malformed(String problem) {
		return new MigrationDefinitionException("The migration index " + RESOURCE + " cannot be read, " + problem
				+ ". Build the application again to write it anew.");
	}

	/**
	 * Write the index.
	 * @param out where to write it
	 * @throws IOException if it cannot be written
	 */
	public void write(Appendable out) throws IOException {
		out.append("# The SQL migrations of the class path locations, listed, read and checksummed when the "
				+ "application was built.\n");
		out.append(HEADER).append('\t').append(String.valueOf(VERSION)).append('\t');
		out.append(this.encoding.name()).append('\n');
		for (Section section : this.sections) {
			out.append("location\t").append(section.location()).append('\t');
			out.append(String.join(",", section.databases())).append('\n');
			for (IndexEntry entry : section.migrations()) {
				out.append(entry.line()).append('\n');
			}
			for (String squash : section.squashes()) {
				out.append(squash).append('\n');
			}
			for (String javaClass : section.javaClasses()) {
				out.append("java\t").append(javaClass).append('\n');
			}
		}
	}

	/**
	 * Return the text of the index, as {@link #write(Appendable)} writes it.
	 * @return the text
	 */
	public String text() {
		StringBuilder text = new StringBuilder();
		try {
			write(text);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return text.toString();
	}

	/**
	 * Return the encoding the scripts were read in when the index was built.
	 * @return the encoding
	 */
	public Charset encoding() {
		return this.encoding;
	}

	/**
	 * Return the locations the index lists, resolved: a location with {@code {vendor}}
	 * once for each database's folder.
	 * @return the locations
	 */
	public Set<String> locations() {
		Set<String> locations = new LinkedHashSet<>();
		this.sections.forEach((section) -> locations.add(section.location()));
		return Collections.unmodifiableSet(locations);
	}

	/**
	 * Load the migrations of locations for a database from the index, reading no script:
	 * what a {@link SqlMigrationSource} of the same locations would load, for the
	 * locations the index lists. The others ({@code filesystem:} locations, and locations
	 * the application was not built with) are listed and read as without an index.
	 * @param locations the locations, as configured ({@code {vendor}} not yet replaced)
	 * @param database the name of the database's dialect
	 * @param splitter the splitter of the database
	 * @param classLoader the class loader for class path locations
	 * @return the migrations and the squashes
	 * @throws MigrationDefinitionException as {@link SqlMigrationSource#loadAll()} does
	 * for the locations not indexed
	 */
	public SqlMigrationSource.Loaded load(List<String> locations, String database, SqlStatementSplitter splitter,
			ClassLoader classLoader) {
		return load(locations, database, splitter, classLoader, Placeholders.disabled());
	}

	/**
	 * Load the migrations of locations as
	 * {@link #load(List, String, SqlStatementSplitter, ClassLoader)} does, replacing
	 * {@code ${name}} placeholders in the scripts when they are read.
	 * @param locations the locations, as configured ({@code {vendor}} not yet replaced)
	 * @param database the name of the database's dialect
	 * @param splitter the splitter of the database
	 * @param classLoader the class loader for class path locations
	 * @param placeholders the placeholders replaced in the scripts when they are read
	 * @return the migrations and the squashes
	 * @throws MigrationDefinitionException as {@link SqlMigrationSource#loadAll()} does
	 * for the locations not indexed
	 */
	public SqlMigrationSource.Loaded load(List<String> locations, String database, SqlStatementSplitter splitter,
			ClassLoader classLoader, Placeholders placeholders) {
		IndexedScripts scripts = new IndexedScripts(classLoader, this.encoding);
		List<MigrationEntry> entries = new ArrayList<>();
		List<SquashFile> squashes = new ArrayList<>();
		List<String> notIndexed = new ArrayList<>();
		Set<String> seen = new LinkedHashSet<>();
		for (String location : locations) {
			String resolved = SqlMigrationSource.forDatabase(location, database);
			if (!seen.add(resolved)) {
				continue;
			}
			Section section = isFilesystem(resolved) ? null : section(resolved, database);
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
			SqlMigrationSource.Loaded listed = new SqlMigrationSource(notIndexed, classLoader, splitter, this.encoding)
				.withDatabase(database)
				.withPlaceholders(placeholders)
				.loadAll();
			entries.addAll(listed.migrations());
			squashes.addAll(listed.squashes());
		}
		return new SqlMigrationSource.Loaded(List.copyOf(entries), List.copyOf(squashes));
	}

	private @Nullable Section section(String location, String database) {
		for (Section section : this.sections) {
			if (section.location().equals(location) && section.databases().contains(database)) {
				return section;
			}
		}
		return null;
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
	 * Return the checksum of each SQL migration the index lists for locations, by id, as
	 * a ledger records both: what a start compares the ledger with to tell that every
	 * migration is applied, without loading the migrations.
	 * @param locations the locations, as configured ({@code {vendor}} not yet replaced)
	 * @param database the name of the database's dialect, or {@code null} when it is not
	 * known yet: then only locations whose migrations are the same for every database are
	 * answered for
	 * @return the checksums by id, or {@code null} when the index alone cannot tell them:
	 * a location it does not list ({@code filesystem:} ones among them), a location with
	 * squashes or Java migrations, an id listed twice, or, without the database, a
	 * location whose migrations depend on it
	 */
	public @Nullable Map<String, String> checksums(List<String> locations, @Nullable String database) {
		Map<String, String> checksums = new HashMap<>();
		Set<String> seen = new HashSet<>();
		for (String location : locations) {
			String resolved = (database != null) ? SqlMigrationSource.forDatabase(location, database) : location;
			if (!seen.add(resolved)) {
				continue;
			}
			Section section = (database != null) ? section(resolved, database) : sectionForAll(resolved);
			if (section == null || !section.onlyMigrations() || !section.addChecksums(checksums)) {
				return null;
			}
		}
		return checksums;
	}

	/**
	 * Return the one section of a location that holds the same for every database. A
	 * {@code filesystem:} location, or one that names the database, has none.
	 */
	private @Nullable Section sectionForAll(String location) {
		Section found = null;
		for (Section section : this.sections) {
			if (section.location().equals(location)) {
				if (found != null) {
					return null;
				}
				found = section;
			}
		}
		return (found != null && found.databases().equals(DATABASES)) ? found : null;
	}

	/**
	 * Return the source of the Java migrations of locations and packages: the classes of
	 * the locations the index lists come from the index, without scanning; the other
	 * locations and the packages are scanned.
	 * @param locations the locations, as configured ({@code {vendor}} not yet replaced)
	 * @param packages further packages to scan
	 * @param database the name of the database's dialect
	 * @param classLoader the class loader to load the classes with
	 * @return the source
	 */
	public JavaMigrationSource javaSource(List<String> locations, List<String> packages, String database,
			ClassLoader classLoader) {
		List<String> scanned = new ArrayList<>();
		List<String> known = new ArrayList<>();
		for (String location : locations) {
			String resolved = SqlMigrationSource.forDatabase(location, database);
			Section section = isFilesystem(resolved) ? null : section(resolved, database);
			if (section == null) {
				scanned.add(resolved);
			}
			else {
				known.addAll(section.javaClasses());
			}
		}
		return new JavaMigrationSource(scanned, packages, classLoader, known);
	}

	/**
	 * Return the names of the databases an index is built for: those a {@code {vendor}}
	 * location can name.
	 * @return the names, such as {@code postgresql}
	 */
	public static Set<String> databases() {
		return DATABASES;
	}

	private static boolean isFilesystem(String location) {
		return SqlMigrationSource.classpathPath(location) == null;
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

	/**
	 * A location resolved for some databases, and what it holds for them. Its migration
	 * lines are kept as read and parsed when the migrations are loaded: a start that
	 * finds them all applied needs only their ids and checksums.
	 */
	private record Section(String location, Set<String> databases, List<String> migrationLines, List<String> squashes,
			List<String> javaClasses) {

		static Section parse(String location, Set<String> databases, List<String> lines) {
			List<String> migrations = new ArrayList<>();
			List<String> squashes = new ArrayList<>();
			List<String> javaClasses = new ArrayList<>();
			for (String line : lines) {
				if (line.startsWith("java\t")) {
					javaClasses.add(line.substring("java\t".length()));
				}
				else if (line.startsWith("squash\t")) {
					if (line.split("\t", -1).length != 5) {
						throw malformed("a squash line must have 5 fields: " + line);
					}
					squashes.add(line);
				}
				else {
					migrations.add(line);
				}
			}
			return new Section(location, Collections.unmodifiableSet(new TreeSet<>(databases)), List.copyOf(migrations),
					List.copyOf(squashes), List.copyOf(javaClasses));
		}

		List<IndexEntry> migrations() {
			return this.migrationLines.stream().map(IndexEntry::parse).toList();
		}

		/**
		 * Whether the migrations are all the section holds: no squash and no Java
		 * migration, whose classes would have to be loaded.
		 */
		boolean onlyMigrations() {
			return this.squashes.isEmpty() && this.javaClasses.isEmpty();
		}

		/**
		 * Add the checksum of each migration by id, as {@link IndexEntry#line()} wrote
		 * them.
		 * @return whether every id was new
		 */
		boolean addChecksums(Map<String, String> checksums) {
			for (String line : this.migrationLines) {
				int id = line.indexOf('\t') + 1;
				int checksum = line.indexOf('\t', id) + 1;
				int flags = line.indexOf('\t', checksum);
				if (id == 0 || checksum == 0 || flags < 0) {
					throw malformed("a migration line must have 6 fields: " + line);
				}
				if (checksums.put(line.substring(id, checksum - 1), line.substring(checksum, flags)) != null) {
					return false;
				}
			}
			return true;
		}

	}

}
