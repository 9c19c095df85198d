package dev.migrations.boot.autoconfigure;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.convert.Delimiter;
import org.springframework.boot.convert.DurationUnit;

/**
 * The {@code migrations.*} properties of how SQL files are read and connections opened:
 * placeholders, a target, init SQL, connect retries, schema creation and the driver of
 * {@code migrations.url}; and of adopting a database that Flyway or nothing migrated:
 * baseline-on-migrate. Part of {@link MigrationsProperties}; not thread-safe.
 */
public abstract class RunSettingsProperties {

	/**
	 * Values of the '${name}' placeholders in SQL migration files, by name (letters,
	 * digits, '_', '.', '-'). Replaced in each statement, string literals and
	 * dollar-quoted bodies included; checksums are over the file as written, so values
	 * may differ per environment. A placeholder without a value fails startup naming the
	 * file.
	 */
	private Map<String, String> placeholders = new LinkedHashMap<>();

	/**
	 * Whether to replace '${name}' placeholders in SQL migration files. When false, every
	 * file runs as written.
	 */
	private boolean placeholderReplacement = true;

	/**
	 * Id of the last migration to apply, such as '20240102000000_add_orders': newer
	 * pending migrations stay pending. An id no location defines fails startup.
	 */
	private @Nullable String target;

	/**
	 * SQL statements run on each connection opened for migrating, before anything else,
	 * such as 'SET ROLE migrator' or 'SET lock_timeout = ''5s'''. Not recorded in the
	 * ledger; each migration starts from the session they leave. With the application's
	 * pooled DataSource, what they set stays on the pooled connection: prefer
	 * 'migrations.url'. A value is one statement, commas included; several are listed by
	 * index ('migrations.init-sqls[1]') or as a YAML list.
	 */
	@Delimiter(Delimiter.NONE)
	private List<String> initSqls = new ArrayList<>();

	/**
	 * How many times to try the first connection again while the database is not up yet.
	 * Each retry is logged, without credentials.
	 */
	private int connectRetries;

	/**
	 * Longest wait between two attempts to connect; the waits start at 1 second and
	 * double. A number without a unit is seconds, as Flyway's is.
	 */
	@DurationUnit(ChronoUnit.SECONDS)
	private Duration connectRetriesInterval = Duration.ofSeconds(120);

	/**
	 * Whether to create 'migrations.schema' when it does not exist (on MySQL and MariaDB,
	 * a database). Off by default: a misspelt schema would otherwise get a new, empty
	 * ledger and every migration would run again.
	 */
	private boolean createSchemas;

	/**
	 * Fully qualified name of the JDBC driver of 'migrations.url'. By default the driver
	 * Spring Boot knows for the URL, or the one that accepts it.
	 */
	private @Nullable String driverClassName;

	/**
	 * Whether the first run on a database that has tables but an empty ledger baselines
	 * it before applying: at the migration whose '-- flyway: V<version>' header matches
	 * the last version a Flyway history table records, or else at 'baseline-version'.
	 */
	private boolean baselineOnMigrate;

	/**
	 * Id of the newest migration a database without a Flyway history already has, where
	 * 'baseline-on-migrate' baselines it.
	 */
	private @Nullable String baselineVersion;

	/**
	 * Name of Flyway's history table that 'baseline-on-migrate' reads, 'name' or
	 * 'schema.name'; in the ledger's schema when it names none.
	 */
	private String baselineFlywayTable = "flyway_schema_history";

	public Map<String, String> getPlaceholders() {
		return this.placeholders;
	}

	public void setPlaceholders(Map<String, String> placeholders) {
		this.placeholders = placeholders;
	}

	public boolean isPlaceholderReplacement() {
		return this.placeholderReplacement;
	}

	public void setPlaceholderReplacement(boolean placeholderReplacement) {
		this.placeholderReplacement = placeholderReplacement;
	}

	public @Nullable String getTarget() {
		return this.target;
	}

	public void setTarget(@Nullable String target) {
		this.target = target;
	}

	public List<String> getInitSqls() {
		return this.initSqls;
	}

	public void setInitSqls(List<String> initSqls) {
		this.initSqls = initSqls;
	}

	public int getConnectRetries() {
		return this.connectRetries;
	}

	public void setConnectRetries(int connectRetries) {
		this.connectRetries = connectRetries;
	}

	public Duration getConnectRetriesInterval() {
		return this.connectRetriesInterval;
	}

	public void setConnectRetriesInterval(Duration connectRetriesInterval) {
		this.connectRetriesInterval = connectRetriesInterval;
	}

	public boolean isCreateSchemas() {
		return this.createSchemas;
	}

	public void setCreateSchemas(boolean createSchemas) {
		this.createSchemas = createSchemas;
	}

	public @Nullable String getDriverClassName() {
		return this.driverClassName;
	}

	public void setDriverClassName(@Nullable String driverClassName) {
		this.driverClassName = driverClassName;
	}

	public boolean isBaselineOnMigrate() {
		return this.baselineOnMigrate;
	}

	public void setBaselineOnMigrate(boolean baselineOnMigrate) {
		this.baselineOnMigrate = baselineOnMigrate;
	}

	public @Nullable String getBaselineVersion() {
		return this.baselineVersion;
	}

	public void setBaselineVersion(@Nullable String baselineVersion) {
		this.baselineVersion = baselineVersion;
	}

	public String getBaselineFlywayTable() {
		return this.baselineFlywayTable;
	}

	public void setBaselineFlywayTable(String baselineFlywayTable) {
		this.baselineFlywayTable = baselineFlywayTable;
	}

}
