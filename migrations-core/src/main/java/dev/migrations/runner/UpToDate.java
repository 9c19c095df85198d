package dev.migrations.runner;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.migrations.LedgerTable;
import dev.migrations.MigrationDescriptor;
import dev.migrations.MigrationResult;
import dev.migrations.Verification;
import dev.migrations.dialect.Dialect;
import dev.migrations.internal.Jdbc;
import dev.migrations.ledger.LedgerEntry;
import dev.migrations.ledger.LedgerState;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends an apply that has nothing to do. Before an apply takes the lock, it reads the
 * ledger once, without the lock: when the ledger exists with its newest layout and shows
 * every migration applied up to the target, with checksums that match where applies
 * validate and no failed or unfinished row, the apply ends there, takes no lock and
 * writes nothing. That answer holds however other runners go on: what the read shows
 * applied stays applied, and a run in progress shows as a pending migration or a
 * {@code RUNNING} row, which leaves the decision to the locked run. So does anything else
 * the locked run would act on: an empty or missing ledger (created, or baselined on
 * migrate), squashes, verification after the apply, a ledger that only the locked run can
 * read, a schema that the lock creates. The common case, every migration applied with its
 * checksum and no other row, is told from the ids, checksums and states alone; anything
 * else is read in full and judged by the apply's rules. Thread-safe.
 */
final class UpToDate {

	private static final Logger logger = LoggerFactory.getLogger(MigrationRunner.class);

	private final RunnerSettings settings;

	private final RunChecks checks;

	UpToDate(RunnerSettings settings, RunChecks checks) {
		this.settings = settings;
		this.checks = checks;
	}

	/**
	 * Tell, from the ledger read without the lock, that an apply has nothing to do, and
	 * then end it as the locked run ends one.
	 * @return the empty result, or empty when the apply must take the lock and read the
	 * ledger again
	 */
	Optional<MigrationResult> withoutLock() {
		// A lock that creates the ledger's schema first: until it has, the schema's
		// connections may not open at all
		if (this.settings.verification() != Verification.OFF || !this.settings.squashes().isEmpty()
				|| this.settings.lock() instanceof SchemaCreatingLock) {
			return Optional.empty();
		}
		return Jdbc.withConnection(this.settings.connections(), (connection) -> {
			Dialect dialect = this.settings.dialect();
			LedgerTable table = this.settings.table();
			String newest = this.settings.ownLedger()
					? newestIfAllApplied(connection, dialect, table, dialect.qualify(table), checksums()) : null;
			if (newest != null) {
				return Optional.of(ended(newest, this.settings.ledger().describe()));
			}
			return this.settings.ledger()
				.readIfInitialized(connection)
				.filter((rows) -> !rows.isEmpty())
				.map(this::view)
				.filter(this.checks::nothingToApply)
				.map(this::report);
		});
	}

	private Map<String, String> checksums() {
		List<MigrationDescriptor> descriptors = this.settings.descriptors();
		Map<String, String> checksums = new HashMap<>(descriptors.size() * 4 / 3 + 1);
		for (MigrationDescriptor descriptor : descriptors) {
			checksums.put(descriptor.id().toString(), descriptor.checksum());
		}
		return checksums;
	}

	/**
	 * Read the ledger's ids, checksums and states in one query: the newest id when its
	 * rows are exactly the expected migrations, each applied with its checksum, or
	 * {@code null}. That is what almost every start finds, told without the ledger's
	 * other columns or a status per migration; anything else is left to a full read. The
	 * {@code lock_owner} column is read so that a ledger of an older layout, which the
	 * runner upgrades, is left to it too. Where the driver logs every statement the
	 * server rejects, the column is first looked up in the metadata, so that the first
	 * start on a new database logs no warning.
	 * @param connection the connection, in auto-commit mode
	 * @param dialect the database's dialect
	 * @param table the ledger table
	 * @param ledger the ledger table's name, as a query names it
	 * @param expected the checksum of each migration, by id
	 * @return the newest id, or {@code null}
	 */
	static @Nullable String newestIfAllApplied(Connection connection, Dialect dialect, LedgerTable table, String ledger,
			Map<String, String> expected) {
		try {
			if (dialect.logsRejectedStatements() && !dialect.hasColumn(connection, table, "lock_owner")) {
				return null;
			}
		}
		catch (SQLException ex) {
			return null;
		}
		return newestIfAllApplied(connection, ledger, expected);
	}

	/**
	 * Read the ledger's ids, checksums and states in one query, as
	 * {@link #newestIfAllApplied(Connection, Dialect, LedgerTable, String, Map)} does, on
	 * a connection whose driver does not log a statement the server rejects.
	 * @param connection the connection, in auto-commit mode
	 * @param ledger the ledger table's name, as a query names it
	 * @param expected the checksum of each migration, by id
	 * @return the newest id, or {@code null}
	 */
	static @Nullable String newestIfAllApplied(Connection connection, String ledger, Map<String, String> expected) {
		String applied = LedgerState.APPLIED.name();
		String newest = null;
		int count = 0;
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT id, checksum, state, lock_owner FROM " + ledger)) {
			while (rows.next()) {
				String id = rows.getString(1);
				String checksum = (id != null) ? expected.get(id) : null;
				if (checksum == null || !checksum.equals(rows.getString(2)) || !applied.equals(rows.getString(3))) {
					return null;
				}
				if (newest == null || id.compareTo(newest) > 0) {
					newest = id;
				}
				count++;
			}
		}
		catch (SQLException ex) {
			// No ledger yet, or one the runner creates or upgrades under the lock
			return null;
		}
		// The id is the ledger's primary key: as many rows as migrations are all of them
		return (count == expected.size()) ? newest : null;
	}

	/**
	 * End an apply that has nothing to do: log at which migration the database is.
	 * @param view the ledger
	 * @return the empty result
	 */
	MigrationResult report(LedgerView view) {
		return ended(view.newestApplied().map(Object::toString).orElse(null), this.settings.ledger().describe());
	}

	/**
	 * End an apply that has nothing to do: log at which migration the database is.
	 * @param newest the newest applied migration, or {@code null} when the ledger is
	 * empty
	 * @param ledger the ledger, described
	 * @return the empty result
	 */
	static MigrationResult ended(@Nullable String newest, String ledger) {
		logger.info("Database is up to date {}: no pending migrations in {}",
				(newest != null) ? "at " + newest : "with an empty ledger", ledger);
		return new MigrationResult(0, List.of());
	}

	private LedgerView view(List<LedgerEntry> rows) {
		return LedgerView.of(this.settings.descriptors(), rows);
	}

}
