package dev.migrations.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.sql.DataSource;

import dev.migrations.JdbcUrlDataSource;
import dev.migrations.runner.MigrationRunner;
import dev.migrations.test.DatabaseCopy;
import dev.migrations.test.DatabaseTemplate;

/**
 * One run of the template scenario, in a JVM of its own: a suite of test classes, each
 * needing a fresh database with N migrations applied, gets it one of two ways, timed from
 * the first class to the last. Replay: create a database, {@code applyAll()} the N
 * migrations, read a table, drop the database, for every class. Copy: ask this library's
 * test support, through its public {@link DatabaseTemplate} as a test extension would,
 * for a copy (the first builds the template), read a table, close the copy (which drops
 * it in the background), for every class; then close the template, which waits for those
 * drops and drops the copies made ahead and the template. Started by {@link Benchmark};
 * not meant to be run by hand.
 * <p>
 * Arguments: {@code <result file> <tool> <jdbc url> <migrations directory> <number of
 * migrations> <number of test classes>}; the URL names an empty database, beside which
 * the databases of the run are made (on H2, in-memory databases of their own).
 */
public final class TemplateChild {

	private TemplateChild() {
	}

	/**
	 * Run one suite.
	 * @param arguments see the class description
	 * @throws Exception if a database cannot be made or lacks the migrations' tables
	 */
	public static void main(String[] arguments) throws Exception {
		if (arguments.length != 6) {
			throw new IllegalArgumentException("Expected <result file> <tool> <jdbc url> <migrations directory> "
					+ "<number of migrations> <number of test classes>, got " + arguments.length + " arguments");
		}
		Path resultFile = Path.of(arguments[0]);
		Tool tool = Tool.valueOf(arguments[1]);
		String url = arguments[2];
		Path migrations = Path.of(arguments[3]);
		int count = Integer.parseInt(arguments[4]);
		int classes = Integer.parseInt(arguments[5]);
		// As in BenchmarkChild: the same quiet log as every other measured run.
		Logger.getLogger("").setLevel(Level.WARNING);
		long start = System.nanoTime();
		if (tool == Tool.MIGRATIONS_TEMPLATE) {
			copies(url, migrations, count, classes);
		}
		else {
			replays(url, migrations, count, classes);
		}
		long elapsed = System.nanoTime() - start;
		Files.writeString(resultFile, Double.toString(elapsed / 1_000_000.0));
	}

	private static void copies(String url, Path migrations, int count, int classes) throws SQLException {
		try (DatabaseTemplate template = DatabaseTemplate.of(url).withLocations("filesystem:" + migrations)) {
			for (int each = 0; each < classes; each++) {
				try (DatabaseCopy copy = template.copy()) {
					checkLastTable(copy.dataSource(), count);
				}
			}
		}
	}

	private static void replays(String url, Path migrations, int count, int classes) throws SQLException {
		boolean h2 = url.startsWith("jdbc:h2:");
		JdbcUrlDataSource admin = new JdbcUrlDataSource(url);
		for (int each = 0; each < classes; each++) {
			String name = "replay_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
			JdbcUrlDataSource database;
			if (h2) {
				database = new JdbcUrlDataSource("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
			}
			else {
				execute(admin, "CREATE DATABASE " + name);
				database = admin.withUrl(sameServer(url, name));
			}
			MigrationRunner.builder(database).locations("filesystem:" + migrations).build().applyAll();
			checkLastTable(database, count);
			if (h2) {
				execute(database, "SHUTDOWN");
			}
			else {
				execute(admin, "DROP DATABASE " + name + " WITH (FORCE)");
			}
		}
	}

	private static String sameServer(String url, String name) {
		String other = JdbcUrlDataSource.sameServerUrl(url, name);
		if (other == null) {
			throw new IllegalArgumentException("Cannot name another database on the server of " + url);
		}
		return other;
	}

	private static void checkLastTable(DataSource dataSource, int count) throws SQLException {
		try (Connection connection = dataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM t_" + count)) {
			if (!rows.next() || rows.getInt(1) != 1) {
				throw new IllegalStateException("Table t_" + count + " does not hold exactly one row");
			}
		}
	}

	private static void execute(DataSource dataSource, String sql) throws SQLException {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

}
