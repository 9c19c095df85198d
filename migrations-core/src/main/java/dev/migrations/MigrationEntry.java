package dev.migrations;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

import dev.migrations.schema.SchemaOperation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A migration together with its id and a description of where it comes from. Entries are
 * what sources produce; {@link #buildDescriptors(Collection)} turns them into the sorted,
 * checked {@link MigrationDescriptor descriptors} a runner works with. Instances are
 * immutable and thread-safe when the migration is.
 *
 * @param id the migration's id
 * @param migration the migration
 * @param source where the migration comes from, such as a class name or
 * {@code classpath:db/migrations/20241201000000_create_users.up.sql}
 * @param downSource where its down plan comes from: the same as {@code source} for a
 * class, the {@code .down.sql} file for a SQL migration that has one
 */
public record MigrationEntry(MigrationId id, Migration migration, String source, String downSource) {

	private static final Logger logger = LoggerFactory.getLogger(MigrationEntry.class);

	private static final Comparator<MigrationEntry> BY_ID = (first, second) -> first.id().compareTo(second.id());

	public MigrationEntry {
		Objects.requireNonNull(id, "id must not be null");
		Objects.requireNonNull(migration, "migration must not be null");
		Objects.requireNonNull(source, "source must not be null");
		Objects.requireNonNull(downSource, "downSource must not be null");
	}

	/**
	 * Create an entry whose up and down plans come from the same source.
	 * @param id the migration's id
	 * @param migration the migration
	 * @param source where the migration comes from
	 */
	public MigrationEntry(MigrationId id, Migration migration, String source) {
		this(id, migration, source, source);
	}

	/**
	 * Create an entry for a Java migration; the source is its class name.
	 * @param id the id
	 * @param migration the migration
	 * @return the entry
	 */
	public static MigrationEntry of(MigrationId id, Migration migration) {
		return new MigrationEntry(id, migration, migration.getClass().getName());
	}

	/**
	 * Create an entry for a Java migration from a textual id.
	 * @param id the id, such as {@code m_20241201000000_create_users_table}
	 * @param migration the migration
	 * @return the entry
	 * @throws MigrationDefinitionException if the id is malformed
	 */
	public static MigrationEntry of(String id, Migration migration) {
		return of(MigrationId.parse(id), migration);
	}

	/**
	 * Build descriptors from entries: record each migration's up plan, compute its
	 * checksum, sort by id and refuse duplicates. Down plans are recorded when first
	 * used.
	 * @param entries the entries, from any number of sources
	 * @return the descriptors sorted by id
	 * @throws MigrationDefinitionException if two entries share an id or a timestamp
	 * (both sources are named) or a migration cannot record its plan
	 */
	public static List<MigrationDescriptor> buildDescriptors(Collection<MigrationEntry> entries) {
		List<MigrationEntry> sorted = new ArrayList<>(entries);
		sorted.sort(BY_ID);
		List<MigrationDescriptor> descriptors = new ArrayList<>(sorted.size());
		MigrationEntry previous = null;
		for (MigrationEntry entry : sorted) {
			if (previous != null) {
				refuseSameTimestamp(previous, entry);
			}
			descriptors.add(entry.describe());
			previous = entry;
		}
		return List.copyOf(descriptors);
	}

	/**
	 * Refuse two migrations with the same id, and warn of two with the same timestamp:
	 * they run in the order of their names, which says nothing of the order they were
	 * written in. A warning, not a refusal: a database may have applied both already, and
	 * refusing would stop it from starting until one applied migration changed its id.
	 */
	private static void refuseSameTimestamp(MigrationEntry previous, MigrationEntry entry) {
		if (!previous.id().timestamp().equals(entry.id().timestamp())) {
			return;
		}
		String sources = "defined by " + previous.source() + " and by " + entry.source();
		String perDatabase = DatabaseFolders.vendorLocation(previous.source(), entry.source());
		String advice = (perDatabase != null) ? " If each is for one database, note that they sit in folders named "
				+ "after databases: point the locations at " + perDatabase + ", which reads only the folder of the "
				+ "database migrated." : "";
		if (previous.id().equals(entry.id())) {
			throw new MigrationDefinitionException(
					"Duplicate migration id " + entry.id() + ": " + sources + ". Rename one of them." + advice);
		}
		logger.warn("Migrations {} and {} have the same timestamp {}: {}. They run in the order of their names, "
				+ "not in the order they were written in. Give a migration not yet applied a later timestamp.{}",
				previous.id(), entry.id(), entry.id().timestamp(), sources, advice);
	}

	/**
	 * Record the up plan and compute the checksum now, unless the checksum is known; the
	 * down plan, and the up plan of a migration whose checksum is known, are recorded
	 * when first asked for.
	 */
	private MigrationDescriptor describe() {
		if (this.migration instanceof KnownChecksum known) {
			Supplier<List<SchemaOperation>> up = DescriptorFactory
				.once(() -> DescriptorFactory.record(this.id, this.source, this.migration::up));
			return new MigrationDescriptor(this.id, known.checksum(), this.source, this.downSource, up,
					this.migration.transactional(), this.migration.destructive(), this.migration.repair(),
					this.migration::flywayVersion, () -> recordDown(up));
		}
		List<SchemaOperation> up = DescriptorFactory.record(this.id, this.source, this.migration::up);
		return new MigrationDescriptor(this.id, DescriptorFactory.checksum(up), this.source, this.downSource, up,
				this.migration.transactional(), this.migration.destructive(), this.migration.repair(),
				this.migration::flywayVersion, () -> recordDown(() -> up));
	}

	private MigrationDescriptor.DownPlan recordDown(Supplier<List<SchemaOperation>> upPlan) {
		if (DescriptorFactory.overridesDown(this.migration)) {
			try {
				return new MigrationDescriptor.DownPlan(
						DescriptorFactory.record(this.id, this.downSource, this.migration::down), null);
			}
			catch (IrreversibleMigrationException ex) {
				return new MigrationDescriptor.DownPlan(null, ex.getMessage());
			}
		}
		List<SchemaOperation> up = upPlan.get();
		List<SchemaOperation> down = new ArrayList<>(up.size());
		for (int i = up.size() - 1; i >= 0; i--) {
			SchemaOperation inverse = up.get(i).inverse();
			if (inverse == null) {
				return new MigrationDescriptor.DownPlan(null,
						"down() is not defined and its " + up.get(i).describe() + " cannot be reversed automatically");
			}
			down.add(inverse);
		}
		return new MigrationDescriptor.DownPlan(down, null);
	}

}
