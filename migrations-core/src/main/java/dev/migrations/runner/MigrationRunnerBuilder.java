package dev.migrations.runner;

import java.nio.charset.Charset;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import javax.sql.DataSource;

import dev.migrations.LedgerTable;
import dev.migrations.MigrationEntry;
import dev.migrations.MigrationListener;
import dev.migrations.OutOfOrder;
import dev.migrations.TransactionMode;
import dev.migrations.Verification;
import dev.migrations.dialect.Dialect;
import dev.migrations.internal.MaskingDataSource;
import dev.migrations.ledger.MigrationLedger;
import dev.migrations.ledger.SqlMigrationLedger;
import dev.migrations.lock.MigrationLock;
import dev.migrations.source.JavaMigrationSource;
import dev.migrations.source.MigrationIndex;
import dev.migrations.source.SqlMigrationSource;
import org.jspecify.annotations.Nullable;

/**
 * The options of a {@link MigrationRunner} and the step that builds it, inherited by
 * {@link MigrationRunner.Builder}, the type users name: each option returns that builder.
 * The options of connections, placeholders, the target and baseline-on-migrate are those
 * of {@link MigrationRunnerOptions}. Not thread-safe.
 *
 * @param <B> the type each option returns, {@link MigrationRunner.Builder}
 */
public abstract sealed class MigrationRunnerBuilder<B extends MigrationRunnerBuilder<B>>
		extends MigrationRunnerOptions<B> permits MigrationRunner.Builder {

	private final DataSource dataSource;

	private @Nullable Dialect dialect;

	private List<String> locations = List.of(SqlMigrationSource.DEFAULT_LOCATION);

	private final List<MigrationEntry> entries = new ArrayList<>();

	private List<String> javaPackages = List.of();

	private JavaMigrationSource.@Nullable Factory javaMigrationFactory;

	private LedgerTable table = new LedgerTable(null, LedgerTable.DEFAULT_NAME);

	private @Nullable MigrationLedger ledger;

	private @Nullable Function<DataSource, MigrationLock> lock;

	private Duration lockTimeout = MigrationRunner.DEFAULT_LOCK_TIMEOUT;

	private TransactionMode transactionMode = MigrationRunner.DEFAULT_TRANSACTION_MODE;

	private OutOfOrder outOfOrder = MigrationRunner.DEFAULT_OUT_OF_ORDER;

	private boolean validateOnApply = MigrationRunner.DEFAULT_VALIDATE_ON_APPLY;

	private boolean allowDestructive = MigrationRunner.DEFAULT_ALLOW_DESTRUCTIVE;

	private final List<MigrationListener> listeners = new ArrayList<>();

	private ClassLoader classLoader = Thread.currentThread().getContextClassLoader();

	private Charset encoding = MigrationRunner.DEFAULT_ENCODING;

	private final List<String> secrets = new ArrayList<>();

	private @Nullable ShadowDatabase shadow;

	private Verification verification = Verification.OFF;

	private @Nullable MigrationIndex index;

	MigrationRunnerBuilder(DataSource dataSource) {
		this.dataSource = Objects.requireNonNull(dataSource, "dataSource must not be null");
	}

	/**
	 * Set the locations of SQL migrations, whose packages are also scanned for Java
	 * migrations; default {@code classpath:db/migrations}. A location may hold
	 * {@code {vendor}} or {@code {database}}, replaced by the name of the database's
	 * dialect, as in {@code classpath:db/migrations/{vendor}}.
	 * @param locations {@code classpath:} or {@code filesystem:} locations
	 * @return this builder
	 */
	public B locations(String... locations) {
		this.locations = List.of(locations);
		return self();
	}

	/**
	 * Set the locations of SQL migrations, whose packages are also scanned for Java
	 * migrations; default {@code classpath:db/migrations}. A location may hold
	 * {@code {vendor}} or {@code {database}}, replaced by the name of the database's
	 * dialect, as in {@code classpath:db/migrations/{vendor}}.
	 * @param locations {@code classpath:} or {@code filesystem:} locations
	 * @return this builder
	 */
	public B locations(List<String> locations) {
		this.locations = List.copyOf(locations);
		return self();
	}

	/**
	 * Use an index of the SQL migrations built with the application (see
	 * {@link MigrationIndex}): the locations it lists are neither listed nor read when
	 * the runner is built, their checksums come from the index, and a script is read only
	 * when its migration runs. Locations it does not list are read as without it.
	 * @param index the index, such as {@code MigrationIndex.find(classLoader)}, or
	 * {@code null} for none
	 * @return this builder
	 */
	public B index(@Nullable MigrationIndex index) {
		this.index = index;
		return self();
	}

	/**
	 * Add migrations defined in Java.
	 * @param entries the entries
	 * @return this builder
	 */
	public B entries(MigrationEntry... entries) {
		return entries(Arrays.asList(entries));
	}

	/**
	 * Add migrations defined in Java.
	 * @param entries the entries
	 * @return this builder
	 */
	public B entries(Collection<MigrationEntry> entries) {
		this.entries.addAll(entries);
		return self();
	}

	/**
	 * Set packages to scan for Java migrations besides those the {@code classpath:}
	 * locations name ({@code classpath:db/migrations} names {@code db.migrations}); see
	 * {@link JavaMigrationSource} for which classes are found and how their ids are read.
	 * @param packages package names, such as {@code com.example.migrations}
	 * @return this builder
	 */
	public B javaPackages(List<String> packages) {
		this.javaPackages = List.copyOf(packages);
		return self();
	}

	/**
	 * Set how a Java migration class found by scanning becomes an entry; default its id
	 * from {@link JavaMigrationSource#idOf(Class)} and an instance from its constructor
	 * without parameters. A class whose instance is among the {@link #entries} is not
	 * found a second time.
	 * @param factory the factory
	 * @return this builder
	 */
	public B javaMigrationFactory(JavaMigrationSource.Factory factory) {
		this.javaMigrationFactory = Objects.requireNonNull(factory, "factory must not be null");
		return self();
	}

	/**
	 * Set the ledger table; default {@code migrations_ledger}.
	 * @param table the table, {@code name} or {@code schema.name}
	 * @return this builder
	 * @throws MigrationDefinitionException if the name is not a plain identifier
	 */
	public B table(String table) {
		this.table = LedgerTable.parse(table);
		return self();
	}

	/**
	 * Set the ledger table and the schema it lives in.
	 * @param schema the schema, or {@code null} for the connection's current schema
	 * @param table the table name
	 * @return this builder
	 * @throws MigrationDefinitionException if a name is not a plain identifier
	 */
	public B table(@Nullable String schema, String table) {
		this.table = new LedgerTable(schema, table);
		return self();
	}

	/**
	 * Use a dialect instead of detecting it.
	 * @param dialect the dialect
	 * @return this builder
	 */
	public B dialect(Dialect dialect) {
		this.dialect = dialect;
		return self();
	}

	/**
	 * Use a ledger other than the default {@link SqlMigrationLedger}.
	 * @param ledger the ledger
	 * @return this builder
	 */
	public B ledger(MigrationLedger ledger) {
		this.ledger = ledger;
		return self();
	}

	/**
	 * Use a lock other than the dialect's.
	 * @param lock the lock
	 * @return this builder
	 */
	public B lock(MigrationLock lock) {
		this.lock = (connections) -> lock;
		return self();
	}

	/**
	 * Use a lock other than the dialect's, made on the connections the runner opens: with
	 * the {@link #initSqls(List) init SQL} run on its session and the
	 * {@link #connectRetries(int) connect retries} of every other connection.
	 * @param lock makes the lock from the runner's connections
	 * @return this builder
	 */
	public B lockOnConnections(Function<DataSource, MigrationLock> lock) {
		this.lock = lock;
		return self();
	}

	/**
	 * Set how long to wait for another runner's lock; default 5 minutes.
	 * @param lockTimeout the timeout
	 * @return this builder
	 */
	public B lockTimeout(Duration lockTimeout) {
		this.lockTimeout = Objects.requireNonNull(lockTimeout, "lockTimeout must not be null");
		return self();
	}

	/**
	 * Set how migrations are grouped into transactions; default
	 * {@link TransactionMode#PER_MIGRATION}.
	 * @param transactionMode the mode
	 * @return this builder
	 */
	public B transactionMode(TransactionMode transactionMode) {
		this.transactionMode = Objects.requireNonNull(transactionMode, "transactionMode must not be null");
		return self();
	}

	/**
	 * Set what to do with out-of-order migrations; default {@link OutOfOrder#APPLY}.
	 * @param outOfOrder the handling
	 * @return this builder
	 */
	public B outOfOrder(OutOfOrder outOfOrder) {
		this.outOfOrder = Objects.requireNonNull(outOfOrder, "outOfOrder must not be null");
		return self();
	}

	/**
	 * Set whether edited applied migrations stop {@link MigrationRunner#applyAll()};
	 * default {@code true}. Failed and interrupted migrations always stop it.
	 * @param validateOnApply whether to validate checksums
	 * @return this builder
	 */
	public B validateOnApply(boolean validateOnApply) {
		this.validateOnApply = validateOnApply;
		return self();
	}

	/**
	 * Set whether {@link MigrationRunner#applyAll()} applies pending migrations that
	 * would destroy data the database holds (drop a table or a column of a table that
	 * holds rows, narrow the type of a column of such a table) without being marked
	 * destructive; default {@code false}: such a run is refused with a
	 * {@link dev.migrations.DestructiveMigrationException} before anything is applied.
	 * @param allowDestructive whether to allow destructive changes
	 * @return this builder
	 * @see dev.migrations.Migration#destructive()
	 */
	public B allowDestructive(boolean allowDestructive) {
		this.allowDestructive = allowDestructive;
		return self();
	}

	/**
	 * Add a listener.
	 * @param listener the listener
	 * @return this builder
	 */
	public B listener(MigrationListener listener) {
		this.listeners.add(Objects.requireNonNull(listener, "listener must not be null"));
		return self();
	}

	/**
	 * Set the encoding of SQL migration files; default UTF-8. A file that is not valid in
	 * it is an error naming the file and the byte offset.
	 * @param encoding the encoding
	 * @return this builder
	 */
	public B encoding(Charset encoding) {
		this.encoding = Objects.requireNonNull(encoding, "encoding must not be null");
		return self();
	}

	/**
	 * Set the class loader for classpath locations; default the thread context class
	 * loader.
	 * @param classLoader the class loader
	 * @return this builder
	 */
	public B classLoader(ClassLoader classLoader) {
		this.classLoader = Objects.requireNonNull(classLoader, "classLoader must not be null");
		return self();
	}

	/**
	 * Add values that no message of the runner may carry, such as the database password:
	 * they are masked, where each stands as a whole token, in the errors the runner
	 * throws (the database's own errors among them, with their causes), and in the error
	 * it records for a {@code FAILED} migration and reads back. The passwords that a JDBC
	 * URL carries ({@code password=...}, {@code //user:password@host}) are masked there
	 * whether or not they are added.
	 * @param secrets the values; {@code null} and empty ones are left out
	 * @return this builder
	 */
	public B secrets(Collection<String> secrets) {
		secrets.stream().filter((secret) -> secret != null && !secret.isEmpty()).forEach(this.secrets::add);
		return self();
	}

	/**
	 * Set where the schema the applied migrations build is replayed, for drift detection
	 * and verification (default {@link ShadowDatabase#temporary()}).
	 * @param shadow the shadow database
	 * @return this builder
	 */
	public B shadow(ShadowDatabase shadow) {
		this.shadow = Objects.requireNonNull(shadow, "shadow must not be null");
		return self();
	}

	/**
	 * Set what an apply does after applying: compare the database with the schema its
	 * migrations build on the shadow database, and warn or fail when they differ (default
	 * {@link Verification#OFF}).
	 * @param verification the verification
	 * @return this builder
	 */
	public B verify(Verification verification) {
		this.verification = Objects.requireNonNull(verification, "verification must not be null");
		return self();
	}

	/**
	 * Build the runner: detect the dialect (unless set), load SQL migrations, the Java
	 * migrations found by scanning and the squashes written for the dialect, and check
	 * every migration. With an index and nothing but the SQL migrations it lists, this is
	 * left to the runner's first use: an apply that finds every migration applied in one
	 * read of the ledger ends without it (see {@link #index(MigrationIndex)}).
	 * @return the runner
	 * @throws MigrationDefinitionException if a migration is malformed or duplicated;
	 * when building is left to the first use, that use throws it
	 */
	public MigrationRunner build() {
		List<String> secrets = new ArrayList<>(this.secrets);
		secrets.addAll(placeholderSecrets());
		Connecting connecting = connecting();
		DataSource connections = new MaskingDataSource(connecting.open(this.dataSource, secrets), secrets);
		RunnerDefinition definition = definition(connections, List.copyOf(secrets), connecting);
		IndexedUpToDate indexed = indexedUpToDate(definition);
		return (indexed != null) ? new MigrationRunner(definition, indexed) : new MigrationRunner(definition.get());
	}

	/**
	 * Return the runner as the builder is set now, however it changes later.
	 */
	private RunnerDefinition definition(DataSource connections, List<String> secrets, Connecting connecting) {
		return new RunnerDefinition(this.dataSource, connections, secrets, connecting, this.dialect, this.locations,
				List.copyOf(this.entries), this.javaPackages, this.javaMigrationFactory, this.classLoader,
				this.encoding, this.index, placeholderValues(), replacesPlaceholders(), this.table, this.ledger,
				this.lock, createsSchemas(), List.copyOf(this.listeners), this.lockTimeout, this.transactionMode,
				this.outOfOrder, this.validateOnApply, this.allowDestructive, this.shadow, this.verification,
				targetId(), baselinesOnMigrate(), baselineId(), flywayHistoryTable());
	}

	/**
	 * Return the check that ends an apply with nothing to do from the index alone, when
	 * the runner has nothing but the SQL migrations the index lists and an apply that
	 * finds them all applied would end before the lock, or {@code null}.
	 */
	private static @Nullable IndexedUpToDate indexedUpToDate(RunnerDefinition definition) {
		MigrationIndex index = definition.usableIndex();
		boolean onlyIndexed = definition.entries().isEmpty() && definition.javaPackages().isEmpty()
				&& definition.ledger() == null;
		boolean endsBeforeLock = definition.verification() == Verification.OFF
				&& !(definition.createSchemas() && definition.table().schema() != null);
		if (index == null || !onlyIndexed || !endsBeforeLock) {
			return null;
		}
		return new IndexedUpToDate(definition.connections(), index, definition.locations(), definition.table(),
				definition.dialect());
	}

}
