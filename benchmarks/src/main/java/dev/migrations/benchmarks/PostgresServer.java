package dev.migrations.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PostgreSQL server reached through an administrative URL that may create databases.
 * Each database is {@code bench_<random>}; a copy is made with
 * {@code CREATE DATABASE ... TEMPLATE}; every database is dropped with
 * {@code DROP DATABASE ... WITH (FORCE)}, at the latest when the JVM exits.
 */
final class PostgresServer implements DatabaseServer {

	/** The environment variable that overrides {@link #DEFAULT_ADMIN_URL}. */
	static final String URL_VARIABLE = "MIGRATIONS_TEST_POSTGRES_URL";

	/** The server used when {@link #URL_VARIABLE} is not set. */
	static final String DEFAULT_ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";

	private static final Pattern SERVER_URL = Pattern.compile("(jdbc:postgresql://([^/?]+)/)([^?]*)(\\?.*)?");

	/**
	 * {@code object_in_use}: the template is still in use by a session that is ending.
	 */
	private static final String OBJECT_IN_USE = "55006";

	private static final int COPY_ATTEMPTS = 50;

	private final String adminUrl;

	private final String serverPrefix;

	private final String hostAndPort;

	private final String query;

	private final Set<String> live = new LinkedHashSet<>();

	private final Thread dropOnExit = new Thread(this::dropAll, "drop benchmark databases");

	PostgresServer(String adminUrl) {
		Matcher matcher = SERVER_URL.matcher(adminUrl);
		if (!matcher.matches()) {
			throw new IllegalArgumentException(
					URL_VARIABLE + " must look like jdbc:postgresql://host:port/database?user=...");
		}
		this.adminUrl = adminUrl;
		this.serverPrefix = matcher.group(1);
		this.hostAndPort = matcher.group(2);
		this.query = (matcher.group(4) != null) ? matcher.group(4) : "";
		Runtime.getRuntime().addShutdownHook(this.dropOnExit);
	}

	static PostgresServer fromEnvironment() {
		String url = System.getenv(URL_VARIABLE);
		return new PostgresServer((url == null || url.isBlank()) ? DEFAULT_ADMIN_URL : url);
	}

	@Override
	public String optionName() {
		return "postgresql";
	}

	@Override
	public String displayName() {
		return "PostgreSQL";
	}

	@Override
	public String describe() {
		try (Connection connection = DriverManager.getConnection(this.adminUrl);
				Statement statement = connection.createStatement();
				ResultSet version = statement.executeQuery("SHOW server_version")) {
			version.next();
			return "PostgreSQL " + version.getString(1) + " at " + this.hostAndPort + " (a new database per run)";
		}
		catch (SQLException ex) {
			throw new IllegalStateException("PostgreSQL is not reachable at " + this.hostAndPort + " ("
					+ ex.getMessage() + "). Start it, point " + URL_VARIABLE
					+ " at a server where the user may create databases, " + "or leave it out with --databases h2", ex);
		}
	}

	@Override
	public Database createEmpty() {
		String name = newName();
		execute("CREATE DATABASE " + name, name);
		return database(name);
	}

	@Override
	public Database createPersistent() {
		return createEmpty();
	}

	@Override
	public Database copyOf(Database source) {
		String name = newName();
		for (int attempt = 1;; attempt++) {
			try {
				execute("CREATE DATABASE " + name + " TEMPLATE " + source.name(), name);
				return database(name);
			}
			catch (IllegalStateException ex) {
				// The session of the process that prepared the template may still be
				// ending.
				if (!(ex.getCause() instanceof SQLException sqlException)
						|| !OBJECT_IN_USE.equals(sqlException.getSQLState()) || attempt == COPY_ATTEMPTS) {
					throw ex;
				}
				sleep();
			}
		}
	}

	@Override
	public void drop(Database database) {
		drop(database.name());
	}

	@Override
	public void close() {
		dropAll();
		try {
			Runtime.getRuntime().removeShutdownHook(this.dropOnExit);
		}
		catch (IllegalStateException ex) {
			// Already shutting down: the hook is running or has run.
		}
	}

	private synchronized void dropAll() {
		for (String name : List.copyOf(this.live)) {
			drop(name);
		}
	}

	private synchronized void drop(String name) {
		execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)", null);
		this.live.remove(name);
	}

	private synchronized void execute(String sql, String created) {
		try (Connection connection = DriverManager.getConnection(this.adminUrl);
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
			if (created != null) {
				this.live.add(created);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(
					"Could not run '" + sql + "' on " + this.hostAndPort + ": " + ex.getMessage(), ex);
		}
	}

	private Database database(String name) {
		return new Database(name, this.serverPrefix + name + this.query);
	}

	private static String newName() {
		return "bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
	}

	private static void sleep() {
		try {
			Thread.sleep(100);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting to copy a database", ex);
		}
	}

}
