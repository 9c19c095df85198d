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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.migrations.MigrationDefinitionException;
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

	private final List<IndexSection> sections;

	private MigrationIndex(Charset encoding, List<IndexSection> sections) {
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
		return new MigrationIndex(encoding, IndexBuilder.sections(locations, classLoader, encoding));
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
			return parse(new String(Streams.readAll(input), StandardCharsets.UTF_8));
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
		List<IndexSection> sections = new ArrayList<>();
		String location = null;
		Set<String> databases = Set.of();
		IndexLines.Builder migrations = new IndexLines.Builder(text);
		List<String> others = new ArrayList<>();
		int number = 0;
		for (int start = 0, end; start < text.length(); start = end + 1) {
			end = text.indexOf('\n', start);
			if (end < 0) {
				end = text.length();
			}
			int lineEnd = (end > start && text.charAt(end - 1) == '\r') ? end - 1 : end;
			number++;
			if (location != null && text.startsWith("migration\t", start)) {
				// Most lines: not even copied until the migrations are loaded
				migrations.add(start, lineEnd);
				continue;
			}
			String line = text.substring(start, lineEnd);
			if (line.isEmpty() || line.startsWith("#")) {
				continue;
			}
			String[] fields = line.split("\t", -1);
			if (encoding == null) {
				encoding = header(fields, number);
			}
			else if (fields[0].equals("location") && fields.length == 3) {
				if (location != null) {
					sections.add(IndexSection.parse(location, databases, migrations.build(), others));
				}
				location = fields[1];
				databases = new LinkedHashSet<>(List.of(fields[2].split(",")));
				migrations = new IndexLines.Builder(text);
				others = new ArrayList<>();
			}
			else if (location != null
					&& (fields[0].equals("migration") || fields[0].equals("squash") || fields[0].equals("java"))) {
				others.add(line);
			}
			else {
				throw malformed(number, "expected a location, migration, squash or java line");
			}
		}
		if (encoding == null) {
			throw malformed("it is empty");
		}
		if (location != null) {
			sections.add(IndexSection.parse(location, databases, migrations.build(), others));
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
		for (IndexSection section : this.sections) {
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
		return IndexLoader.load(this, locations, database, splitter, classLoader, placeholders);
	}

	/**
	 * Return the section of a resolved location for a database, or {@code null} when the
	 * index does not list it.
	 */
	@Nullable IndexSection section(String location, String database) {
		for (IndexSection section : this.sections) {
			if (section.location().equals(location) && section.databases().contains(database)) {
				return section;
			}
		}
		return null;
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
			IndexSection section = (database != null) ? section(resolved, database) : sectionForAll(resolved);
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
	private @Nullable IndexSection sectionForAll(String location) {
		IndexSection found = null;
		for (IndexSection section : this.sections) {
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
		return IndexLoader.javaSource(this, locations, packages, database, classLoader);
	}

	/**
	 * Return the names of the databases an index is built for: those a {@code {vendor}}
	 * location can name.
	 * @return the names, such as {@code postgresql}
	 */
	public static Set<String> databases() {
		return DATABASES;
	}

	static boolean isFilesystem(String location) {
		return SqlMigrationSource.classpathPath(location) == null;
	}

}
