package dev.migrations.runner;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
import dev.migrations.catalog.CatalogDiff;
import dev.migrations.internal.MaskingDataSource;
import dev.migrations.ledger.LedgerEntry;
import dev.migrations.ledger.LedgerState;
import dev.migrations.ledger.SqlMigrationLedger;
import dev.migrations.runner.ShadowDatabase.Shadow;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the schema a database should have: the migrations its ledger records as applied,
 * in the order they were applied (by batch, then by id, as each run applies them), on a
 * shadow database that is dropped afterwards whatever happens. A baseline stands for
 * every migration up to it that a source defines; a {@code RUNNING} or {@code FAILED} row
 * stands for nothing, since what it left is not known.
 */
final class SchemaReplay {

	private static final Logger logger = LoggerFactory.getLogger(SchemaReplay.class);

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
		return this.settings.dialect().readCatalog(live, stored(this.settings.table().schema()), ledgerTables());
	}

	/**
	 * Return the schema that the ledger's applied migrations build.
	 * @param live a connection to the live database
	 * @return the schema, as the dialect reads it
	 */
	Catalog expected(Connection live) throws SQLException {
		List<MigrationDescriptor> replayed = replayed(this.reader.readUnlocked(live).rows().values());
		return onShadow(live, replayed, (shadow, runner) -> {
			replay(shadow, runner, replayed.size());
			return shadow.read();
		});
	}

	/**
	 * Return the schema that every migration the sources define builds, applied in order
	 * on a shadow database, whatever the ledger holds: the schema a new database gets.
	 * @param live a connection to the live database, where the shadow is made
	 * @return the schema
	 */
	Catalog defined(Connection live) throws SQLException {
		List<MigrationDescriptor> all = this.settings.descriptors()
			.stream()
			.filter((migration) -> !migration.repair())
			.toList();
		return onShadow(live, all, (shadow, runner) -> {
			if (!all.isEmpty()) {
				try {
					runner.applyAll();
				}
				catch (MigrationException ex) {
					throw new MigrationException("The migrations could not be applied to the " + shadow.description()
							+ ", an empty database: " + ex.description(), ex);
				}
			}
			return shadow.read();
		});
	}

	/**
	 * Return the change each pending migration makes to the schema: the migrations the
	 * ledger records as applied are replayed on a shadow database, then each pending one
	 * is applied there in turn, and the schema read before and after it.
	 * @param live a connection to the live database
	 * @param pending the pending migrations, in the order a run applies them
	 * @return the change of each, in order
	 * @throws MigrationException if a migration fails on the shadow database: the changes
	 * of the ones before it are in the message
	 */
	Map<MigrationId, CatalogDiff> pendingChanges(Connection live, List<MigrationDescriptor> pending)
			throws SQLException {
		List<MigrationDescriptor> replayed = replayed(this.reader.readUnlocked(live).rows().values());
		List<MigrationDescriptor> all = new ArrayList<>(replayed);
		pending.stream().filter((migration) -> !replayed.contains(migration) && !migration.repair()).forEach(all::add);
		return onShadow(live, all, (shadow, runner) -> {
			replay(shadow, runner, replayed.size());
			Map<MigrationId, CatalogDiff> changes = new LinkedHashMap<>();
			Catalog before = shadow.read();
			for (MigrationDescriptor migration : all.subList(replayed.size(), all.size())) {
				try {
					runner.applyAll(1);
				}
				catch (MigrationException ex) {
					throw new MigrationException("Pending migration " + migration.id() + " fails on the "
							+ shadow.description() + ", built as the database is now: " + ex.description(), ex);
				}
				Catalog after = shadow.read();
				changes.put(migration.id(), CatalogDiff.between(before, after));
				before = after;
			}
			return changes;
		});
	}

	private static void replay(OpenShadow shadow, MigrationRunner runner, int count) {
		if (count == 0) {
			return;
		}
		try {
			runner.applyAll(count);
		}
		catch (MigrationException ex) {
			throw new MigrationException("The migrations the ledger records as applied could not be replayed on the "
					+ shadow.description() + ", so the schema they build is not known: " + ex.description()
					+ "\nA migration may depend on something made by hand, or have been edited after it was "
					+ "applied (validation lists edited ones).", ex);
		}
	}

	/**
	 * Return the schema another tool builds on an empty shadow database, such as the
	 * schema an ORM creates for an application's entities.
	 * @param live a connection to the live database, where the shadow is made
	 * @param schema what builds the schema
	 * @return the schema, as the dialect reads it
	 */
	Catalog builtBy(Connection live, ShadowSchema schema) throws SQLException {
		try (Shadow opened = open(live)) {
			OpenShadow open = new OpenShadow(opened, shadowTable(),
					new MaskingDataSource(opened.dataSource(), this.settings.secrets()));
			try {
				schema.build(opened.dataSource());
			}
			catch (SQLException | RuntimeException ex) {
				throw new MigrationException("The target schema could not be built on the " + open.description()
						+ ", an empty database: " + ex.getMessage(), ex);
			}
			return open.read();
		}
	}

	/**
	 * Open a shadow database, do work on it with a runner of the given migrations, and
	 * drop it whatever happens.
	 */
	private <T> T onShadow(Connection live, List<MigrationDescriptor> migrations, ShadowWork<T> work)
			throws SQLException {
		try (Shadow opened = open(live)) {
			OpenShadow open = new OpenShadow(opened, shadowTable(),
					new MaskingDataSource(opened.dataSource(), this.settings.secrets()));
			return work.run(open, open.runner(migrations));
		}
	}

	private Shadow open(Connection live) {
		try {
			return this.settings.shadow().open(live, this.settings.dataSource(), this.settings.dialect());
		}
		catch (SQLException ex) {
			throw new MigrationException(
					"Could not open a shadow database to build the expected schema in: " + ex.getMessage(),
					shadowRemedy(), ex);
		}
	}

	/**
	 * Return the drift: the changes that turn the schema the ledger's applied migrations
	 * build into what the live database holds.
	 * @param live a connection to the live database
	 * @return the drift, empty when there is none
	 */
	CatalogDiff drift(Connection live) throws SQLException {
		return CatalogDiff.between(expected(live), live(live));
	}

	/**
	 * Compare the live database with the schema its migrations build, after a run applied
	 * them, as the verification asks: log each difference, or fail.
	 * @param live a connection to the live database
	 * @throws MigrationDriftException if they differ and the verification is
	 * {@link Verification#FAIL}
	 */
	void verify(Connection live) throws SQLException {
		Verification verification = this.settings.verification();
		if (verification == Verification.OFF) {
			return;
		}
		CatalogDiff drift = drift(live);
		if (drift.isEmpty()) {
			logger.info("Verified: the database holds the schema its migrations build");
			return;
		}
		String description = "After applying, the database differs from the schema its migrations build "
				+ "(+ only in the database, - only in the migrations, ~ different):\n" + drift.text();
		if (verification == Verification.FAIL) {
			throw new MigrationDriftException(description + "\nWhat was applied stays applied. Bring the database "
					+ "back by hand or with a new migration, or change the migrations to match it.", drift);
		}
		logger.warn(description);
	}

	/**
	 * Return the ledger's schema as the database stores it, as the ledger's own
	 * statements name it quoted: on H2 {@code app} is {@code APP}.
	 */
	private @Nullable String stored(@Nullable String schema) {
		return (schema != null) ? this.settings.dialect().fold(schema) : null;
	}

	/**
	 * Return the names of the tables a catalog leaves out: the ledger and its lock table.
	 */
	Set<String> ledgerTables() {
		LedgerTable table = this.settings.table();
		return Set.of(this.settings.dialect().fold(table.name()),
				this.settings.dialect().fold(table.lockTable().name()));
	}

	private Remedy shadowRemedy() {
		Remedy remedy = Remedy.of(Remedy.Kind.USE_SHADOW_DATABASE);
		return (this.settings.shadow() instanceof ExistingShadow) ? remedy.with(Remedy.Fact.NAMED_SHADOW) : remedy;
	}

	/**
	 * Work on a shadow database.
	 */
	@FunctionalInterface
	private interface ShadowWork<T> {

		T run(OpenShadow shadow, MigrationRunner runner) throws SQLException;

	}

	/**
	 * A shadow database being used: its ledger table, its connections, and how it is
	 * read.
	 */
	private final class OpenShadow {

		private final Shadow shadow;

		private final LedgerTable table;

		private final DataSource connections;

		OpenShadow(Shadow shadow, LedgerTable table, DataSource connections) {
			this.shadow = shadow;
			this.table = table;
			this.connections = connections;
		}

		String description() {
			return this.shadow.description();
		}

		MigrationRunner runner(List<MigrationDescriptor> migrations) throws SQLException {
			RunnerSettings live = SchemaReplay.this.settings;
			if (this.table.schema() != null) {
				try (Connection connection = this.connections.getConnection();
						Statement statement = connection.createStatement()) {
					statement.execute("CREATE SCHEMA IF NOT EXISTS " + live.dialect().quote(this.table.schema()));
				}
			}
			return new MigrationRunner(new RunnerSettings(this.shadow.dataSource(), this.connections, live.secrets(),
					live.dialect(), this.table, new SqlMigrationLedger(live.dialect(), this.table), true,
					live.dialect().lock(this.connections, this.table), migrations, new CompositeListener(List.of()),
					live.lockTimeout(), live.transactionMode(), OutOfOrder.APPLY, false, true, live.shadow(),
					Verification.OFF, List.of(), null, BaselineOnMigrate.OFF, live.connecting()));
		}

		Catalog read() throws SQLException {
			try (Connection connection = this.connections.getConnection()) {
				return SchemaReplay.this.settings.dialect()
					.readCatalog(connection, stored(this.table.schema()), ledgerTables());
			}
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
			else if (row.state() == LedgerState.APPLIED || row.state() == LedgerState.SQUASHED) {
				MigrationDescriptor applied = this.settings.descriptors()
					.stream()
					.filter((descriptor) -> descriptor.id().equals(id))
					.findFirst()
					.orElseThrow(() -> new MigrationException("Migration " + id
							+ " is recorded as applied but no source defines it, so the schema its migrations "
							+ "build cannot be rebuilt; restore it to the migration locations"));
				if (!applied.repair()) {
					replayed.add(applied);
				}
			}
		}
		return List.copyOf(replayed);
	}

}
