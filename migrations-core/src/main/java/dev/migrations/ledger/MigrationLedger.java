package dev.migrations.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import dev.migrations.MigrationException;
import dev.migrations.lock.WriteCondition;
import org.jspecify.annotations.Nullable;

/**
 * Where applied migrations are recorded. Every method works on a connection it is given,
 * so that a migration and its ledger row commit together where the database allows it.
 * Implementations must be thread-safe.
 */
public interface MigrationLedger {

	/**
	 * Create the ledger table if it does not exist. Idempotent, and safe when two
	 * processes race.
	 * @param connection the connection to use
	 */
	void ensureInitialized(Connection connection);

	/**
	 * Whether the ledger table exists, without creating it.
	 * @param connection the connection to use
	 * @return {@code true} if it exists
	 */
	boolean exists(Connection connection);

	/**
	 * Read every row of the ledger, ordered by id, in one query.
	 * @param connection the connection to use
	 * @return the rows
	 */
	List<LedgerEntry> readApplied(Connection connection);

	/**
	 * Read every row of the ledger, as {@link #readApplied(Connection)} does, but only
	 * when the ledger exists and {@link #ensureInitialized(Connection)} would change
	 * nothing: an apply reads it so, before it takes the lock, to end at once when every
	 * migration is applied. This implementation returns empty, so that such a ledger is
	 * always read under the lock.
	 * @param connection the connection to use
	 * @return the rows, or empty when the ledger does not exist or is not up to date
	 */
	default Optional<List<LedgerEntry>> readIfInitialized(Connection connection) {
		return Optional.empty();
	}

	/**
	 * Insert a row.
	 * @param connection the connection to use
	 * @param entry the row
	 */
	void logApplied(Connection connection, LedgerEntry entry);

	/**
	 * Insert rows, in order, as one batch where the ledger can: the rows of the
	 * migrations a squash replaces. This implementation inserts them one by one.
	 * @param connection the connection to use
	 * @param entries the rows
	 */
	default void logAppliedAll(Connection connection, List<LedgerEntry> entries) {
		entries.forEach((entry) -> logApplied(connection, entry));
	}

	/**
	 * Insert a row if, and only if, a condition holds, checked in the same statement
	 * where the database allows it. This implementation checks the condition with one
	 * query, then inserts.
	 * @param connection the connection to use
	 * @param entry the row
	 * @param condition the condition
	 * @return whether the condition held and the row was inserted
	 */
	default boolean logAppliedIf(Connection connection, LedgerEntry entry, WriteCondition condition) {
		try (PreparedStatement statement = connection
			.prepareStatement("SELECT CASE WHEN " + condition.sql() + " THEN 1 ELSE 0 END")) {
			condition.bind(statement, 1);
			try (ResultSet result = statement.executeQuery()) {
				if (!result.next() || result.getInt(1) != 1) {
					return false;
				}
			}
		}
		catch (SQLException ex) {
			throw new MigrationException("Could not check the condition of a write to the migration ledger "
					+ describe() + ": " + ex.getMessage(), ex);
		}
		logApplied(connection, entry);
		return true;
	}

	/**
	 * Set an existing row to {@link LedgerState#RUNNING}, before it is rolled back
	 * outside a transaction.
	 * @param connection the connection to use
	 * @param id the migration id
	 * @param lockOwner the lock holder of the run
	 * ({@link dev.migrations.lock.LockHolder#identity()}), or {@code null}
	 */
	void markRunning(Connection connection, String id, @Nullable String lockOwner);

	/**
	 * Set a {@link LedgerState#RUNNING} row to {@link LedgerState#APPLIED}.
	 * @param connection the connection to use
	 * @param id the migration id
	 * @param executionMs how long it took
	 */
	void markApplied(Connection connection, String id, long executionMs);

	/**
	 * Set a row to {@link LedgerState#FAILED} with the failure message.
	 * @param connection the connection to use
	 * @param id the migration id
	 * @param error the message, shortened to fit the column
	 */
	void markFailed(Connection connection, String id, String error);

	/**
	 * Set the checksum of a row, when an edited migration is accepted.
	 * @param connection the connection to use
	 * @param id the migration id
	 * @param checksum the new checksum
	 */
	void updateChecksum(Connection connection, String id, String checksum);

	/**
	 * Delete a row. Every write changes exactly one row; one that changes none throws.
	 * @param connection the connection to use
	 * @param id the migration id
	 */
	void remove(Connection connection, String id);

	/**
	 * Describe where the ledger lives, such as {@code public.migrations_ledger}.
	 * @return the description
	 */
	String describe();

}
