package dev.migrations.ledger;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One row of the ledger.
 *
 * @param id the migration id, such as {@code m_20241201000000_create_users_table}
 * @param checksum the checksum recorded when it was applied, or {@code null}
 * @param batch the number of the run that applied it
 * @param state the state
 * @param appliedAt when the row was written, in UTC
 * @param executionMs how long the migration took, in milliseconds
 * @param appliedBy the database user and host of the runner
 * @param error the failure message of a {@link LedgerState#FAILED} row, or {@code null}
 * @param lockOwner the lock holder of the run that wrote the row
 * ({@link dev.migrations.lock.LockHolder#identity()}), or {@code null} when it is not
 * known; for a {@link LedgerState#RUNNING} row it tells a migration in progress from one
 * whose run died
 */
public record LedgerEntry(String id, @Nullable String checksum, int batch, LedgerState state, Instant appliedAt,
		long executionMs, @Nullable String appliedBy, @Nullable String error, @Nullable String lockOwner) {

	/**
	 * Create a row that names no lock holder.
	 * @param id the migration id
	 * @param checksum the checksum, or {@code null}
	 * @param batch the batch
	 * @param state the state
	 * @param appliedAt when it was written, in UTC
	 * @param executionMs how long it took
	 * @param appliedBy the database user and host of the runner
	 * @param error the failure message, or {@code null}
	 */
	public LedgerEntry(String id, @Nullable String checksum, int batch, LedgerState state, Instant appliedAt,
			long executionMs, @Nullable String appliedBy, @Nullable String error) {
		this(id, checksum, batch, state, appliedAt, executionMs, appliedBy, error, null);
	}

}
