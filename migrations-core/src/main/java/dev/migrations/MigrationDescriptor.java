package dev.migrations;

import java.util.List;

import dev.migrations.schema.SchemaOperation;
import org.jspecify.annotations.Nullable;

/**
 * A migration ready to run: its id, checksum, source, and the recorded up and down plans.
 * Built by {@link MigrationEntry#buildDescriptors(java.util.Collection)}. Instances are
 * immutable and thread-safe.
 *
 * @param id the id
 * @param checksum the checksum of the up plan, {@code v1:} followed by SHA-256 hex
 * @param source where the migration comes from
 * @param up the operations that apply the migration
 * @param down the operations that undo it, or {@code null} when it is irreversible
 * @param irreversibleReason why it is irreversible, or {@code null} when it is not
 * @param transactional whether it runs in a transaction where the database allows
 */
public record MigrationDescriptor(MigrationId id, String checksum, String source, List<SchemaOperation> up,
		@Nullable List<SchemaOperation> down, @Nullable String irreversibleReason, boolean transactional) {

	public MigrationDescriptor {
		up = List.copyOf(up);
		down = (down != null) ? List.copyOf(down) : null;
	}

	/**
	 * Return the snake_case name of the migration, the slug of its id.
	 * @return the name
	 */
	public String name() {
		return this.id.slug();
	}

	/**
	 * Whether the migration can be rolled back.
	 * @return {@code true} if it has a down plan
	 */
	public boolean reversible() {
		return this.down != null;
	}

}
