package dev.migrations.runner;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import dev.migrations.LedgerTable;
import dev.migrations.MigrationDescriptor;
import dev.migrations.MigrationException;
import dev.migrations.MigrationId;
import dev.migrations.OutOfOrder;
import dev.migrations.Remedy;
import dev.migrations.Verification;
import dev.migrations.catalog.Catalog;
import dev.migrations.internal.MaskingDataSource;
import dev.migrations.ledger.LedgerEntry;
import dev.migrations.ledger.LedgerState;
import dev.migrations.ledger.SqlMigrationLedger;
import dev.migrations.runner.ShadowDatabase.Shadow;

/**
 * Builds the schema a database should have: the migrations its ledger records as applied,
 * in the order they were applied (by batch, then by id, as each run applies them), on a
 * shadow database that is dropped afterwards whatever happens. A baseline stands for
 * every migration up to it that a source defines; a {@code RUNNING} or {@code FAILED} row
 * stands for nothing, since what it left is not known.
 */
final class SchemaReplay {

	private final RunnerSettings settings;

	private final LedgerReader reader;

	SchemaReplay(RunnerSettings settings, LedgerReader reader) {
		this.settings = settings;
		this.reader = reader;
	}

	/**
	 * Return what the live database holds in the ledger's schema.
	 * @param live a connection to the live database
	 * @return the schema
	 */
	Catalog live(Connection live) throws SQLException {
		return this.settings.dialect().readCatalog(live, this.settings.table().schema(), ledgerTables());
	}

	/**
	 * Return the schema that the ledger's applied migrations build.
	 * @param live a connection to the live database
	 * @return the schema, as the dialect reads it
	 */
	Catalog expected(Connection live) throws SQLException {
		List<MigrationDescriptor> replayed = replayed(this.reader.readUnlocked(live).rows().values());
		Shadow shadow;
		try {
			shadow = this.settings.shadow().open(live, this.settings.dataSource(), this.settings.dialect());
		}
		catch (SQLException ex) {
			throw new MigrationException(
					"Could not open a shadow database to build the expected schema in: " + ex.getMessage(),
					Remedy.of(Remedy.Kind.USE_SHADOW_DATABASE), ex);
		}
		try (Shadow opened = shadow) {
			return build(opened, replayed);
		}
	}

	/**
	 * Return the names of the tables a catalog leaves out: the ledger and its lock table.
	 */
	private Set<String> ledgerTables() {
		LedgerTable table = this.settings.table();
		return Set.of(this.settings.dialect().fold(table.name()),
				this.settings.dialect().fold(table.lockTable().name()));
	}

	private Catalog build(Shadow shadow, List<MigrationDescriptor> replayed) throws SQLException {
		LedgerTable table = shadowTable();
		DataSource connections = new MaskingDataSource(shadow.dataSource(), this.settings.secrets());
		if (table.schema() != null) {
			try (Connection connection = connections.getConnection();
					Statement statement = connection.createStatement()) {
				statement.execute("CREATE SCHEMA IF NOT EXISTS " + this.settings.dialect().quote(table.schema()));
			}
		}
		RunnerSettings replay = new RunnerSettings(shadow.dataSource(), connections, this.settings.secrets(),
				this.settings.dialect(), table, new SqlMigrationLedger(this.settings.dialect(), table),
				this.settings.dialect().lock(connections, table), replayed, new CompositeListener(List.of()),
				this.settings.lockTimeout(), this.settings.transactionMode(), OutOfOrder.APPLY, false,
				this.settings.shadow(), Verification.OFF);
		try {
			new MigrationRunner(replay).applyAll();
		}
		catch (MigrationException ex) {
			throw new MigrationException("The migrations the ledger records as applied could not be replayed on the "
					+ shadow.description() + ": " + ex.getMessage(), ex);
		}
		try (Connection connection = connections.getConnection()) {
			return this.settings.dialect().readCatalog(connection, table.schema(), ledgerTables());
		}
	}

	/**
	 * The ledger table in the shadow: in its schema on databases with schemas; in the
	 * shadow's own database on MySQL and MariaDB, where the schema is the live database.
	 */
	private LedgerTable shadowTable() {
		LedgerTable table = this.settings.table();
		String dialect = this.settings.dialect().name();
		boolean schemaIsDatabase = dialect.equals("mysql") || dialect.equals("mariadb");
		return schemaIsDatabase ? new LedgerTable(null, table.name()) : table;
	}

	private List<MigrationDescriptor> replayed(Collection<LedgerEntry> rows) {
		List<LedgerEntry> ordered = new ArrayList<>(rows);
		ordered.sort(Comparator.comparingInt(LedgerEntry::batch).thenComparing(LedgerEntry::id));
		Set<MigrationDescriptor> replayed = new LinkedHashSet<>();
		for (LedgerEntry row : ordered) {
			MigrationId id = MigrationId.parse(row.id());
			if (row.state() == LedgerState.BASELINE) {
				this.settings.descriptors()
					.stream()
					.filter((descriptor) -> descriptor.id().compareTo(id) <= 0)
					.forEach(replayed::add);
			}
			else if (row.state() == LedgerState.APPLIED) {
				replayed.add(this.settings.descriptors()
					.stream()
					.filter((descriptor) -> descriptor.id().equals(id))
					.findFirst()
					.orElseThrow(() -> new MigrationException("Migration " + id
							+ " is recorded as applied but no source defines it, so the schema its migrations "
							+ "build cannot be rebuilt; restore it to the migration locations")));
			}
		}
		return List.copyOf(replayed);
	}

}
