package dev.migrations.runner;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import dev.migrations.dialect.Dialect;
import org.jspecify.annotations.Nullable;

/**
 * Where the schema a database should have is built: an empty database of the same kind,
 * to which the migrations its ledger records are applied, and which is dropped (or
 * emptied) afterwards. Drift detection ({@link MigrationRunner#drift()}) and the check
 * after an apply ({@code verify}) compare the live database with it.
 * <p>
 * {@link #temporary()}, the default, creates one next to the live database: a new
 * database on the same server for PostgreSQL, MySQL and MariaDB (which needs the right to
 * create databases), a private in-memory database for H2 and a temporary file for SQLite.
 * {@link #of(String, String, String)} uses a database that already exists, for users
 * whose credentials cannot create one.
 */
public interface ShadowDatabase {

	/**
	 * Open an empty shadow database for a live one.
	 * @param live a connection to the live database, which the shadow's creation may use
	 * and leaves as it found it
	 * @param liveDataSource the live database's data source
	 * @param dialect the live database's dialect
	 * @return the shadow, to close once used
	 * @throws SQLException if it cannot be opened
	 */
	Shadow open(Connection live, DataSource liveDataSource, Dialect dialect) throws SQLException;

	/**
	 * Return the default: a temporary database next to the live one, reached with the
	 * live data source's own credentials where that data source names them (a
	 * {@link dev.migrations.JdbcUrlDataSource}), or else as the live connection's user
	 * without a password.
	 * @return the shadow database
	 */
	static ShadowDatabase temporary() {
		return new TemporaryShadow(null, null);
	}

	/**
	 * Return a temporary database next to the live one, reached as a given user: what a
	 * PostgreSQL shadow needs when the live data source is a pool that does not tell its
	 * password.
	 * @param user the user, or {@code null} for the live connection's
	 * @param password the password, or {@code null}
	 * @return the shadow database
	 */
	static ShadowDatabase temporary(@Nullable String user, @Nullable String password) {
		return new TemporaryShadow(user, password);
	}

	/**
	 * Return a database that exists and is empty, of the same kind as the live one,
	 * dedicated to this use: it is refused unless empty, and everything in it is dropped
	 * after each use.
	 * @param url its JDBC URL
	 * @param user the user, or {@code null}
	 * @param password the password, or {@code null}
	 * @return the shadow database
	 */
	static ShadowDatabase of(String url, @Nullable String user, @Nullable String password) {
		return new ExistingShadow(url, user, password);
	}

	/**
	 * An open shadow database, dropped or emptied on {@link #close()}.
	 */
	interface Shadow extends AutoCloseable {

		/**
		 * Return the shadow's data source.
		 * @return the data source
		 */
		DataSource dataSource();

		/**
		 * Return what the shadow is, for messages: {@code temporary database
		 * migrations_shadow_1f2e3d4c on the same server}.
		 * @return the description
		 */
		String description();

		/**
		 * Drop the shadow database, or empty it.
		 * @throws SQLException if that fails
		 */
		@Override
		void close() throws SQLException;

	}

}
