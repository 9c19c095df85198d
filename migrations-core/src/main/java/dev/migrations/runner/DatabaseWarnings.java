package dev.migrations.runner;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import dev.migrations.Credentials;
import dev.migrations.Direction;
import dev.migrations.MigrationDescriptor;
import dev.migrations.dialect.Dialect;
import dev.migrations.dialect.ServerWarning;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs what the database reported about each statement of a migration that succeeded: a
 * warning (such as MariaDB's deprecation warning 1287, or a PostgreSQL {@code WARNING})
 * at WARN, a notice (PostgreSQL's "table does not exist, skipping", a MariaDB or MySQL
 * note) at INFO, each naming the migration, its source, the statement and its line. This
 * class's logger is the one to configure to silence them. Thread-safe.
 */
final class DatabaseWarnings {

	private static final Logger logger = LoggerFactory.getLogger(DatabaseWarnings.class);

	private final Dialect dialect;

	DatabaseWarnings(Dialect dialect) {
		this.dialect = dialect;
	}

	/**
	 * Read, log and clear the warnings of a statement that just ran. A failure to read
	 * them is logged too, and does not stop the migration: the statement did what it
	 * should.
	 * @param statement the statement
	 * @param migration the migration it belongs to
	 * @param direction the direction of the migration
	 * @param number the 1-based number of the statement in its plan
	 * @param count how many statements the plan has
	 * @param line the line of the statement in its file, or {@code 0} where it has none
	 */
	void log(Statement statement, MigrationDescriptor migration, Direction direction, int number, int count, int line) {
		List<ServerWarning> warnings;
		try {
			warnings = this.dialect.takeWarnings(statement);
		}
		catch (SQLException ex) {
			logger.warn("{}: could not read the database's warnings: {}",
					where(migration, direction, number, count, line), ex.getMessage());
			return;
		}
		for (ServerWarning warning : warnings) {
			if (warning.notice() && logger.isInfoEnabled()) {
				logger.info("{}: database notice: {}{}", where(migration, direction, number, count, line),
						Credentials.mask(warning.message()), codes(warning));
			}
			else if (!warning.notice() && logger.isWarnEnabled()) {
				logger.warn("{}: database warning: {}{}", where(migration, direction, number, count, line),
						Credentials.mask(warning.message()), codes(warning));
			}
		}
	}

	private static String where(MigrationDescriptor migration, Direction direction, int number, int count, int line) {
		return "Migration " + migration.id() + " (" + migration.source(direction) + ", statement " + number + " of "
				+ count + ((line > 0) ? ", line " + line : "") + ")";
	}

	private static String codes(ServerWarning warning) {
		List<String> codes = new ArrayList<>(2);
		if (warning.sqlState() != null) {
			codes.add("SQLState " + warning.sqlState());
		}
		if (warning.vendorCode() != 0) {
			codes.add("vendor code " + warning.vendorCode());
		}
		return codes.isEmpty() ? "" : " (" + String.join(", ", codes) + ")";
	}

}
