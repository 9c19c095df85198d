package dev.migrations.internal;

import java.io.PrintWriter;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

/**
 * A data source that hands everything but its connections to another: what the data
 * sources that change how a connection is opened share.
 */
public abstract class DelegatingDataSource implements DataSource {

	private final DataSource dataSource;

	/**
	 * Create a data source over another.
	 * @param dataSource the data source it delegates to
	 */
	protected DelegatingDataSource(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/**
	 * Return the data source this one delegates to.
	 * @return the data source
	 */
	protected final DataSource delegate() {
		return this.dataSource;
	}

	@Override
	public @Nullable PrintWriter getLogWriter() throws SQLException {
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

	@Override
	public String toString() {
		return this.dataSource.toString();
	}

}
