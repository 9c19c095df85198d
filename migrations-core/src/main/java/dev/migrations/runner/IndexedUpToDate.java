package dev.migrations.runner;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import dev.migrations.LedgerTable;
import dev.migrations.MigrationResult;
import dev.migrations.dialect.Dialect;
import dev.migrations.dialect.Dialects;
import dev.migrations.internal.Jdbc;
import dev.migrations.source.MigrationIndex;
import org.jspecify.annotations.Nullable;

/**
 * Ends an apply that has nothing to do from the build-time index alone, before the runner
 * loads its migrations: one read of the ledger, without the lock, that finds every
 * migration the index lists applied with the checksum it lists, and no other row. Any
 * other answer (a row that is not applied, a pending or edited migration, a row no source
 * defines, a missing ledger or one of an older layout, a database error) leaves the apply
 * to the runner, which reads the ledger again and decides as without the index. It
 * answers as {@link UpToDate} does, from less: the runner is built only when this check
 * does not end the apply. Thread-safe.
 */
final class IndexedUpToDate {

	private final DataSource connections;

	private final MigrationIndex index;

	private final List<String> locations;

	private final LedgerTable table;

	private final @Nullable Dialect dialect;

	/**
	 * Create the check.
	 * @param connections the runner's connections
	 * @param index the index, built for the encoding the runner reads scripts in
	 * @param locations the runner's locations, as configured
	 * @param table the ledger table
	 * @param dialect the dialect the runner was given, or {@code null} to detect it only
	 * when the index or the ledger's name needs it
	 */
	IndexedUpToDate(DataSource connections, MigrationIndex index, List<String> locations, LedgerTable table,
			@Nullable Dialect dialect) {
		this.connections = connections;
		this.index = index;
		this.locations = locations;
		this.table = table;
		this.dialect = dialect;
	}

	/**
	 * Tell from the index and one read of the ledger that an apply has nothing to do, and
	 * end it as the runner ends one.
	 * @return the empty result, or empty when the runner must decide
	 */
	Optional<MigrationResult> withoutLoading() {
		Dialect known = this.dialect;
		Map<String, String> checksums = this.index.checksums(this.locations, (known != null) ? known.name() : null);
		String ledger = (known != null) ? known.qualify(this.table) : unquotedName();
		if (known == null && (checksums == null || ledger == null)) {
			known = Dialects.detect(this.connections);
			checksums = this.index.checksums(this.locations, known.name());
			ledger = known.qualify(this.table);
		}
		if (checksums == null || checksums.isEmpty() || ledger == null) {
			return Optional.empty();
		}
		String newest;
		// Written without a lambda, whose linking a cold start would pay for
		try (Connection connection = Jdbc.open(this.connections)) {
			if (!connection.getAutoCommit()) {
				connection.setAutoCommit(true);
			}
			if (known == null && !reportsRejectedStatementsOnlyByThrowing(connection)) {
				// Which database it is, from its driver's metadata, without a query
				DatabaseMetaData metaData = connection.getMetaData();
				known = Dialects.forProduct(metaData.getDatabaseProductName(), metaData.getDatabaseProductVersion());
			}
			newest = (known != null) ? UpToDate.newestIfAllApplied(connection, known, this.table, ledger, checksums)
					: UpToDate.newestIfAllApplied(connection, ledger, checksums);
		}
		catch (SQLException ex) {
			// The runner opens its own connections and reports what fails on them
			return Optional.empty();
		}
		return (newest != null) ? Optional.of(UpToDate.ended(newest, this.table.toString())) : Optional.empty();
	}

	/**
	 * Return whether the connection is one of PostgreSQL's or H2's drivers, which report
	 * a statement the server rejects only by throwing it, so that the ledger can be read
	 * before a new database has one without asking which database it is (see
	 * {@link Dialect#logsRejectedStatements()}). Told from the class of the driver's own
	 * connection, which a pool hands out when unwrapped: no metadata is read and no
	 * dialect loaded. Any other connection, or one that does not unwrap, is asked for its
	 * metadata.
	 */
	private static boolean reportsRejectedStatementsOnlyByThrowing(Connection connection) {
		try {
			String driver = connection.unwrap(Connection.class).getClass().getName();
			return driver.startsWith("org.postgresql.") || driver.startsWith("org.h2.");
		}
		catch (SQLException | RuntimeException ex) {
			return false;
		}
	}

	/**
	 * Return the ledger's name as written unquoted, when every database reads it as the
	 * ledger names it quoted: lower-case, as each creates it.
	 */
	private @Nullable String unquotedName() {
		String name = this.table.toString();
		return name.equals(name.toLowerCase(Locale.ROOT)) ? name : null;
	}

}
