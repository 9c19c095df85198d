package dev.migrations;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

/**
 * The smallest {@link DataSource}: every request opens a new connection through
 * {@link DriverManager}. Enough for the command line, a {@code main} method or a test; an
 * application should use a pool. Thread-safe.
 */
public final class JdbcUrlDataSource implements DataSource {

	private static final Pattern SERVER_URL = Pattern.compile("^(jdbc:[a-z0-9]+://[^/?]*)(/[^?]*)?(\\?.*)?$");

	private final String url;

	private final Properties properties = new Properties();

	/**
	 * Create a data source for a URL that carries its own credentials, if any.
	 * @param url the JDBC URL
	 */
	public JdbcUrlDataSource(String url) {
		this(url, null, null);
	}

	/**
	 * Create a data source.
	 * @param url the JDBC URL
	 * @param user the user, or {@code null}
	 * @param password the password, or {@code null}
	 */
	public JdbcUrlDataSource(String url, @Nullable String user, @Nullable String password) {
		this.url = url;
		if (user != null) {
			this.properties.setProperty("user", user);
		}
		if (password != null) {
			this.properties.setProperty("password", password);
		}
	}

	private JdbcUrlDataSource(String url, Properties properties) {
		this.url = url;
		this.properties.putAll(properties);
	}

	/**
	 * Return the URL this data source connects to.
	 * @return the JDBC URL
	 */
	public String url() {
		return this.url;
	}

	/**
	 * Return a data source for another URL with this one's user and password: another
	 * database on the same server, say.
	 * @param url the JDBC URL
	 * @return the data source
	 */
	public JdbcUrlDataSource withUrl(String url) {
		return new JdbcUrlDataSource(url, this.properties);
	}

	/**
	 * Return the URL of another database on the same server as a URL of the form
	 * {@code jdbc:<driver>://host:port/database?parameters} (PostgreSQL, MySQL, MariaDB):
	 * the database replaced, the parameters (credentials among them) kept.
	 * @param url the JDBC URL of a database on the server
	 * @param database the name of the other database
	 * @return the URL, or {@code null} when the URL has no such form
	 */
	public static @Nullable String sameServerUrl(String url, String database) {
		Matcher matcher = SERVER_URL.matcher(url);
		if (!matcher.matches()) {
			return null;
		}
		return matcher.group(1) + "/" + database + ((matcher.group(3) != null) ? matcher.group(3) : "");
	}

	@Override
	public Connection getConnection() throws SQLException {
		return DriverManager.getConnection(this.url, this.properties);
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return DriverManager.getConnection(this.url, username, password);
	}

	@Override
	public @Nullable PrintWriter getLogWriter() {
		return null;
	}

	@Override
	public void setLogWriter(PrintWriter out) {
	}

	@Override
	public void setLoginTimeout(int seconds) {
	}

	@Override
	public int getLoginTimeout() {
		return 0;
	}

	@Override
	public Logger getParentLogger() throws SQLFeatureNotSupportedException {
		throw new SQLFeatureNotSupportedException();
	}

	@Override
	public <T> T unwrap(Class<T> type) throws SQLException {
		throw new SQLException(getClass().getName() + " wraps nothing");
	}

	@Override
	public boolean isWrapperFor(Class<?> type) {
		return false;
	}

	@Override
	public String toString() {
		// Never the URL: it may carry a password
		return "JdbcUrlDataSource";
	}

}
