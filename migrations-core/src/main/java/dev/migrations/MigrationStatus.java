package dev.migrations;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * What is known of one migration: its source joined with its ledger row.
 *
 * @param id the id
 * @param state the state
 * @param batch the batch that applied it, or {@code null} when it has no ledger row
 * @param appliedAt when it was applied, or {@code null}
 * @param executionMs how long it took, or {@code null}
 * @param checksum the checksum of its source, or {@code null} when no source defines it
 * (it is {@link MigrationState#MISSING}, or a {@code FAILED}, {@code RUNNING} or
 * {@code BASELINE} row whose source is gone)
 * @param appliedChecksum the checksum recorded in the ledger, or {@code null}
 * @param source where it comes from, or {@code null} when no source defines it
 * @param error the recorded failure of a {@link MigrationState#FAILED} migration, or
 * {@code null}
 */
public record MigrationStatus(MigrationId id, MigrationState state, @Nullable Integer batch,
		@Nullable Instant appliedAt, @Nullable Long executionMs, @Nullable String checksum,
		@Nullable String appliedChecksum, @Nullable String source, @Nullable String error) {

	/**
	 * Return the snake_case name of the migration.
	 * @return the name
	 */
	public String name() {
		return this.id.slug();
	}

	/**
	 * Whether the migration is waiting to be applied.
	 * @return {@code true} for {@link MigrationState#PENDING} and
	 * {@link MigrationState#OUT_OF_ORDER}
	 */
	public boolean isPending() {
		return this.state == MigrationState.PENDING || this.state == MigrationState.OUT_OF_ORDER;
	}

}
