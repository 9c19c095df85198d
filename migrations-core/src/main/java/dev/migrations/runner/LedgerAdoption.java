package dev.migrations.runner;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.migrations.LedgerTable;
import dev.migrations.MigrationDescriptor;
import dev.migrations.MigrationException;
import dev.migrations.MigrationId;
import dev.migrations.ledger.LedgerEntry;
import dev.migrations.ledger.LedgerState;
import dev.migrations.lock.HeldLock;
import org.jspecify.annotations.Nullable;

/**
 * Adopts a database that has a schema from before the ledger: by hand with
 * {@link MigrationRunner#baseline(MigrationId)}, or on the first apply with
 * baseline-on-migrate, which baselines a database that has tables and an empty ledger, at
 * the migration matching the last version of a Flyway history it holds, or else at the
 * configured baseline version. Thread-safe.
 */
final class LedgerAdoption {

	private final RunnerSettings settings;

	private final LedgerReader reader;

	private final RunChecks checks;

	private final LedgerRepair repair;

	LedgerAdoption(RunnerSettings settings, LedgerReader reader, RunChecks checks, LedgerRepair repair) {
		this.settings = settings;
		this.reader = reader;
		this.checks = checks;
		this.repair = repair;
	}

	/**
	 * Create the ledger if needed and read it for an apply, baselining first when
	 * baseline-on-migrate is on, the ledger is empty and the database has tables.
	 * @param connection the migration connection
	 * @param lock the held lock
	 * @return the ledger, with the baseline row if one was written
	 * @throws MigrationException if the database has tables and an empty ledger, and
	 * where to baseline cannot be told
	 * @throws SQLException on a database error
	 */
	LedgerView readForApply(Connection connection, HeldLock lock) throws SQLException {
		this.settings.ledger().ensureInitialized(connection);
		LedgerView view = this.reader.read(connection);
		Optional<Decision> decision = decide(connection, view);
		if (decision.isEmpty()) {
			return view;
		}
		this.repair.baseline(connection, lock, decision.get().id(), decision.get().reason());
		return this.reader.read(connection);
	}

	/**
	 * Return the ledger an apply would work from, for a dry run: with the baseline row
	 * that baseline-on-migrate would write first, if it would. Writes nothing.
	 * @param connection a connection
	 * @param view the ledger as it is
	 * @return the ledger as the apply would find it after the baseline
	 * @throws MigrationException if the apply would stop because where to baseline cannot
	 * be told
	 * @throws SQLException on a database error
	 */
	LedgerView planned(Connection connection, LedgerView view) throws SQLException {
		Optional<Decision> decision = decide(connection, view);
		if (decision.isEmpty()) {
			return view;
		}
		return LedgerView.of(this.settings.descriptors(), List.of(new LedgerEntry(decision.get().id().toString(), null,
				1, LedgerState.BASELINE, Instant.now(), 0, null, null, null)));
	}

	/**
	 * Decide whether and where baseline-on-migrate baselines a database before an apply.
	 */
	private Optional<Decision> decide(Connection connection, LedgerView view) throws SQLException {
		BaselineOnMigrate baseline = this.settings.baselineOnMigrate();
		if (!baseline.enabled() || !view.isEmpty()) {
			return Optional.empty();
		}
		List<Table> tables = tables(connection, this.settings.table().schema());
		Optional<Table> flyway = findFlywayTable(connection, baseline.flywayTable(), tables);
		if (flyway.isPresent()) {
			Optional<FlywayHistory.Version> last = FlywayHistory.lastApplied(connection, flyway.get().qualified(),
					flyway.get().name());
			if (last.isPresent()) {
				return Optional.of(new Decision(matching(last.get(), flyway.get().name()),
						": baseline-on-migrate, as the Flyway history " + flyway.get().name() + " records version "
								+ last.get().version() + " (" + last.get().script() + ") as the last it applied, "
								+ "which this migration had under Flyway"));
			}
		}
		List<String> names = tables.stream()
			.map(Table::name)
			.filter((name) -> flyway.isEmpty() || !name.equals(flyway.get().name()))
			.toList();
		if (names.isEmpty()) {
			return Optional.empty();
		}
		MigrationId id = baseline.version();
		if (id == null) {
			throw new MigrationException("Cannot apply: baseline-on-migrate is on, the ledger "
					+ this.settings.ledger().describe() + " is empty and the database already holds " + describe(names)
					+ ", but no baseline version says which migrations it has. Nothing was applied. Set the baseline "
					+ "version (migrations.baseline-version, or baselineVersion on the builder) to the newest "
					+ "migration the database already has, or baseline by hand (migrate:baseline ID).");
		}
		// Defined: the checks refused a baseline version that no migration has when built
		return Optional.of(new Decision(id, ": baseline-on-migrate, as the ledger was empty and the database "
				+ "already holds " + describe(names) + "; the baseline version says it has the migrations up to here"));
	}

	/**
	 * Baseline by hand: write the baseline row on an empty ledger.
	 * @param connection the migration connection
	 * @param lock the held lock
	 * @param id the newest migration the database already has
	 * @return the row
	 * @throws SQLException on a database error
	 */
	LedgerEntry baseline(Connection connection, HeldLock lock, MigrationId id) throws SQLException {
		this.settings.ledger().ensureInitialized(connection);
		this.checks.requireEmptyLedger(id, this.settings.ledger().readApplied(connection));
		return this.repair.baseline(connection, lock, id, "");
	}

	private MigrationId matching(FlywayHistory.Version last, String history) {
		List<MigrationDescriptor> matches = this.settings.descriptors()
			.stream()
			.filter((descriptor) -> last.isOf(descriptor.flywayVersion()))
			.toList();
		if (matches.size() == 1) {
			return matches.get(0).id();
		}
		String header = "-- flyway: V" + last.version();
		if (matches.isEmpty()) {
			throw new MigrationException("Cannot apply: baseline-on-migrate is on and the Flyway history " + history
					+ " records version " + last.version() + " (" + last.script() + ") as the last Flyway applied, "
					+ "but no migration says it was that version: none has the header line '" + header
					+ "'. Nothing was applied. Rename the Flyway files with the script of the Flyway guide, which "
					+ "writes that line, or make it the first line of the file that was " + last.script()
					+ "; or baseline by hand (migrate:baseline ID).");
		}
		throw new MigrationException("Cannot apply: baseline-on-migrate is on and " + matches.size()
				+ " migrations have the header line '" + header + "' (" + matches.get(0) + ", " + matches.get(1)
				+ "), so which one the Flyway history " + history + " means cannot be told. Nothing was applied. "
				+ "Keep the line only in the file that was " + last.script() + ".");
	}

	private Optional<Table> findFlywayTable(Connection connection, LedgerTable flywayTable, List<Table> tables)
			throws SQLException {
		List<Table> candidates = (flywayTable.schema() != null) ? tables(connection, flywayTable.schema()) : tables;
		return candidates.stream().filter((table) -> table.name().equalsIgnoreCase(flywayTable.name())).findFirst();
	}

	/**
	 * Return the tables and views of a schema (the connection's current one when
	 * {@code null}; on databases without schemas, the database), without the ledger and
	 * its lock table.
	 */
	private List<Table> tables(Connection connection, @Nullable String schema) throws SQLException {
		DatabaseMetaData metaData = connection.getMetaData();
		boolean schemas = metaData.supportsSchemasInTableDefinitions();
		String current = (schema != null) ? this.settings.dialect().fold(schema)
				: this.settings.dialect().schemaOf(connection, this.settings.table().name());
		String catalog = schemas ? connection.getCatalog() : ((schema != null) ? schema : connection.getCatalog());
		String quote = metaData.getIdentifierQuoteString().strip();
		List<String> excluded = List.of(this.settings.table().name(), this.settings.table().lockTable().name());
		List<Table> tables = new ArrayList<>();
		try (ResultSet rows = metaData.getTables(catalog, schemas ? current : null, "%", null)) {
			while (rows.next()) {
				String name = rows.getString("TABLE_NAME");
				String owner = schemas ? rows.getString("TABLE_SCHEM") : rows.getString("TABLE_CAT");
				if (name == null || !isUserTable(rows.getString("TABLE_TYPE"))
						|| (schemas && current != null && !current.equalsIgnoreCase(owner))
						|| excluded.stream().anyMatch(name::equalsIgnoreCase)) {
					continue;
				}
				tables.add(new Table(name, owner, quote));
			}
		}
		return tables;
	}

	private static boolean isUserTable(@Nullable String type) {
		String kind = String.valueOf(type).toUpperCase(Locale.ROOT);
		return (kind.contains("TABLE") || kind.contains("VIEW")) && !kind.startsWith("SYSTEM")
				&& !kind.contains("TEMPORARY");
	}

	private static String requirePlain(String identifier) {
		if (!LedgerTable.isPlainIdentifier(identifier)) {
			throw new MigrationException("Cannot read the table " + identifier
					+ " for baseline-on-migrate: its name is not a plain identifier. Nothing was applied. Baseline by "
					+ "hand (migrate:baseline ID).");
		}
		return identifier;
	}

	private static String describe(List<String> names) {
		return names.size() + ((names.size() == 1) ? " table (" : " tables (")
				+ String.join(", ", names.subList(0, Math.min(5, names.size()))) + ((names.size() > 5) ? ", ..." : "")
				+ ")";
	}

	/**
	 * Where baseline-on-migrate baselines a database, and why, for the log.
	 *
	 * @param id the newest migration the database has
	 * @param reason why, logged after the id
	 */
	private record Decision(MigrationId id, String reason) {

	}

	/**
	 * A table in the database.
	 *
	 * @param name its name, as the database stores it
	 * @param owner its schema (or database), as the database stores it, if known
	 * @param quote the database's identifier quote
	 */
	private record Table(String name, @Nullable String owner, String quote) {

		/**
		 * Return the name quoted and qualified with its schema, for a query, refusing a
		 * name that is not a plain identifier.
		 * @return the qualified name
		 */
		String qualified() {
			String quotedName = this.quote + requirePlain(this.name) + this.quote;
			return (this.owner != null) ? this.quote + requirePlain(this.owner) + this.quote + "." + quotedName
					: quotedName;
		}

	}

}
