package dev.migrations.internal;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Collection;
import java.util.List;
import java.util.logging.Logger;

import javax.sql.DataSource;

import dev.migrations.Credentials;
import org.jspecify.annotations.Nullable;

/**
 * The data source through which a runner opens its connections: a connection that does
 * not open fails with the driver's failure masked
 * ({@link Credentials#maskFailure(SQLException, Collection)}), since that is where a
 * driver quotes a URL or a password, such as MariaDB's "Incorrect port value :
 * secret@host". Every message built from it, and every stack trace that prints it, is
 * then free of them. Thread-safe.
 */
public final class MaskingDataSource implements DataSource {

	private final DataSource dataSource;

	private final List<String> secrets;

	/**
	 * Create a data source that masks the failures of another.
	 * @param dataSource the data source
	 * @param secrets values, such as the password, that no failure may carry
	 */
	public MaskingDataSource(DataSource dataSource, Collection<String> secrets) {
		this.dataSource = dataSource;
		this.secrets = List.copyOf(secrets);
	}

	@Override
	public Connection getConnection() throws SQLException {
		try {
			return this.dataSource.getConnection();
		}
		catch (SQLException ex) {
			throw Credentials.maskFailure(ex, this.secrets);
		}
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		try {
			return this.dataSource.getConnection(username, password);
		}
		catch (SQLException ex) {
			throw Credentials.maskFailure(ex, this.secrets);
		}
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
