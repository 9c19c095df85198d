package dev.migrations.benchmarks;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;

import javax.sql.DataSource;

/**
 * A data source that hands everything to another, connections included; a subclass
 * changes the connections it hands out through {@link #opened(Connection)}.
 */
abstract class ForwardingDataSource implements DataSource {

	private final DataSource dataSource;

	ForwardingDataSource(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/**
	 * Return the connection handed out for one just opened by the delegate.
	 * @param connection the delegate's connection
	 * @return the connection to hand out
	 * @throws SQLException if the connection cannot be prepared
	 */
	abstract Connection opened(Connection connection) throws SQLException;

	@Override
	public Connection getConnection() throws SQLException {
		return opened(this.dataSource.getConnection());
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return opened(this.dataSource.getConnection(username, password));
	}

	@Override
	public PrintWriter getLogWriter() throws SQLException {
		return this.dataSource.getLogWriter();
	}

	@Override
	public void setLogWriter(PrintWriter out) throws SQLException {
		this.dataSource.setLogWriter(out);
	}

	@Override
	public void setLoginTimeout(int seconds) throws SQLException {
		this.dataSource.setLoginTimeout(seconds);
	}

	@Override
	public int getLoginTimeout() throws SQLException {
		return this.dataSource.getLoginTimeout();
	}

	@Override
	public Logger getParentLogger() throws SQLFeatureNotSupportedException {
		return this.dataSource.getParentLogger();
	}

	@Override
	public <T> T unwrap(Class<T> type) throws SQLException {
		return type.isInstance(this.dataSource) ? type.cast(this.dataSource) : this.dataSource.unwrap(type);
	}

	@Override
	public boolean isWrapperFor(Class<?> type) throws SQLException {
		return type.isInstance(this.dataSource) || this.dataSource.isWrapperFor(type);
	}

}
