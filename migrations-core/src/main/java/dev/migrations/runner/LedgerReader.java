package dev.migrations.runner;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.migrations.Credentials;
import dev.migrations.MigrationDescriptor;
import dev.migrations.ledger.LedgerEntry;
import dev.migrations.ledger.LedgerState;
import dev.migrations.ledger.MigrationLedger;
import dev.migrations.lock.LockHolder;
import dev.migrations.lock.MigrationLock;

/**
 * Reads the ledger once per run and joins it with the migrations, the errors of
 * {@code FAILED} rows masked.
 */
final class LedgerReader {

	private final List<MigrationDescriptor> descriptors;

	private final MigrationLedger ledger;

	private final MigrationLock lock;

	private final List<String> secrets;

	/**
	 * Create a reader.
	 * @param descriptors the migrations the sources define
	 * @param ledger the ledger
	 * @param lock the migration lock, asked who holds it when a row is {@code RUNNING}
	 * @param secrets values that no error read back may carry
	 */
	public LedgerReader(List<MigrationDescriptor> descriptors, MigrationLedger ledger, MigrationLock lock,
			List<String> secrets) {
		this.descriptors = descriptors;
		this.ledger = ledger;
		this.lock = lock;
		this.secrets = List.copyOf(secrets);
	}

	/**
	 * Return the ledger of a database that has none yet.
	 * @return the migrations, none applied
	 */
	public LedgerView empty() {
		return LedgerView.of(this.descriptors, List.of());
	}

	/**
	 * Read the ledger while holding the lock.
	 * @param connection the connection
	 * @return the ledger joined with the migrations
	 */
	public LedgerView read(Connection connection) {
		return LedgerView.of(this.descriptors, readRows(connection));
	}

	/**
	 * Read the ledger without holding the lock: a {@code RUNNING} row is in progress when
	 * the run that wrote it holds the lock now, which is looked up only when there is
	 * such a row.
	 * @param connection the connection
	 * @return the ledger joined with the migrations, empty when it does not exist
	 */
	public LedgerView readUnlocked(Connection connection) {
		if (!this.ledger.exists(connection)) {
			return LedgerView.of(this.descriptors, List.of());
		}
		List<LedgerEntry> rows = readRows(connection);
		boolean running = rows.stream().anyMatch((row) -> row.state() == LedgerState.RUNNING);
		Optional<LockHolder> holder = running ? this.lock.holder() : Optional.empty();
		return LedgerView.of(this.descriptors, rows, holder.orElse(null));
	}

	/**
	 * Read the ledger's rows with the errors of {@code FAILED} rows masked, since an
	 * older version or another runner may have recorded them unmasked.
	 */
	private List<LedgerEntry> readRows(Connection connection) {
		List<LedgerEntry> rows = new ArrayList<>();
		for (LedgerEntry row : this.ledger.readApplied(connection)) {
			rows.add((row.error() != null) ? new LedgerEntry(row.id(), row.checksum(), row.batch(), row.state(),
					row.appliedAt(), row.executionMs(), row.appliedBy(), Credentials.mask(row.error(), this.secrets),
					row.lockOwner()) : row);
		}
		return rows;
	}

}
