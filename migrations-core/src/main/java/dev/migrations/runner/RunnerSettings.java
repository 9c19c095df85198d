package dev.migrations.runner;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import javax.sql.DataSource;

import dev.migrations.LedgerTable;
import dev.migrations.MigrationDescriptor;
import dev.migrations.MigrationEntry;
import dev.migrations.MigrationId;
import dev.migrations.MigrationListener;
import dev.migrations.OutOfOrder;
import dev.migrations.TransactionMode;
import dev.migrations.Verification;
import dev.migrations.dialect.Dialect;
import dev.migrations.dialect.Dialects;
import dev.migrations.ledger.MigrationLedger;
import dev.migrations.ledger.SqlMigrationLedger;
import dev.migrations.lock.MigrationLock;
import dev.migrations.source.JavaMigrationSource;
import dev.migrations.source.MigrationIndex;
import dev.migrations.source.Placeholders;
import dev.migrations.source.SqlMigrationSource;
import dev.migrations.source.SquashFile;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a {@link MigrationRunner} is built from, every default resolved by its builder.
 *
 * @param dataSource the database to migrate, as the user gave it
 * @param connections the data source through which the runner opens its connections,
 * whose failures carry no credential
 * @param secrets values that no message of the runner may carry
 * @param dialect the dialect of the database
 * @param table the ledger table
 * @param ledger the ledger
 * @param ownLedger whether the ledger is the one the runner makes for {@code table},
 * rather than one it was given: only then may the table be read without it
 * @param lock the migration lock
 * @param descriptors the migrations, sorted and checked
 * @param listener the listener, all listeners in order
 * @param lockTimeout how long to wait for another runner's lock
 * @param transactionMode how migrations are grouped into transactions
 * @param outOfOrder what to do with out-of-order migrations
 * @param validateOnApply whether edited applied migrations stop an apply
 * @param allowDestructive whether an apply runs migrations that destroy data without
 * being marked destructive
 * @param shadow where the schema the migrations build is replayed
 * @param verification what an apply does after applying: compare with that schema or not
 * @param squashes the squashes of the migrations for this database's dialect
 * @param target the last migration an apply runs, or {@code null} for the newest
 * @param baselineOnMigrate whether and where an apply baselines a database that has
 * tables and an empty ledger
 * @param connecting how connections are opened, to this database and to a fleet's others
 */
record RunnerSettings(DataSource dataSource, DataSource connections, List<String> secrets, Dialect dialect,
		LedgerTable table, MigrationLedger ledger, boolean ownLedger, MigrationLock lock,
		List<MigrationDescriptor> descriptors, MigrationListener listener, Duration lockTimeout,
		TransactionMode transactionMode, OutOfOrder outOfOrder, boolean validateOnApply, boolean allowDestructive,
		ShadowDatabase shadow, Verification verification, List<SquashFile> squashes, @Nullable MigrationId target,
		BaselineOnMigrate baselineOnMigrate, Connecting connecting) {

	private static final Logger logger = LoggerFactory.getLogger(RunnerSettings.class);

	/**
	 * Resolve what a runner was built with: detect the dialect unless it was set, load
	 * the SQL migrations (from the index when there is one for the encoding), the Java
	 * migrations and the squashes written for the dialect, and check every migration.
	 * @param definition the runner as its builder was set
	 * @return the settings
	 * @throws MigrationDefinitionException if a migration is malformed or duplicated
	 */
	static RunnerSettings resolve(RunnerDefinition definition) {
		DataSource connections = definition.connections();
		Dialect dialect = (definition.dialect() != null) ? definition.dialect() : Dialects.detect(connections);
		List<MigrationEntry> entries = definition.entries();
		List<MigrationEntry> all = new ArrayList<>(entries);
		SqlMigrationSource.Loaded loaded = load(definition, dialect);
		all.addAll(loaded.migrations());
		MigrationIndex usable = definition.usableIndex();
		List<String> locations = definition.locations();
		JavaMigrationSource javaSource = (usable != null)
				? usable.javaSource(locations, definition.javaPackages(), dialect.name(), definition.classLoader())
				: new JavaMigrationSource(locations, definition.javaPackages(), definition.classLoader())
					.withDatabase(dialect.name());
		JavaMigrationSource.Factory factory = definition.javaMigrationFactory();
		all.addAll(javaSource.load((factory != null) ? factory : JavaMigrationSource::entry, entries));
		List<MigrationDescriptor> descriptors = MigrationEntry.buildDescriptors(all);
		List<SquashFile> squashes = loaded.squashes()
			.stream()
			.filter((squash) -> squash.dialect().equals(dialect.name()))
			.toList();
		LedgerTable table = definition.table();
		MigrationLedger ledger = (definition.ledger() != null) ? definition.ledger()
				: new SqlMigrationLedger(dialect, table);
		Function<DataSource, MigrationLock> givenLock = definition.lock();
		MigrationLock lock = (givenLock != null) ? givenLock.apply(connections) : dialect.lock(connections, table);
		if (definition.createSchemas() && table.schema() != null) {
			lock = new SchemaCreatingLock(lock, connections, dialect, table.schema());
		}
		ShadowDatabase shadow = definition.shadow();
		return new RunnerSettings(definition.dataSource(), connections, definition.secrets(), dialect, table, ledger,
				definition.ledger() == null, lock, descriptors, new CompositeListener(definition.listeners()),
				definition.lockTimeout(), definition.transactionMode(), definition.outOfOrder(),
				definition.validateOnApply(), definition.allowDestructive(),
				(shadow != null) ? shadow : ShadowDatabase.temporary(), definition.verification(), squashes,
				definition.target(), BaselineOnMigrate.of(definition.baselineOnMigrate(), definition.baselineVersion(),
						definition.flywayTable(), table),
				definition.connecting());
	}

	/**
	 * Load the SQL migrations: from the index when there is one for the encoding.
	 */
	private static SqlMigrationSource.Loaded load(RunnerDefinition definition, Dialect dialect) {
		Placeholders placeholders = MigrationRunnerOptions.replacedPlaceholders(definition.placeholders(),
				definition.placeholderReplacement());
		MigrationIndex usable = definition.usableIndex();
		if (usable != null) {
			return usable.load(definition.locations(), dialect.name(), dialect.splitter(), definition.classLoader(),
					placeholders);
		}
		MigrationIndex index = definition.index();
		if (index != null) {
			logger.warn("Not using the migration index: it was built for scripts in {}, and the encoding is {}",
					index.encoding(), definition.encoding());
		}
		return new SqlMigrationSource(definition.locations(), definition.classLoader(), dialect.splitter(),
				definition.encoding())
			.withDatabase(dialect.name())
			.withPlaceholders(placeholders)
			.loadAll();
	}

	/**
	 * Return these settings with destructive changes allowed or not.
	 * @param allowed whether they are allowed
	 * @return the settings
	 */
	RunnerSettings withAllowDestructive(boolean allowed) {
		return new RunnerSettings(this.dataSource, this.connections, this.secrets, this.dialect, this.table,
				this.ledger, this.ownLedger, this.lock, this.descriptors, this.listener, this.lockTimeout,
				this.transactionMode, this.outOfOrder, this.validateOnApply, allowed, this.shadow, this.verification,
				this.squashes, this.target, this.baselineOnMigrate, this.connecting);
	}

	/**
	 * Return these settings with another verification after an apply.
	 * @param verification the verification
	 * @return the settings
	 */
	RunnerSettings withVerification(Verification verification) {
		return new RunnerSettings(this.dataSource, this.connections, this.secrets, this.dialect, this.table,
				this.ledger, this.ownLedger, this.lock, this.descriptors, this.listener, this.lockTimeout,
				this.transactionMode, this.outOfOrder, this.validateOnApply, this.allowDestructive, this.shadow,
				verification, this.squashes, this.target, this.baselineOnMigrate, this.connecting);
	}

	/**
	 * Return these settings with applies that stop at a migration.
	 * @param target the last migration to apply
	 * @return the settings
	 */
	RunnerSettings withTarget(MigrationId target) {
		return new RunnerSettings(this.dataSource, this.connections, this.secrets, this.dialect, this.table,
				this.ledger, this.ownLedger, this.lock, this.descriptors, this.listener, this.lockTimeout,
				this.transactionMode, this.outOfOrder, this.validateOnApply, this.allowDestructive, this.shadow,
				this.verification, this.squashes, target, this.baselineOnMigrate, this.connecting);
	}

	/**
	 * Return these settings for another database or schema with the same migrations and
	 * options: a target of a fleet.
	 * @param dataSource the target's database, as the user gave it
	 * @param connections the data source of the target's connections
	 * @param secrets values that no message about the target may carry
	 * @param table the target's ledger table
	 * @param listener the listener of the target's runs
	 * @param createSchema whether the lock creates the table's schema first, through this
	 * runner's connections
	 * @return the settings, with the ledger and lock of that table
	 */
	RunnerSettings retargeted(DataSource dataSource, DataSource connections, List<String> secrets, LedgerTable table,
			MigrationListener listener, boolean createSchema) {
		LedgerTable flywayTable = this.baselineOnMigrate.flywayTable();
		BaselineOnMigrate baselining = Objects.equals(flywayTable.schema(), this.table.schema())
				? new BaselineOnMigrate(this.baselineOnMigrate.enabled(), this.baselineOnMigrate.version(),
						new LedgerTable(table.schema(), flywayTable.name()))
				: this.baselineOnMigrate;
		MigrationLock lock = this.dialect.lock(connections, table);
		if (createSchema && table.schema() != null) {
			lock = new SchemaCreatingLock(lock, this.connections, this.dialect, table.schema());
		}
		return new RunnerSettings(dataSource, connections, secrets, this.dialect, table,
				new SqlMigrationLedger(this.dialect, table), true, lock, this.descriptors, listener, this.lockTimeout,
				this.transactionMode, this.outOfOrder, this.validateOnApply, this.allowDestructive, this.shadow,
				this.verification, this.squashes, this.target, baselining, this.connecting);
	}

}
