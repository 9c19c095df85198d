package dev.migrations.source;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import dev.migrations.MigrationDefinitionException;
import dev.migrations.MigrationEntry;
import dev.migrations.MigrationId;
import dev.migrations.sql.SqlStatementSplitter;

/**
 * A squash: one SQL file, written by {@code migrate:squash}, that creates the schema a
 * run of the migrations up to one of them creates on one kind of database, and names the
 * migrations it replaces with their checksums. It is named
 * {@code <id>.<dialect>.squash.sql}, {@code <id>} the newest migration it replaces and
 * {@code <dialect>} the database it is written for ({@code postgresql}, {@code mariadb},
 * {@code mysql}, {@code h2}, {@code sqlite}); a migration location holds it anywhere, by
 * convention in a {@code squash} directory. Immutable and thread-safe.
 */
public final class SquashFile {

	/** How the name of a squash file ends. */
	public static final String SUFFIX = ".squash.sql";

	/** The directory of a migration location that {@code migrate:squash} writes to. */
	public static final String DIRECTORY = "squash";

	private static final String REPLACES = "replaces:";

	private final String source;

	private final String dialect;

	private final MigrationId target;

	private final Map<MigrationId, String> replaced;

	private final Supplier<String> script;

	private final SqlStatementSplitter splitter;

	private SquashFile(String source, String dialect, MigrationId target, Map<MigrationId, String> replaced,
			Supplier<String> script, SqlStatementSplitter splitter) {
		this.source = source;
		this.dialect = dialect;
		this.target = target;
		this.replaced = Collections.unmodifiableMap(replaced);
		this.script = script;
		this.splitter = splitter;
	}

	/**
	 * Return the name of the squash file of migrations up to a target, for a database.
	 * @param target the newest migration it replaces
	 * @param dialect the name of the database's dialect
	 * @return the file name
	 */
	public static String fileName(MigrationId target, String dialect) {
		return target + "." + dialect + SUFFIX;
	}

	/**
	 * Whether a file is named as a squash.
	 * @param fileName the file name
	 * @return whether it ends in {@value #SUFFIX}
	 */
	static boolean isSquash(String fileName) {
		return fileName.endsWith(SUFFIX);
	}

	/**
	 * Write the text of a squash file: its header, naming each migration it replaces with
	 * its checksum, then each migration's script under a comment line naming it.
	 * @param dialect the name of the database's dialect
	 * @param parts the migrations it replaces, in the order they run
	 * @return the text
	 */
	public static String text(String dialect, List<Part> parts) {
		if (parts.isEmpty()) {
			throw new IllegalArgumentException("A squash replaces at least one migration");
		}
		boolean transactional = parts.stream().allMatch(Part::transactional);
		MigrationId target = parts.get(parts.size() - 1).id();
		StringBuilder text = new StringBuilder();
		text.append("-- migrations: squash").append(transactional ? "" : ", no-transaction").append('\n');
		text.append("-- The schema as of ")
			.append(target)
			.append(" on ")
			.append(dialect)
			.append(", written by ")
			.append("migrate:squash. A database whose\n-- migration ledger is empty runs this file instead of the ")
			.append(parts.size())
			.append(" migrations it replaces and records them as loaded from it;\n")
			.append("-- a database with history ignores it. Write it again rather than edit it.\n");
		for (Part part : parts) {
			text.append("-- ")
				.append(REPLACES)
				.append(' ')
				.append(part.id())
				.append(' ')
				.append(part.checksum())
				.append('\n');
		}
		for (Part part : parts) {
			text.append("\n-- ").append(part.id()).append(" (").append(part.source()).append(")\n");
			if (!part.script().isEmpty()) {
				text.append(part.script()).append('\n');
			}
		}
		return text.toString();
	}

	/**
	 * Read a squash file.
	 * @param source where it is, such as {@code filesystem:db/squash/<name>}
	 * @param fileName its name
	 * @param script its text
	 * @param splitter the splitter of the database the migrations are written for
	 * @return the squash
	 * @throws MigrationDefinitionException if the name or the header is malformed
	 */
	static SquashFile parse(String source, String fileName, String script, SqlStatementSplitter splitter) {
		String base = fileName.substring(0, fileName.length() - SUFFIX.length());
		int dot = base.lastIndexOf('.');
		if (dot < 1) {
			throw malformed(source, "its name must be <id>.<dialect>" + SUFFIX);
		}
		MigrationId target;
		try {
			target = MigrationId.parse(base.substring(0, dot));
		}
		catch (MigrationDefinitionException ex) {
			throw malformed(source, "its name must start with the id of the newest migration it replaces");
		}
		Map<MigrationId, String> replaced = new LinkedHashMap<>();
		for (String comment : splitter.headerComments(script)) {
			String line = comment.startsWith("--") ? comment.substring(2).strip() : comment;
			if (line.startsWith(REPLACES)) {
				String[] words = line.substring(REPLACES.length()).strip().split("\\s+");
				if (words.length != 2) {
					throw malformed(source, "the header line '" + comment + "' must name an id and a checksum");
				}
				replaced.put(MigrationId.parse(words[0]), words[1]);
			}
		}
		List<MigrationId> ids = new ArrayList<>(replaced.keySet());
		if (ids.isEmpty() || !ids.get(ids.size() - 1).equals(target)) {
			throw malformed(source, "its header must name the migrations it replaces, the last of them " + target);
		}
		return new SquashFile(source, base.substring(dot + 1), target, replaced, () -> script, splitter);
	}

	/**
	 * Return a squash that a {@link MigrationIndex} lists: its file is read only when it
	 * is loaded.
	 * @param source where it is
	 * @param dialect the name of the dialect it is written for
	 * @param target the newest migration it replaces
	 * @param replaced the migrations it replaces, with their checksums
	 * @param script reads its text
	 * @param splitter the splitter of the database
	 * @return the squash
	 */
	static SquashFile indexed(String source, String dialect, MigrationId target, Map<MigrationId, String> replaced,
			Supplier<String> script, SqlStatementSplitter splitter) {
		return new SquashFile(source, dialect, target, new LinkedHashMap<>(replaced), script, splitter);
	}

	private static MigrationDefinitionException malformed(String source, String problem) {
		return new MigrationDefinitionException("Squash file " + source + " cannot be read: " + problem
				+ ". Write it again with migrate:squash, or move it out of the migration location.");
	}

	/**
	 * Return where the squash is, such as
	 * {@code filesystem:db/migrations/squash/m_20240101000000_x.postgresql.squash.sql}.
	 * @return the source
	 */
	public String source() {
		return this.source;
	}

	/**
	 * Return the name of the dialect the squash is written for.
	 * @return the dialect name, as {@link dev.migrations.dialect.Dialect#name()} gives it
	 */
	public String dialect() {
		return this.dialect;
	}

	/**
	 * Return the newest migration the squash replaces.
	 * @return its id
	 */
	public MigrationId target() {
		return this.target;
	}

	/**
	 * Return the migrations the squash replaces, in the order they ran, with their
	 * checksums when it was written.
	 * @return the checksums, by id
	 */
	public Map<MigrationId, String> replaced() {
		return this.replaced;
	}

	/**
	 * Return the squash as a migration whose id is its target: its statements are the
	 * file's, split as a SQL migration's are, and it runs outside a transaction when its
	 * header says {@code no-transaction}.
	 * @return the entry
	 */
	public MigrationEntry entry() {
		return new MigrationEntry(this.target, new SqlFileMigration(this.script.get(), null, this.source, this.source,
				this.splitter, Placeholders.disabled()), this.source);
	}

	@Override
	public String toString() {
		return this.source;
	}

	/**
	 * One migration of a squash, rendered for its database.
	 *
	 * @param id the migration's id
	 * @param checksum its checksum
	 * @param source where it comes from
	 * @param transactional whether it runs in a transaction
	 * @param script its statements as the database's command-line client reads them
	 */
	public record Part(MigrationId id, String checksum, String source, boolean transactional, String script) {

	}

}
