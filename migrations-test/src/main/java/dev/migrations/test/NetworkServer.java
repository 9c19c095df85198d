package dev.migrations.test;

import dev.migrations.JdbcUrlDataSource;
import org.jspecify.annotations.Nullable;

/**
 * A server reached over the network (PostgreSQL, MySQL, MariaDB), where templates and
 * copies are databases beside the one the URL names, reached with the URL's parameters
 * and credentials.
 */
abstract sealed class NetworkServer extends DatabaseServer permits PostgresServer, MySqlServer {

	private final JdbcUrlDataSource admin;

	NetworkServer(String url, @Nullable String user, @Nullable String password, String expectedForm) {
		if (JdbcUrlDataSource.sameServerUrl(url, "x") == null) {
			throw new IllegalArgumentException("The URL for migrated test databases must look like " + expectedForm
					+ "; the template and its copies are made beside that database");
		}
		this.admin = new JdbcUrlDataSource(url, user, password);
	}

	/**
	 * Return the data source of the URL's database, which creates and drops the others.
	 * @return the data source
	 */
	final JdbcUrlDataSource admin() {
		return this.admin;
	}

	@Override
	final String url(String name) {
		String url = JdbcUrlDataSource.sameServerUrl(this.admin.url(), name);
		if (url == null) {
			throw new IllegalStateException("The server URL was checked when the server was made");
		}
		return url;
	}

	@Override
	final JdbcUrlDataSource dataSource(String name) {
		return this.admin.withUrl(url(name));
	}

}
