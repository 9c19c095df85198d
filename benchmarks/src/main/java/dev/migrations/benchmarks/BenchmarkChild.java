package dev.migrations.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * One measured run, in a JVM of its own: opens a connection pool, waits until it holds
 * all its connections, then times one tool from the creation of its objects to the end of
 * its work, checks the database, and writes the milliseconds to the result file. Started
 * by {@link Benchmark}; not meant to be run by hand.
 * <p>
 * Arguments: {@code <result file> <action> <tool> <jdbc url> <migrations directory>
 * <number of migrations>}.
 */
public final class BenchmarkChild {

	/**
	 * How many connections the pool opens before the clock starts: enough for every tool
	 * (a lock connection and a work connection at most), and none opened while timing.
	 */
	static final int POOL_SIZE = 4;

	private static final Duration POOL_FILL_TIMEOUT = Duration.ofSeconds(60);

	private BenchmarkChild() {
	}

	/**
	 * Run one measurement.
	 * @param arguments see the class description
	 * @throws Exception if the tool fails or leaves the database in an unexpected state
	 */
	public static void main(String[] arguments) throws Exception {
		if (arguments.length != 6) {
			throw new IllegalArgumentException("Expected <result file> <action> <tool> <jdbc url> "
					+ "<migrations directory> <number of migrations>, got " + arguments.length + " arguments");
		}
		Path resultFile = Path.of(arguments[0]);
		ChildAction action = ChildAction.valueOf(arguments[1]);
		Tool tool = Tool.valueOf(arguments[2]);
		String url = arguments[3];
		Path migrations = Path.of(arguments[4]);
		int count = Integer.parseInt(arguments[5]);
		// Liquibase logs through java.util.logging; the others log through slf4j-simple
		// at
		// WARN (a system property set by the driver). Every tool gets the same quiet log.
		Logger.getLogger("").setLevel(Level.WARNING);
		try (HikariDataSource dataSource = openPool(url)) {
			long start = System.nanoTime();
			OptionalInt reported = run(action, work(tool), dataSource, migrations);
			long elapsed = System.nanoTime() - start;
			check(action, tool, reported, count, dataSource);
			Files.writeString(resultFile, Double.toString(elapsed / 1_000_000.0));
		}
	}

	/**
	 * Open a pool of {@link #POOL_SIZE} connections and wait until all are open.
	 * @param url the database
	 * @return the pool
	 * @throws InterruptedException if interrupted while waiting
	 */
	static HikariDataSource openPool(String url) throws InterruptedException {
		return openPool(url, POOL_SIZE);
	}

	/**
	 * Open a pool of a given size and wait until all its connections are open.
	 * @param url the database
	 * @param size how many connections
	 * @return the pool
	 * @throws InterruptedException if interrupted while waiting
	 */
	static HikariDataSource openPool(String url, int size) throws InterruptedException {
		HikariConfig config = new HikariConfig();
		config.setPoolName("benchmark");
		config.setJdbcUrl(url);
		config.setMaximumPoolSize(size);
		config.setMinimumIdle(size);
		// Fails fast: the constructor opens the first connection.
		HikariDataSource dataSource = new HikariDataSource(config);
		long deadline = System.nanoTime() + POOL_FILL_TIMEOUT.toNanos();
		while (dataSource.getHikariPoolMXBean().getTotalConnections() < size) {
			if (System.nanoTime() > deadline) {
				dataSource.close();
				throw new IllegalStateException("The pool did not open " + size + " connections to " + url + " within "
						+ POOL_FILL_TIMEOUT.toSeconds() + " s");
			}
			Thread.sleep(5);
		}
		return dataSource;
	}

	// A switch, not a field of Tool, so that only the measured tool's classes are loaded.
	private static ToolWork work(Tool tool) {
		return switch (tool) {
			case PLAIN_JDBC -> new PlainJdbcWork();
			case MIGRATIONS -> new MigrationsWork();
			case MIGRATIONS_INDEX -> new IndexedMigrationsWork();
			case PLAIN_LEDGER -> new LedgerReadWork();
			case MIGRATIONS_SQUASH ->
				throw new IllegalArgumentException(tool + " is measured by " + SquashChild.class.getSimpleName());
			case MIGRATIONS_TEMPLATE ->
				throw new IllegalArgumentException(tool + " is measured by " + TemplateChild.class.getSimpleName());
			case PLAIN_AOT, MIGRATIONS_AOT ->
				throw new IllegalArgumentException(tool + " is measured by " + SpringBootChild.class.getSimpleName());
			case MIGRATIONS_FLEET_1, MIGRATIONS_FLEET_2, MIGRATIONS_FLEET_4, MIGRATIONS_LOOP ->
				throw new IllegalArgumentException(tool + " is measured by " + FleetChild.class.getSimpleName());
			case FLYWAY -> new FlywayWork();
			case LIQUIBASE -> new LiquibaseWork();
		};
	}

	private static OptionalInt run(ChildAction action, ToolWork work, HikariDataSource dataSource, Path migrations)
			throws Exception {
		return switch (action) {
			case APPLY -> work.apply(dataSource, migrations);
			case NOTHING_PENDING -> work.nothingPending(dataSource, migrations);
			case STATUS -> work.status(dataSource, migrations);
		};
	}

	private static void check(ChildAction action, Tool tool, OptionalInt reported, int count,
			HikariDataSource dataSource) throws Exception {
		int expected = switch (action) {
			case APPLY, STATUS -> count;
			case NOTHING_PENDING -> 0;
		};
		if (reported.isPresent() && reported.getAsInt() != expected) {
			throw new IllegalStateException(
					tool + " " + action + " reported " + reported.getAsInt() + " migrations, expected " + expected);
		}
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			for (int table : new int[] { 1, count }) {
				try (ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM t_" + table)) {
					if (!rows.next() || rows.getInt(1) != 1) {
						throw new IllegalStateException(
								tool + " " + action + ": table t_" + table + " does not hold exactly one row");
					}
				}
			}
		}
	}

}
