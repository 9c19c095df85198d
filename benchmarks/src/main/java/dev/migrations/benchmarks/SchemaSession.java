package dev.migrations.benchmarks;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

/**
 * Switches every connection it hands out to one schema, as a user looping over tenants
 * with a single-database tool does: the search path on PostgreSQL, the schema on H2. The
 * next user of a pooled connection switches it again.
 */
final class SchemaSession extends ForwardingDataSource {

	private final String schema;

	SchemaSession(DataSource dataSource, String schema) {
		super(dataSource);
		this.schema = schema;
	}

	@Override
	Connection opened(Connection connection) throws SQLException {
		boolean h2 = connection.getMetaData().getDatabaseProductName().equals("H2");
		String quoted = "\"" + this.schema.replace("\"", "\"\"") + "\"";
		try (Statement statement = connection.createStatement()) {
			statement.execute(h2 ? "SET SCHEMA " + quoted : "SET search_path TO " + quoted);
		}
		catch (SQLException ex) {
			connection.close();
			throw ex;
		}
		return connection;
	}

}
