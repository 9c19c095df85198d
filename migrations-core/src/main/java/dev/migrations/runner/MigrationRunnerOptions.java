package dev.migrations.runner;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.migrations.LedgerTable;
import dev.migrations.MigrationId;
import dev.migrations.source.Placeholders;
import org.jspecify.annotations.Nullable;

/**
 * The options of a {@link MigrationRunner} of how connections are opened and SQL files
 * read, and of adopting a database that Flyway or nothing migrated: placeholders, a
 * target, init SQL, connect retries, schema creation and baseline-on-migrate. Inherited
 * by {@link MigrationRunner.Builder}, the type users name, through
 * {@link MigrationRunnerBuilder}: each option returns that builder. Not thread-safe.
 *
 * @param <B> the type each option returns, {@link MigrationRunner.Builder}
 */
public abstract sealed class MigrationRunnerOptions<B extends MigrationRunnerOptions<B>>
		permits MigrationRunnerBuilder {

	/** The default longest wait between two attempts to connect. */
	public static final Duration DEFAULT_CONNECT_RETRIES_INTERVAL = Duration.ofSeconds(120);

	/** The default name of Flyway's history table, read by baseline-on-migrate. */
	public static final String DEFAULT_FLYWAY_TABLE = "flyway_schema_history";

	private Map<String, String> placeholders = Map.of();

	private boolean placeholderReplacement = true;

	private @Nullable MigrationId target;

	private List<String> initSqls = List.of();

	private int connectRetries;

	private Duration connectRetriesInterval = DEFAULT_CONNECT_RETRIES_INTERVAL;

	private boolean createSchemas;

	private boolean baselineOnMigrate;

	private @Nullable MigrationId baselineVersion;

	private LedgerTable flywayTable = new LedgerTable(null, DEFAULT_FLYWAY_TABLE);

	MigrationRunnerOptions() {
	}

	/**
	 * Set the values of the {@code ${name}} placeholders of SQL migration files. A
	 * placeholder is replaced in each statement after the file is split, everywhere in it
	 * (string literals, dollar-quoted bodies and comments included); a placeholder
	 * without a value is an error naming the file. Checksums are computed over the file
	 * as written, so a value that differs per environment changes no checksum. The values
	 * of placeholders whose names hold {@code password}, {@code secret}, {@code token},
	 * {@code key} or {@code credential} are masked as
	 * {@link MigrationRunnerBuilder#secrets(Collection)} are.
	 * @param placeholders the value of each placeholder by name; a name is made of
	 * letters, digits, {@code _}, {@code .} and {@code -}
	 * @return this builder
	 * @throws MigrationDefinitionException if a name is not valid
	 * @see Placeholders
	 */
	public B placeholders(Map<String, String> placeholders) {
		this.placeholders = Map.copyOf(placeholders);
		if (!this.placeholders.isEmpty()) {
			Placeholders.of(this.placeholders);
		}
		return self();
	}

	/**
	 * Set whether {@code ${name}} placeholders in SQL migration files are replaced;
	 * default {@code true}. When off, every file runs as written; one file is run as
	 * written when one of its first lines is {@code -- migrations: no-placeholders}.
	 * @param placeholderReplacement whether to replace placeholders
	 * @return this builder
	 */
	public B placeholderReplacement(boolean placeholderReplacement) {
		this.placeholderReplacement = placeholderReplacement;
		return self();
	}

	/**
	 * Set the last migration an apply runs: pending migrations up to and including it are
	 * applied, newer ones stay pending (dry runs show the same). Default none: every
	 * pending migration.
	 * @param target the id of a migration a source defines
	 * @return this builder
	 * @throws MigrationDefinitionException from {@link MigrationRunnerBuilder#build()} if
	 * no source defines it
	 */
	public B target(@Nullable MigrationId target) {
		this.target = target;
		return self();
	}

	/**
	 * Set statements run on each connection the runner opens, before anything else, such
	 * as {@code SET ROLE migrator} or {@code SET lock_timeout = '5s'}: they are not
	 * recorded in the ledger, and each migration starts from the session they leave. On a
	 * pooled data source, what they set stays on the connection when it returns to the
	 * pool.
	 * @param initSqls the statements, run in order
	 * @return this builder
	 */
	public B initSqls(List<String> initSqls) {
		this.initSqls = List.copyOf(initSqls);
		return self();
	}

	/**
	 * Set how many times to try the first connection again while the database is not up
	 * yet; default 0. Each retry is logged, without credentials; the waits start at 1
	 * second and double up to {@link #connectRetriesInterval(Duration)}.
	 * @param connectRetries the number of retries, 0 or more
	 * @return this builder
	 */
	public B connectRetries(int connectRetries) {
		if (connectRetries < 0) {
			throw new IllegalArgumentException("connectRetries must be 0 or more, got " + connectRetries);
		}
		this.connectRetries = connectRetries;
		return self();
	}

	/**
	 * Set the longest wait between two attempts to connect; default 120 seconds.
	 * @param interval the longest wait
	 * @return this builder
	 */
	public B connectRetriesInterval(Duration interval) {
		Objects.requireNonNull(interval, "interval must not be null");
		if (interval.isNegative()) {
			throw new IllegalArgumentException("connectRetriesInterval must not be negative, got " + interval);
		}
		this.connectRetriesInterval = interval;
		return self();
	}

	/**
	 * Set whether a run that writes creates the ledger's schema when it does not exist
	 * (on MySQL and MariaDB, the database); default {@code false}: a misspelt schema is
	 * an error rather than a new, empty ledger that would run every migration again.
	 * @param createSchemas whether to create the schema
	 * @return this builder
	 * @see MigrationRunnerBuilder#table(String, String)
	 */
	public B createSchemas(boolean createSchemas) {
		this.createSchemas = createSchemas;
		return self();
	}

	/**
	 * Set whether an apply baselines a database that has tables but an empty ledger (or
	 * none) before applying anything; default {@code false}. A database that holds
	 * Flyway's history table is baselined at the migration whose
	 * {@link dev.migrations.Migration#flywayVersion() Flyway version} is the last one the
	 * history records; any other at the {@link #baselineVersion(MigrationId) baseline
	 * version}, which must then be set. Only the migrations after the baseline are
	 * applied. A database without tables is migrated from the first migration, and a
	 * ledger with rows is never baselined again.
	 * @param baselineOnMigrate whether to baseline on the first apply
	 * @return this builder
	 */
	public B baselineOnMigrate(boolean baselineOnMigrate) {
		this.baselineOnMigrate = baselineOnMigrate;
		return self();
	}

	/**
	 * Set the migration at which {@link #baselineOnMigrate(boolean) baseline-on-migrate}
	 * baselines a database that has tables, an empty ledger and no Flyway history: the
	 * newest migration such a database already has. A source must define it.
	 * @param baselineVersion the id, or {@code null} for none (the default)
	 * @return this builder
	 */
	public B baselineVersion(@Nullable MigrationId baselineVersion) {
		this.baselineVersion = baselineVersion;
		return self();
	}

	/**
	 * Set the name of Flyway's history table, which {@link #baselineOnMigrate(boolean)
	 * baseline-on-migrate} reads; default {@code flyway_schema_history}, in the ledger's
	 * schema.
	 * @param flywayTable the table, {@code name} or {@code schema.name}
	 * @return this builder
	 * @throws MigrationDefinitionException if the name is not a plain identifier
	 */
	public B flywayTable(String flywayTable) {
		this.flywayTable = LedgerTable.parse(flywayTable);
		return self();
	}

	/**
	 * Return the values of placeholders whose names say they are secret, which no message
	 * may carry.
	 */
	Collection<String> placeholderSecrets() {
		return this.placeholders.isEmpty() ? List.of()
				: replacedPlaceholders(this.placeholders, this.placeholderReplacement).secretValues();
	}

	/**
	 * Return the placeholders that SQL files are read with.
	 * @param placeholders the values of the placeholders
	 * @param replacement whether they are replaced
	 */
	static Placeholders replacedPlaceholders(Map<String, String> placeholders, boolean replacement) {
		return replacement ? Placeholders.of(placeholders) : Placeholders.disabled();
	}

	Map<String, String> placeholderValues() {
		return this.placeholders;
	}

	boolean replacesPlaceholders() {
		return this.placeholderReplacement;
	}

	/**
	 * Return how connections are opened as set: tried again while the database is not up
	 * yet, and the init SQL run on each.
	 */
	Connecting connecting() {
		return new Connecting(this.connectRetries, this.connectRetriesInterval, this.initSqls);
	}

	boolean createsSchemas() {
		return this.createSchemas;
	}

	@Nullable MigrationId targetId() {
		return this.target;
	}

	boolean baselinesOnMigrate() {
		return this.baselineOnMigrate;
	}

	@Nullable MigrationId baselineId() {
		return this.baselineVersion;
	}

	LedgerTable flywayHistoryTable() {
		return this.flywayTable;
	}

	/**
	 * Return this builder as the type its options return.
	 * @return this builder
	 */
	abstract B self();

}
