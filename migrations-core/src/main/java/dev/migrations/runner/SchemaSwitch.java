package dev.migrations.runner;

import java.sql.Connection;
import java.sql.SQLException;

import dev.migrations.dialect.Dialect;
import dev.migrations.dialect.SessionState;
import dev.migrations.internal.SessionDataSource;
import dev.migrations.internal.SessionDataSource.Restore;

/**
 * What a fleet does to each connection of a target schema: switches it to the schema (the
 * search path on PostgreSQL, the default database on MySQL and MariaDB, the schema on H2)
 * when it is opened, so that a runner captures the schema as the session's initial state
 * and every migration starts from it; and puts the session back as it was when the
 * connection is closed. Thread-safe.
 */
final class SchemaSwitch implements SessionDataSource.Change {

	private final Dialect dialect;

	private final String schema;

	/**
	 * Create the switch to a schema.
	 * @param dialect the dialect of the database
	 * @param schema the schema
	 */
	SchemaSwitch(Dialect dialect, String schema) {
		this.dialect = dialect;
		this.schema = schema;
	}

	@Override
	public Restore apply(Connection connection) throws SQLException {
		try {
			SessionState original = this.dialect.sessionState(connection);
			this.dialect.useSchema(connection, this.schema);
			return original::restore;
		}
		catch (SQLException ex) {
			throw new SQLException("Could not use schema " + this.schema + ": " + ex.getMessage(), ex.getSQLState(),
					ex);
		}
	}

}
