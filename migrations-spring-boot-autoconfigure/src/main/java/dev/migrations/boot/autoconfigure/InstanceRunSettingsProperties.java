package dev.migrations.boot.autoconfigure;

import java.nio.charset.Charset;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.convert.Delimiter;
import org.springframework.boot.convert.DurationUnit;

/**
 * The {@code migrations.instances.<name>.*} properties of how SQL files are read and
 * connections opened, and of baseline-on-migrate. Part of
 * {@link MigrationsProperties.Instance}: each one left unset takes the top-level value,
 * except 'target' and 'driver-class-name', which belong to one database. Not thread-safe.
 */
public abstract class InstanceRunSettingsProperties {

	/**
	 * Encoding of this instance's SQL migration files.
	 */
	private @Nullable Charset encoding;

	/**
	 * Values of the '${name}' placeholders in this instance's SQL files, added to the
	 * top-level 'migrations.placeholders' (a name in both takes this value).
	 */
	private @Nullable Map<String, String> placeholders;

	/**
	 * Whether to replace '${name}' placeholders in this instance's SQL files.
	 */
	private @Nullable Boolean placeholderReplacement;

	/**
	 * Id of the last migration of this instance to apply. Not inherited.
	 */
	private @Nullable String target;

	/**
	 * SQL statements run on each connection opened for migrating this instance. A value
	 * is one statement, commas included.
	 */
	@Delimiter(Delimiter.NONE)
	private @Nullable List<String> initSqls;

	/**
	 * How many times to try this instance's first connection again.
	 */
	private @Nullable Integer connectRetries;

	/**
	 * Longest wait between two attempts to connect to this instance. A number without a
	 * unit is seconds.
	 */
	@DurationUnit(ChronoUnit.SECONDS)
	private @Nullable Duration connectRetriesInterval;

	/**
	 * Whether to create this instance's ledger schema when it does not exist.
	 */
	private @Nullable Boolean createSchemas;

	/**
	 * Fully qualified name of the JDBC driver of this instance's 'url'. Not inherited.
	 */
	private @Nullable String driverClassName;

	/**
	 * Whether the first run on a database that has tables but an empty ledger baselines
	 * it before applying.
	 */
	private @Nullable Boolean baselineOnMigrate;

	/**
	 * Id of the newest migration a database without a Flyway history already has.
	 */
	private @Nullable String baselineVersion;

	public @Nullable Charset getEncoding() {
		return this.encoding;
	}

	public void setEncoding(@Nullable Charset encoding) {
		this.encoding = encoding;
	}

	public @Nullable Map<String, String> getPlaceholders() {
		return this.placeholders;
	}

	public void setPlaceholders(@Nullable Map<String, String> placeholders) {
		this.placeholders = placeholders;
	}

	public @Nullable Boolean getPlaceholderReplacement() {
		return this.placeholderReplacement;
	}

	public void setPlaceholderReplacement(@Nullable Boolean placeholderReplacement) {
		this.placeholderReplacement = placeholderReplacement;
	}

	public @Nullable String getTarget() {
		return this.target;
	}

	public void setTarget(@Nullable String target) {
		this.target = target;
	}

	public @Nullable List<String> getInitSqls() {
		return this.initSqls;
	}

	public void setInitSqls(@Nullable List<String> initSqls) {
		this.initSqls = initSqls;
	}

	public @Nullable Integer getConnectRetries() {
		return this.connectRetries;
	}

	public void setConnectRetries(@Nullable Integer connectRetries) {
		this.connectRetries = connectRetries;
	}

	public @Nullable Duration getConnectRetriesInterval() {
		return this.connectRetriesInterval;
	}

	public void setConnectRetriesInterval(@Nullable Duration connectRetriesInterval) {
		this.connectRetriesInterval = connectRetriesInterval;
	}

	public @Nullable Boolean getCreateSchemas() {
		return this.createSchemas;
	}

	public void setCreateSchemas(@Nullable Boolean createSchemas) {
		this.createSchemas = createSchemas;
	}

	public @Nullable String getDriverClassName() {
		return this.driverClassName;
	}

	public void setDriverClassName(@Nullable String driverClassName) {
		this.driverClassName = driverClassName;
	}

	public @Nullable Boolean getBaselineOnMigrate() {
		return this.baselineOnMigrate;
	}

	public void setBaselineOnMigrate(@Nullable Boolean baselineOnMigrate) {
		this.baselineOnMigrate = baselineOnMigrate;
	}

	public @Nullable String getBaselineVersion() {
		return this.baselineVersion;
	}

	public void setBaselineVersion(@Nullable String baselineVersion) {
		this.baselineVersion = baselineVersion;
	}

}
