package dev.migrations.dialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The session as JDBC sees it: the current catalog and schema ({@code SET SCHEMA} on H2,
 * the default database on MySQL and MariaDB).
 */
class JdbcSessionState implements SessionState {

	private final @Nullable String catalog;

	private final @Nullable String schema;

	JdbcSessionState(Connection connection) throws SQLException {
		this.catalog = connection.getCatalog();
		this.schema = schema(connection);
	}

	/**
	 * Return the schema the session was captured in.
	 * @return the schema, or {@code null} where the driver does not say
	 */
	protected @Nullable String schema() {
		return this.schema;
	}

	private static @Nullable String schema(Connection connection) throws SQLException {
		try {
			return connection.getSchema();
		}
		catch (SQLFeatureNotSupportedException | AbstractMethodError ex) {
			return null;
		}
	}

	@Override
	public void restore(Connection connection) throws SQLException {
		if (this.catalog != null && !Objects.equals(this.catalog, connection.getCatalog())) {
			connection.setCatalog(this.catalog);
		}
		if (this.schema != null && !Objects.equals(this.schema, schema(connection))) {
			connection.setSchema(this.schema);
		}
	}

}
