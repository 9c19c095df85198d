package dev.migrations.source;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import dev.migrations.MigrationDefinitionException;
import dev.migrations.MigrationEntry;
import dev.migrations.MigrationId;
import dev.migrations.sql.SqlStatementSplitter;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds SQL migrations in locations: {@code classpath:db/migrations} (also inside jars)
 * or {@code filesystem:/path/to/dir}; a location without a prefix is a classpath
 * location. Files are named {@code 20241201000000_create_users_table.up.sql} with an
 * optional {@code .down.sql} beside it, or {@code 20241201000000_x.sql} for an up-only
 * migration. A {@code .sql} file whose name does not parse is an error, never skipped,
 * and so is a file that ends in {@code .SQL} or another mix of cases, and a symbolic link
 * named like one whose target does not exist. Files of other types are ignored. Each
 * directory is read once, however many locations reach it (the same location listed
 * twice, a relative and an absolute spelling, a link to it). A location may name the
 * database it is for with {@code {vendor}} or {@code {database}} (the same placeholder
 * twice), as in {@code classpath:db/migrations/{vendor}}; {@link #withDatabase(String)}
 * replaces both by the dialect's name ({@code postgresql}, {@code mariadb},
 * {@code mysql}, {@code h2}, {@code sqlite}, the names Flyway's {@code {vendor}} uses).
 * Thread-safe.
 */
public final class SqlMigrationSource {

	/** The default location. */
	public static final String DEFAULT_LOCATION = "classpath:db/migrations";

	private static final Logger logger = LoggerFactory.getLogger(SqlMigrationSource.class);

	/**
	 * The placeholders that {@link #withDatabase(String)} replaces by the dialect's name.
	 */
	private static final List<String> PLACEHOLDERS = List.of("{vendor}", "{database}");

	/** A name that starts as an id does: 14 digits and an underscore. */
	private static final Pattern TIMESTAMPED = Pattern.compile("[0-9]{14}_.+");

	private static final String EXPECTED_FILE_NAME = "YYYYMMDDHHMMSS_snake_case_name.up.sql (with an optional "
			+ ".down.sql beside it) or YYYYMMDDHHMMSS_snake_case_name.sql";

	private final List<String> locations;

	private final ClassLoader classLoader;

	private final SqlStatementSplitter splitter;

	private final Charset encoding;

	private final Placeholders placeholders;

	/**
	 * Create a source.
	 * @param locations the locations to scan
	 * @param classLoader the class loader for classpath locations
	 * @param splitter the splitter for the database the scripts are written for
	 */
	public SqlMigrationSource(List<String> locations, ClassLoader classLoader, SqlStatementSplitter splitter) {
		this(locations, classLoader, splitter, StandardCharsets.UTF_8);
	}

	/**
	 * Create a source for scripts in an encoding other than UTF-8.
	 * @param locations the locations to scan
	 * @param classLoader the class loader for classpath locations
	 * @param splitter the splitter for the database the scripts are written for
	 * @param encoding the encoding of the scripts
	 */
	public SqlMigrationSource(List<String> locations, ClassLoader classLoader, SqlStatementSplitter splitter,
			Charset encoding) {
		this(locations, classLoader, splitter, encoding, Placeholders.disabled());
	}

	private SqlMigrationSource(List<String> locations, ClassLoader classLoader, SqlStatementSplitter splitter,
			Charset encoding, Placeholders placeholders) {
		this.locations = List.copyOf(locations);
		this.classLoader = classLoader;
		this.splitter = splitter;
		this.encoding = encoding;
		this.placeholders = placeholders;
	}

	/**
	 * Return a source whose scripts have their {@code ${name}} placeholders replaced.
	 * @param placeholders the placeholders
	 * @return the source
	 */
	public SqlMigrationSource withPlaceholders(Placeholders placeholders) {
		return new SqlMigrationSource(this.locations, this.classLoader, this.splitter, this.encoding, placeholders);
	}

	/**
	 * Return a source whose locations name the database: each {@code {vendor}} and
	 * {@code {database}} replaced by its name.
	 * @param database the name of the database's dialect, such as {@code postgresql}
	 * @return the source for that database
	 * @throws MigrationDefinitionException if a location holds a placeholder and the
	 * database has no dialect of its own, so no folder is named after it
	 */
	public SqlMigrationSource withDatabase(String database) {
		List<String> resolved = this.locations.stream().map((location) -> forDatabase(location, database)).toList();
		return new SqlMigrationSource(resolved, this.classLoader, this.splitter, this.encoding, this.placeholders);
	}

	/**
	 * Return a location with each {@code {vendor}} and {@code {database}} replaced by the
	 * name of a database's dialect.
	 * @param location the location
	 * @param database the name of the database's dialect, such as {@code postgresql}
	 * @return the location for that database
	 * @throws MigrationDefinitionException if the location holds a placeholder and the
	 * database has no dialect of its own, so no folder is named after it
	 */
	public static String forDatabase(String location, String database) {
		String placeholder = placeholder(location);
		if (placeholder == null) {
			return location;
		}
		if (!database.matches("[a-z0-9]+")) {
			throw new MigrationDefinitionException("Migration location " + location + " names " + placeholder
					+ ", but the database (" + database + ") has no dialect of its own, so no folder is "
					+ "named after it. Name the folder in the location instead.");
		}
		String resolved = location;
		for (String each : PLACEHOLDERS) {
			resolved = resolved.replace(each, database);
		}
		return resolved;
	}

	/**
	 * Return the first placeholder that a location holds.
	 * @param location the location
	 * @return {@code {vendor}} or {@code {database}}, or {@code null} when it holds
	 * neither
	 */
	public static @Nullable String placeholder(String location) {
		return PLACEHOLDERS.stream().filter(location::contains).findFirst().orElse(null);
	}

	/**
	 * Load every migration in the locations.
	 * @return the entries, in no particular order
	 * @throws MigrationDefinitionException if a file name is malformed, a
	 * {@code .down.sql} has no {@code .up.sql}, a link named like a migration points to
	 * nothing, or a location cannot be read
	 */
	public List<MigrationEntry> load() {
		return loadAll().migrations();
	}

	/**
	 * Load every migration and every squash ({@code <id>.<dialect>.squash.sql}, see
	 * {@link SquashFile}) in the locations.
	 * @return the migrations and the squashes, of every dialect
	 * @throws MigrationDefinitionException as {@link #load()} does, and if a squash file
	 * is malformed
	 */
	public Loaded loadAll() {
		List<MigrationEntry> entries = new ArrayList<>();
		List<SquashFile> squashes = new ArrayList<>();
		for (Loaded loaded : loadByLocation().values()) {
			entries.addAll(loaded.migrations());
			squashes.addAll(loaded.squashes());
		}
		return new Loaded(List.copyOf(entries), List.copyOf(squashes));
	}

	/**
	 * Load what each location holds, as {@link #loadAll()} does: a directory that an
	 * earlier location reached is not read again.
	 * @return what each location holds, by location, in the order of the locations
	 */
	Map<String, Loaded> loadByLocation() {
		Map<String, Loaded> byLocation = new LinkedHashMap<>();
		LocationWalker walker = new LocationWalker(this.classLoader);
		for (String location : this.locations) {
			Map<String, byte[]> scripts = new TreeMap<>();
			read(location, scripts, walker);
			List<SquashFile> squashes = new ArrayList<>();
			List<MigrationEntry> entries = toEntries(location, scripts, squashes);
			Loaded loaded = byLocation.get(location);
			if (loaded != null) {
				entries.addAll(0, loaded.migrations());
				squashes.addAll(0, loaded.squashes());
			}
			byLocation.put(location, new Loaded(List.copyOf(entries), List.copyOf(squashes)));
		}
		return byLocation;
	}

	/**
	 * Return the resource path a class path location names: the location without its
	 * {@code classpath:} prefix, if any, without leading or trailing slashes, and without
	 * empty or {@code .} segments.
	 * @param location the location
	 * @return the resource path, or {@code null} for a {@code filesystem:} location
	 */
	public static @Nullable String classpathPath(String location) {
		return location.startsWith(LocationWalker.FILESYSTEM) ? null : LocationWalker.resourcePath(location);
	}

	private void read(String location, Map<String, byte[]> scripts, LocationWalker walker) {
		String placeholder = placeholder(location);
		if (placeholder != null) {
			throw new MigrationDefinitionException("Migration location " + location + " names " + placeholder
					+ ", which only a source that knows the database replaces. Call withDatabase(name) on the "
					+ "source, or let MigrationRunner.builder() load the migrations: it knows the database.");
		}
		LocationWalker.FileVisitor visitor = new LocationWalker.FileVisitor() {

			@Override
			public void file(String relativePath, LocationWalker.Content content) throws IOException {
				scripts.put(relativePath, content.read());
			}

			@Override
			public void brokenLink(String relativePath, Path link) throws IOException {
				if (isSqlFileName(relativePath)) {
					throw SqlMigrationSource.brokenLink(link);
				}
			}

		};
		try {
			String directoryName = LocationWalker.filesystemPath(location);
			if (directoryName != null) {
				Path directory = Paths.get(directoryName);
				if (!Files.isDirectory(directory)) {
					throw new MigrationDefinitionException("Migration location " + location + " is not a directory ("
							+ directory.toAbsolutePath() + ")");
				}
				walker.walkDirectory(directory, visitor);
				return;
			}
			String path = LocationWalker.resourcePath(location);
			if (!walker.walkClasspath(path, visitor)) {
				// The default locations (db/migrations, and db/migrations/<name> of an
				// instance) may well be absent, with Java migrations only; a location
				// someone configured is nearly always a typo or a leftover
				String defaultPath = LocationWalker.resourcePath(DEFAULT_LOCATION);
				if (path.equals(defaultPath) || path.startsWith(defaultPath + "/")) {
					logger.info("No migrations found: location {} does not exist", location);
				}
				else {
					logger.warn("No migrations found: class path location {} does not exist; check the configured "
							+ "migration locations", location);
				}
			}
		}
		catch (IOException ex) {
			throw new MigrationDefinitionException("Could not read migration location " + location + ": " + ex, ex);
		}
	}

	/**
	 * Whether a file is named like a Flyway migration: {@code V1__name.sql},
	 * {@code V1_2__name.sql}, {@code U1__name.sql} or {@code R__name.sql}.
	 */
	private static boolean isFlywayName(String fileName) {
		int separator = fileName.indexOf("__");
		if (separator < 1 || "VUR".indexOf(fileName.charAt(0)) < 0) {
			return false;
		}
		String version = fileName.substring(1, separator);
		return (fileName.charAt(0) == 'R') ? version.isEmpty() : version.matches("\\d+([._]\\d+)*");
	}

	private static boolean isSqlFileName(String name) {
		return name.toLowerCase(Locale.ROOT).endsWith(".sql");
	}

	/**
	 * A link named like a migration whose target is gone is a migration that would go
	 * unnoticed: the target may have been renamed or not deployed.
	 */
	private static MigrationDefinitionException brokenLink(Path link) throws IOException {
		Path absoluteLink = link.toAbsolutePath();
		Path target = Files.readSymbolicLink(link);
		Path resolved = absoluteLink.resolveSibling(target).normalize();
		String where = target.isAbsolute() ? target.toString() : target + " (" + resolved + ")";
		String problem = Files.exists(resolved, LinkOption.NOFOLLOW_LINKS)
				? "which is itself a link that leads to no file (a link to a missing file, or links in a loop)"
				: "which does not exist";
		return new MigrationDefinitionException("Migration file " + absoluteLink + " is a symbolic link to " + where
				+ ", " + problem + ", so the migration cannot be read. Restore the file the link points to, point "
				+ "the link at the migration, or remove the link.");
	}

	/**
	 * Whether a name that is not an id starts with 14 digits and an underscore: then its
	 * timestamp is what is wrong (a month 13 or a day 00), not its form.
	 */
	private static boolean hasInvalidTimestamp(String base) {
		if (!TIMESTAMPED.matcher(base).matches()) {
			return false;
		}
		try {
			MigrationId.parse(base.substring(0, 14) + "_x");
			return false;
		}
		catch (MigrationDefinitionException ex) {
			return true;
		}
	}

	private List<MigrationEntry> toEntries(String location, Map<String, byte[]> scripts, List<SquashFile> squashes) {
		Map<String, Scripts> byBase = new LinkedHashMap<>();
		for (Map.Entry<String, byte[]> script : scripts.entrySet()) {
			String relative = script.getKey();
			String fileName = relative.substring(relative.lastIndexOf('/') + 1);
			if (SquashFile.isSquash(fileName)) {
				String source = join(location, relative);
				squashes.add(SquashFile.parse(source, fileName,
						ScriptDecoder.decode(script.getValue(), source, this.encoding), this.splitter));
				continue;
			}
			if (!fileName.endsWith(".sql")) {
				if (fileName.toLowerCase(Locale.ROOT).endsWith(".sql")) {
					throw new MigrationDefinitionException("Migration file '" + fileName + "' in " + location
							+ " ends in upper-case letters and would not be read: expected " + EXPECTED_FILE_NAME
							+ ". Rename it to end in .sql.");
				}
				continue;
			}
			String suffix = fileName.endsWith(".up.sql") ? ".up.sql"
					: fileName.endsWith(".down.sql") ? ".down.sql" : ".sql";
			String base = fileName.substring(0, fileName.length() - suffix.length());
			MigrationId id;
			try {
				id = MigrationId.parse(base);
			}
			catch (MigrationDefinitionException ex) {
				throw new MigrationDefinitionException("Malformed migration file name '" + fileName + "' in " + location
						+ ": "
						+ (hasInvalidTimestamp(base)
								? base.substring(0, 14) + " is not a valid UTC date and time (YYYYMMDDHHMMSS); " : "")
						+ "expected " + EXPECTED_FILE_NAME + ". Rename the file or move it out of the location."
						+ (isFlywayName(fileName) ? " It is named as Flyway names its migrations: the guide to "
								+ "migrating from Flyway shows how to rename them (repeatable R__ migrations have no "
								+ "equivalent here)." : ""));
			}
			String directory = relative.substring(0, relative.length() - fileName.length());
			Scripts ofId = byBase.computeIfAbsent(directory + base, (key) -> new Scripts(id));
			String text = ScriptDecoder.decode(script.getValue(), join(location, relative), this.encoding);
			switch (suffix) {
				case ".up.sql" -> ofId.up = text;
				case ".down.sql" -> ofId.down = text;
				default -> ofId.plain = text;
			}
		}
		List<MigrationEntry> entries = new ArrayList<>(byBase.size());
		for (Map.Entry<String, Scripts> ofId : byBase.entrySet()) {
			entries.addAll(toEntries(location, ofId.getKey(), ofId.getValue()));
		}
		return entries;
	}

	private List<MigrationEntry> toEntries(String location, String key, Scripts scripts) {
		String base = join(location, key);
		MigrationId id = scripts.id;
		String up = scripts.up;
		String down = scripts.down;
		String plain = scripts.plain;
		if (down != null && up == null) {
			throw new MigrationDefinitionException("Migration " + base + ".down.sql has no " + base
					+ ".up.sql beside it. Add the .up.sql file, or remove the .down.sql file.");
		}
		List<MigrationEntry> entries = new ArrayList<>(2);
		if (up != null) {
			String source = base + ".up.sql";
			String downSource = (down != null) ? base + ".down.sql" : source;
			entries.add(new MigrationEntry(id,
					SqlFileMigration.of(id, up, down, source, downSource, this.splitter, this.placeholders), source,
					downSource));
		}
		if (plain != null) {
			String source = base + ".sql";
			entries.add(new MigrationEntry(id,
					SqlFileMigration.of(id, plain, null, source, source, this.splitter, this.placeholders), source));
		}
		return entries;
	}

	/**
	 * The scripts of one migration id in one directory: an {@code .up.sql} with an
	 * optional {@code .down.sql}, and an up-only {@code .sql}.
	 */
	private static final class Scripts {

		private final MigrationId id;

		private @Nullable String up;

		private @Nullable String down;

		private @Nullable String plain;

		Scripts(MigrationId id) {
			this.id = id;
		}

	}

	/**
	 * What the locations hold: migrations, and squashes of them.
	 *
	 * @param migrations the migrations, in no particular order
	 * @param squashes the squashes, of every dialect
	 */
	public record Loaded(List<MigrationEntry> migrations, List<SquashFile> squashes) {

	}

	private static String join(String location, String relative) {
		return location.endsWith("/") ? location + relative : location + "/" + relative;
	}

}
