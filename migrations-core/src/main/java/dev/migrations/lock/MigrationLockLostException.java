package dev.migrations.lock;

import dev.migrations.Remedy;
import org.jspecify.annotations.Nullable;

/**
 * Thrown when a runner can no longer prove that it holds the migration lock: its lock
 * connection broke or was ended, or its lease was taken over after it stopped renewing
 * it. The runner stops at once, before its next statement or ledger write, so that it
 * never works beside the runner that holds the lock now.
 */
public class MigrationLockLostException extends MigrationLockException {

	private final String lock;

	private final String reason;

	private final @Nullable String lastCompleted;

	/**
	 * Create an exception.
	 * @param lock the lock, such as {@code PostgreSQL advisory lock 42}
	 * @param reason how the loss showed
	 * @param lastCompleted the last migration the run completed, or {@code null}
	 * @param cause the database error that showed the loss, or {@code null}
	 */
	public MigrationLockLostException(String lock, String reason, @Nullable String lastCompleted,
			@Nullable Throwable cause) {
		super(description(lock, reason, lastCompleted), Remedy.of(Remedy.Kind.CHECK_STATUS), cause);
		this.lock = lock;
		this.reason = reason;
		this.lastCompleted = lastCompleted;
	}

	private static String description(String lock, String reason, @Nullable String lastCompleted) {
		return "Lost the migration lock (" + lock + "): " + reason + ". The run stopped " + ((lastCompleted != null)
				? "after " + lastCompleted + ", the last migration it completed" : "before it completed any migration")
				+ ", and wrote nothing more.";
	}

	/**
	 * Return the lock that was lost.
	 * @return the lock's description
	 */
	public String getLock() {
		return this.lock;
	}

	/**
	 * Return the last migration the run completed before it lost the lock.
	 * @return the migration id, or {@code null} when it completed none
	 */
	public @Nullable String getLastCompleted() {
		return this.lastCompleted;
	}

	/**
	 * Return the same loss, naming the last migration the run completed.
	 * @param lastCompleted the migration id, or {@code null}
	 * @return the exception
	 */
	public MigrationLockLostException after(@Nullable String lastCompleted) {
		MigrationLockLostException named = new MigrationLockLostException(this.lock, this.reason, lastCompleted,
				getCause());
		for (Throwable suppressed : getSuppressed()) {
			named.addSuppressed(suppressed);
		}
		return named;
	}

}
