package dev.migrations;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.migrations.internal.DescriptorFactory;

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
 */
public record MigrationEntry(MigrationId id, Migration migration, String source) {

	public MigrationEntry {
		Objects.requireNonNull(id, "id must not be null");
		Objects.requireNonNull(migration, "migration must not be null");
		Objects.requireNonNull(source, "source must not be null");
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
	 * Build descriptors from entries: record each migration's up and down plans, compute
	 * its checksum, sort by id and refuse duplicates.
	 * @param entries the entries, from any number of sources
	 * @return the descriptors sorted by id
	 * @throws MigrationDefinitionException if two entries share an id (both sources are
	 * named) or a migration cannot record its plan
	 */
	public static List<MigrationDescriptor> buildDescriptors(Collection<MigrationEntry> entries) {
		List<MigrationEntry> sorted = new ArrayList<>(entries);
		sorted.sort(Comparator.comparing(MigrationEntry::id));
		Map<MigrationId, MigrationEntry> seen = new HashMap<>();
		List<MigrationDescriptor> descriptors = new ArrayList<>(sorted.size());
		for (MigrationEntry entry : sorted) {
			MigrationEntry previous = seen.putIfAbsent(entry.id(), entry);
			if (previous != null) {
				throw new MigrationDefinitionException("Duplicate migration id " + entry.id() + ": defined by "
						+ previous.source() + " and by " + entry.source() + ". Rename one of them.");
			}
			descriptors.add(DescriptorFactory.describe(entry));
		}
		return List.copyOf(descriptors);
	}

}
