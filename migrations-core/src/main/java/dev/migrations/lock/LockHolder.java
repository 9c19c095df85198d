package dev.migrations.lock;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Who holds the migration lock, as far as the database can tell.
 *
 * @param owner the holder, such as a backend process id, connection id or process name
 * @param since when the holder took the lock, or {@code null} when the database does not
 * say
 * @param leaseUntil when the holder's lease runs out unless renewed, for a lease lock, or
 * {@code null}
 */
public record LockHolder(String owner, @Nullable Instant since, @Nullable Instant leaseUntil) {

	/**
	 * Create a holder of a lock without a lease.
	 * @param owner the holder
	 * @param since when the holder took the lock, or {@code null}
	 */
	public LockHolder(String owner, @Nullable Instant since) {
		this(owner, since, null);
	}

	/**
	 * Return what identifies this holder for as long as it holds the lock: its owner and
	 * since when, without the lease's end, which moves with every renewal. A ledger row
	 * written under the lock records it, so that the row can be matched with a live
	 * holder.
	 * @return the identity
	 */
	public String identity() {
		return (this.since != null) ? this.owner + " since " + this.since : this.owner;
	}

	@Override
	public String toString() {
		return (this.leaseUntil != null) ? identity() + " (lease until " + this.leaseUntil + ")" : identity();
	}

}
