package dev.migrations.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;

import javax.sql.DataSource;

import dev.migrations.Credentials;

/**
 * The data source through which a runner opens its connections: a connection that does
 * not open fails with the driver's failure masked
 * ({@link Credentials#maskFailure(SQLException, Collection)}), since that is where a
 * driver quotes a URL or a password, such as MariaDB's "Incorrect port value :
 * secret@host". Every message built from it, and every stack trace that prints it, is
 * then free of them. Thread-safe.
 */
public final class MaskingDataSource extends DelegatingDataSource {

	private final List<String> secrets;

	/**
	 * Create a data source that masks the failures of another.
	 * @param dataSource the data source
	 * @param secrets values, such as the password, that no failure may carry
	 */
	public MaskingDataSource(DataSource dataSource, Collection<String> secrets) {
		super(dataSource);
		this.secrets = List.copyOf(secrets);
	}

	@Override
	public Connection getConnection() throws SQLException {
		try {
			return delegate().getConnection();
		}
		catch (SQLException ex) {
			throw masked(ex);
		}
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		try {
			return delegate().getConnection(username, password);
		}
		catch (SQLException ex) {
			throw masked(ex);
		}
	}

	private SQLException masked(SQLException failure) {
		SQLException masked = Credentials.maskFailure(failure, this.secrets);
		return (failure instanceof SessionChangeFailure && masked != failure) ? new SessionChangeFailure(masked)
				: masked;
	}

}
