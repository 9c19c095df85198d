package dev.migrations.samples.tenants;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.hibernate.engine.jdbc.connections.spi.MultiTenantConnectionProvider;
import org.jspecify.annotations.Nullable;

/**
 * Connections of the application's pool, switched to the tenant's schema while Hibernate
 * holds them and switched back before they return to the pool. Thread-safe.
 */
final class TenantConnectionProvider implements MultiTenantConnectionProvider<String> {

	private final DataSource dataSource;

	private volatile @Nullable String defaultSchema;

	TenantConnectionProvider(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	@Override
	public Connection getAnyConnection() throws SQLException {
		return this.dataSource.getConnection();
	}

	@Override
	public void releaseAnyConnection(Connection connection) throws SQLException {
		connection.close();
	}

	@Override
	public Connection getConnection(String tenant) throws SQLException {
		Connection connection = getAnyConnection();
		try {
			if (this.defaultSchema == null) {
				// a pooled connection comes back switched back, so the first one tells
				this.defaultSchema = connection.getSchema();
			}
			connection.setSchema(tenant);
			return connection;
		}
		catch (SQLException ex) {
			releaseAnyConnection(connection);
			throw ex;
		}
	}

	@Override
	public void releaseConnection(String tenant, Connection connection) throws SQLException {
		try {
			connection.setSchema(this.defaultSchema);
		}
		finally {
			releaseAnyConnection(connection);
		}
	}

	@Override
	public boolean supportsAggressiveRelease() {
		return false;
	}

	@Override
	public boolean handlesConnectionSchema() {
		return true;
	}

	@Override
	public boolean isUnwrappableAs(Class<?> type) {
		return type.isInstance(this);
	}

	@Override
	public <T> T unwrap(Class<T> type) {
		if (!isUnwrappableAs(type)) {
			throw new IllegalArgumentException("Cannot unwrap " + getClass().getName() + " as " + type.getName());
		}
		return type.cast(this);
	}

}
