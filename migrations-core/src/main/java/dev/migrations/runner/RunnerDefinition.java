package dev.migrations.runner;

import java.nio.charset.Charset;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import javax.sql.DataSource;

import dev.migrations.LedgerTable;
import dev.migrations.MigrationEntry;
import dev.migrations.MigrationId;
import dev.migrations.MigrationListener;
import dev.migrations.OutOfOrder;
import dev.migrations.TransactionMode;
import dev.migrations.Verification;
import dev.migrations.dialect.Dialect;
import dev.migrations.ledger.MigrationLedger;
import dev.migrations.lock.MigrationLock;
import dev.migrations.source.JavaMigrationSource;
import dev.migrations.source.MigrationIndex;
import org.jspecify.annotations.Nullable;

/**
 * A runner as its builder was set when it was built, before anything is read: what
 * {@link RunnerSettings#resolve(RunnerDefinition)} turns into the runner's settings on
 * its first use. A type apart from the builder and the settings, so that a start the
 * index ends loads neither the code that resolves them nor the types that code names.
 * Immutable.
 *
 * @param dataSource the database to migrate, as the user gave it
 * @param connections the data source through which the runner opens its connections
 * @param secrets values that no message of the runner may carry
 * @param connecting how connections are opened
 * @param dialect the dialect set, or {@code null} to detect it
 * @param locations the locations of SQL migrations, as configured
 * @param entries the migrations added one by one
 * @param javaPackages further packages scanned for Java migrations
 * @param javaMigrationFactory what makes the Java migrations found, or {@code null} for
 * their no-argument constructors
 * @param classLoader the class loader for class path locations and Java migrations
 * @param encoding the encoding of SQL migration files
 * @param index the build-time index, or {@code null}
 * @param placeholders the values of {@code ${name}} placeholders
 * @param placeholderReplacement whether placeholders are replaced
 * @param table the ledger table
 * @param ledger the ledger set, or {@code null} for the SQL ledger of the table
 * @param lock what makes the lock set, or {@code null} for the dialect's
 * @param createSchemas whether the lock creates the ledger's schema first
 * @param listeners the listeners, in order
 * @param lockTimeout how long to wait for another runner's lock
 * @param transactionMode how migrations are grouped into transactions
 * @param outOfOrder what to do with out-of-order migrations
 * @param validateOnApply whether edited applied migrations stop an apply
 * @param allowDestructive whether migrations that destroy data apply unmarked
 * @param shadow where the schema is replayed, or {@code null} for a temporary database
 * @param verification what an apply does after applying
 * @param target the last migration an apply runs, or {@code null} for the newest
 * @param baselineOnMigrate whether an apply baselines a database with tables and an empty
 * ledger
 * @param baselineVersion where it baselines without a Flyway history, or {@code null}
 * @param flywayTable Flyway's history table, in the ledger's schema when it names none
 */
record RunnerDefinition(DataSource dataSource, DataSource connections, List<String> secrets, Connecting connecting,
		@Nullable Dialect dialect, List<String> locations, List<MigrationEntry> entries, List<String> javaPackages,
		JavaMigrationSource.@Nullable Factory javaMigrationFactory, ClassLoader classLoader, Charset encoding,
		@Nullable MigrationIndex index, Map<String, String> placeholders, boolean placeholderReplacement,
		LedgerTable table, @Nullable MigrationLedger ledger, @Nullable Function<DataSource, MigrationLock> lock,
		boolean createSchemas, List<MigrationListener> listeners, Duration lockTimeout, TransactionMode transactionMode,
		OutOfOrder outOfOrder, boolean validateOnApply, boolean allowDestructive, @Nullable ShadowDatabase shadow,
		Verification verification, @Nullable MigrationId target, boolean baselineOnMigrate,
		@Nullable MigrationId baselineVersion, LedgerTable flywayTable) implements Supplier<RunnerSettings> {

	/**
	 * Resolve the settings: detect the dialect, load and check the migrations.
	 * @return the settings
	 * @throws MigrationDefinitionException if a migration is malformed or duplicated
	 */
	@Override
	public RunnerSettings get() {
		return RunnerSettings.resolve(this);
	}

	/**
	 * Return the index the SQL migrations are read from: the one given, if it was built
	 * for the encoding.
	 * @return the index, or {@code null}
	 */
	@Nullable MigrationIndex usableIndex() {
		MigrationIndex index = this.index;
		return (index != null && index.encoding().equals(this.encoding)) ? index : null;
	}

}
