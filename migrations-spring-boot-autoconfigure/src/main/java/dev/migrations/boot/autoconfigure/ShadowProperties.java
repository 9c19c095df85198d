package dev.migrations.boot.autoconfigure;

import dev.migrations.Verification;
import org.jspecify.annotations.Nullable;

/**
 * The {@code migrations.*} properties of comparing the database with the schema its
 * migrations build on a shadow database: 'verify' and the shadow database's connection.
 * Part of {@link MigrationsProperties}; not thread-safe.
 */
public abstract class ShadowProperties extends RunSettingsProperties {

	/**
	 * What a run does after applying: compare the database with the schema its migrations
	 * build on a shadow database, and log each difference ('warn') or fail startup
	 * ('fail'). Replays every applied migration on each start; 'off' by default.
	 */
	private Verification verify = Verification.OFF;

	/**
	 * JDBC URL of an empty database used for nothing else, in which the drift check and
	 * 'verify' replay the migrations; everything in it is dropped after each use. When
	 * not set, a temporary database is created and dropped on the same server (in memory
	 * for H2, a temporary file for SQLite), which needs the right to create databases.
	 */
	private @Nullable String shadowUrl;

	/**
	 * Login user of the shadow database. For the temporary one, defaults to the user of
	 * the database to migrate.
	 */
	private @Nullable String shadowUser;

	/**
	 * Login password of the shadow database. For the temporary one, defaults to the
	 * password of the database to migrate.
	 */
	private @Nullable String shadowPassword;

	public Verification getVerify() {
		return this.verify;
	}

	public void setVerify(Verification verify) {
		this.verify = verify;
	}

	public @Nullable String getShadowUrl() {
		return this.shadowUrl;
	}

	public void setShadowUrl(@Nullable String shadowUrl) {
		this.shadowUrl = shadowUrl;
	}

	public @Nullable String getShadowUser() {
		return this.shadowUser;
	}

	public void setShadowUser(@Nullable String shadowUser) {
		this.shadowUser = shadowUser;
	}

	public @Nullable String getShadowPassword() {
		return this.shadowPassword;
	}

	public void setShadowPassword(@Nullable String shadowPassword) {
		this.shadowPassword = shadowPassword;
	}

}
