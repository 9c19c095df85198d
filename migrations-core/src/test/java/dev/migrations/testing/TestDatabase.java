package dev.migrations.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import dev.migrations.JdbcUrlDataSource;

/**
 * A fresh, empty database for one test, dropped on {@link #close()}. H2 and SQLite run in
 * the JVM; a PostgreSQL or MariaDB database is created on the server
 * {@link DatabaseServers} finds: the one named in the environment
 * ({@code MIGRATIONS_TEST_POSTGRES_URL}, {@code MIGRATIONS_TEST_MARIADB_URL}), a
 * Testcontainers container when Docker is reachable, or an embedded server; when there is
 * none the test is skipped with the reason, and with
 * {@code MIGRATIONS_TEST_REQUIRE_DATABASES=true} that skip is a failure.
 */
public final class TestDatabase implements AutoCloseable {

	private static final Pattern SERVER_URL = Pattern.compile("(jdbc:[a-z]+://[^/?]+/)([^?]*)(\\?.*)?");

	private final DatabaseKind kind;

	private final String name;

	private final String url;

	private final String adminUrl;

	private final Path file;

	private final DataSource dataSource;

	private TestDatabase(DatabaseKind kind, String name, String url, String adminUrl, Path file) {
		this.kind = kind;
		this.name = name;
		this.url = url;
		this.adminUrl = adminUrl;
		this.file = file;
		this.dataSource = new JdbcUrlDataSource(url);
	}

	/**
	 * Create a fresh database.
	 * @param kind the kind of database
	 * @return the database
	 */
	public static TestDatabase create(DatabaseKind kind) {
		String name = "mig_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
		try {
			return switch (kind) {
				case H2 -> new TestDatabase(kind, name, "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", null, null);
				case SQLITE -> {
					Path file = Files.createTempFile(name, ".db");
					yield new TestDatabase(kind, name, "jdbc:sqlite:" + file, null, file);
				}
				case POSTGRESQL, MARIADB -> createOnServer(kind, name);
			};
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Create a fresh database that several processes can use at once: for H2 a file
	 * database in auto-server mode, for the others the same as {@link #create}.
	 * @param kind the kind of database
	 * @return the database
	 */
	public static TestDatabase createShared(DatabaseKind kind) {
		if (kind != DatabaseKind.H2) {
			return create(kind);
		}
		try {
			Path directory = Files.createTempDirectory("mig_h2");
			String name = directory.getFileName().toString();
			return new TestDatabase(kind, name, "jdbc:h2:file:" + directory.resolve("db") + ";AUTO_SERVER=TRUE", null,
					directory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static TestDatabase createOnServer(DatabaseKind kind, String name) {
		String adminUrl = DatabaseServers.adminUrl(kind);
		Matcher matcher = SERVER_URL.matcher(adminUrl);
		if (!matcher.matches()) {
			throw new IllegalStateException(kind.environmentVariable()
					+ " must look like jdbc:postgresql://host:port/database?user=... (password hidden)");
		}
		execute(adminUrl, "CREATE DATABASE " + name);
		String query = (matcher.group(3) != null) ? matcher.group(3) : "";
		return new TestDatabase(kind, name, matcher.group(1) + name + query, adminUrl, null);
	}

	/**
	 * Return the kind of database.
	 * @return the kind
	 */
	public DatabaseKind kind() {
		return this.kind;
	}

	/**
	 * Return a data source that opens a new connection for every request.
	 * @return the data source
	 */
	public DataSource dataSource() {
		return this.dataSource;
	}

	/**
	 * Return the JDBC URL of this database.
	 * @return the URL
	 */
	public String url() {
		return this.url;
	}

	/**
	 * Execute statements on this database.
	 * @param statements the statements
	 */
	public void execute(String... statements) {
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Return the names of the tables in the database, lower-cased and sorted.
	 * @return the table names
	 */
	public List<String> tables() {
		try (Connection connection = this.dataSource.getConnection()) {
			DatabaseMetaData metaData = connection.getMetaData();
			List<String> tables = new ArrayList<>();
			String catalog = (this.kind == DatabaseKind.MARIADB) ? connection.getCatalog() : null;
			String schema = (this.kind == DatabaseKind.MARIADB || this.kind == DatabaseKind.SQLITE) ? null
					: connection.getSchema();
			try (ResultSet rows = metaData.getTables(catalog, schema, "%", new String[] { "TABLE" })) {
				while (rows.next()) {
					tables.add(rows.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
				}
			}
			tables.sort(null);
			return tables;
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Run a query that returns one number.
	 * @param sql the query
	 * @return the number
	 */
	public long queryForLong(String sql) {
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(sql)) {
			result.next();
			return result.getLong(1);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Run a query that returns one text value.
	 * @param sql the query
	 * @return the text
	 */
	public String queryForString(String sql) {
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(sql)) {
			result.next();
			return result.getString(1);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		switch (this.kind) {
			case H2 -> {
				execute("SHUTDOWN");
				delete(this.file);
			}
			case SQLITE -> delete(this.file);
			case POSTGRESQL -> execute(this.adminUrl, "DROP DATABASE IF EXISTS " + this.name + " WITH (FORCE)");
			case MARIADB -> execute(this.adminUrl, "DROP DATABASE IF EXISTS " + this.name);
		}
	}

	/**
	 * Delete a file, or a directory with everything in it.
	 * @param path the file or directory, or {@code null} for none
	 */
	static void delete(Path path) {
		if (path == null) {
			return;
		}
		try (var paths = Files.walk(path)) {
			for (Path each : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(each);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void execute(String url, String sql) {
		try (Connection connection = DriverManager.getConnection(url);
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not run '" + sql + "' on the " + describe(url) + ": " + ex, ex);
		}
	}

	private static String describe(String url) {
		int query = url.indexOf('?');
		return (query >= 0) ? url.substring(0, query) : url;
	}

	@Override
	public String toString() {
		return this.kind.displayName();
	}

}
