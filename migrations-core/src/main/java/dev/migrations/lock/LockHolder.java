package dev.migrations.lock;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Who holds the migration lock, as far as the database can tell.
 *
 * @param owner the holder, such as a backend process id, connection id or process name
 * @param since when the holder took the lock, or {@code null} when the database does not
 * say
 */
public record LockHolder(String owner, @Nullable Instant since) {

	@Override
	public String toString() {
		return (this.since != null) ? this.owner + " since " + this.since : this.owner;
	}

}
