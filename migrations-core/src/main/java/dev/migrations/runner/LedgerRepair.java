package dev.migrations.runner;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import dev.migrations.MigrationId;
import dev.migrations.MigrationState;
import dev.migrations.MigrationStatus;
import dev.migrations.RepairOption;
import dev.migrations.internal.Jdbc;
import dev.migrations.ledger.LedgerEntry;
import dev.migrations.ledger.LedgerState;
import dev.migrations.ledger.MigrationLedger;
import dev.migrations.lock.HeldLock;
import dev.migrations.lock.LockHolder;
import dev.migrations.lock.MigrationInProgressException;
import dev.migrations.lock.MigrationLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The changes {@link MigrationRunner#repair(RepairOption...)} makes to the ledger: the
 * rows of failed and interrupted migrations removed, edited checksums accepted when
 * asked, and the lock taken from a live run only when forced.
 */
final class LedgerRepair {

	/** The runner's logger, where every change a repair makes has always been logged. */
	private static final Logger logger = LoggerFactory.getLogger(MigrationRunner.class);

	private final DataSource connections;

	private final MigrationLedger ledger;

	private final MigrationLock lock;

	private final LedgerReader reader;

	LedgerRepair(DataSource connections, MigrationLedger ledger, MigrationLock lock, LedgerReader reader) {
		this.connections = connections;
		this.ledger = ledger;
		this.lock = lock;
		this.reader = reader;
	}

	/**
	 * Return the options a repair was given, as a set.
	 * @param options the options, none for the rows of failed and interrupted migrations
	 * only
	 * @return the options
	 */
	static Set<RepairOption> chosen(RepairOption... options) {
		return (options.length == 0) ? EnumSet.noneOf(RepairOption.class) : EnumSet.copyOf(Arrays.asList(options));
	}

	/**
	 * Refuse to repair a migration that a live run is applying; or, when
	 * {@link RepairOption#FORCE forced}, take the lock from that run, so that the repair
	 * can take it.
	 * @return a description of the lock taken, if any
	 */
	List<String> takeFromLiveRun(Set<RepairOption> chosen) {
		LedgerView view = Jdbc.withConnection(this.connections, this.reader::readUnlocked);
		LockHolder holder = view.liveHolder();
		List<MigrationId> ids = view.statuses()
			.stream()
			.filter((status) -> status.state() == MigrationState.IN_PROGRESS)
			.map(MigrationStatus::id)
			.toList();
		if (holder == null || ids.isEmpty()) {
			return List.of();
		}
		if (!chosen.contains(RepairOption.FORCE)) {
			throw new MigrationInProgressException(ids, holder);
		}
		this.lock.breakLock(holder);
		String change = "Took the migration lock from " + holder + ", which was applying "
				+ ids.stream().map(MigrationId::toString).collect(Collectors.joining(", "));
		logger.warn("Repair: {}", change);
		return List.of(change);
	}

	/**
	 * Remove the {@code FAILED} and {@code RUNNING} rows, and accept edited checksums
	 * when chosen, while the lock is held.
	 */
	List<String> repairRows(Connection connection, HeldLock lock, Set<RepairOption> chosen) {
		if (!this.ledger.exists(connection)) {
			return List.<String>of();
		}
		List<String> done = new ArrayList<>();
		for (MigrationStatus status : this.reader.read(connection).statuses()) {
			String id = status.id().toString();
			if (status.state() == MigrationState.FAILED || status.state() == MigrationState.RUNNING) {
				lock.verify(connection);
				this.ledger.remove(connection, id);
				done.add("Removed " + status.state() + " row of " + id);
			}
			else if (chosen.contains(RepairOption.ACCEPT_CHECKSUMS)
					&& status.state() == MigrationState.CHECKSUM_MISMATCH) {
				lock.verify(connection);
				// A mismatch is of a migration that has a source, so a checksum
				this.ledger.updateChecksum(connection, id, Objects.requireNonNull(status.checksum()));
				done.add("Accepted checksum " + status.checksum() + " of " + id + " (was " + status.appliedChecksum()
						+ ")");
			}
		}
		done.forEach((change) -> logger.info("Repair: {}", change));
		return done;
	}

	/**
	 * Write the row that marks every migration up to and including an id as present,
	 * under the lock, on an empty ledger.
	 * @param connection the migration connection
	 * @param lock the held lock
	 * @param id the newest migration the database already has
	 * @param reason why, logged after the id; empty for a baseline asked for by hand
	 * @return the row
	 */
	LedgerEntry baseline(Connection connection, HeldLock lock, MigrationId id, String reason) throws SQLException {
		lock.verify(connection);
		LedgerEntry row = new LedgerEntry(id.toString(), null, 1, LedgerState.BASELINE, Instant.now(), 0,
				Run.appliedBy(connection), null, lock.holder().identity());
		this.ledger.logApplied(connection, row);
		logger.info("Baselined {} at {}{}", this.ledger.describe(), id, reason);
		return row;
	}

}
