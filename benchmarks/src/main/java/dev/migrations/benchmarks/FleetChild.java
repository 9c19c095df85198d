package dev.migrations.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import dev.migrations.runner.FleetResult;
import dev.migrations.runner.MigrationFleet;
import dev.migrations.runner.MigrationRunner;

/**
 * One step of the fleet scenarios, in a JVM of its own, on a database whose schemas
 * {@code tenant_0001}, {@code tenant_0002}... are the targets. Prepare (untimed): create
 * the schemas, and apply the migrations to every one if the runs start up to date.
 * Measure: time one tool over every schema, from the creation of its objects to the end
 * of its work, through a connection pool wrapped in a {@link CountingDataSource}; check
 * what each schema got; write the milliseconds and the peak number of connections in use
 * at once to the result file. Started by {@link Benchmark}; not meant to be run by hand.
 * <p>
 * Arguments: {@code <result file> <step> <tool> <jdbc url> <migrations directory>
 * <number of migrations> <number of schemas> <whether they start up to date>}.
 */
public final class FleetChild {

	/** The prefix of every target schema's name. */
	static final String SCHEMA_PREFIX = "tenant_";

	private static final String LEDGER_TABLE = "migrations_ledger";

	/**
	 * The pool: a connection that lists the schemas, and two (the lock's and the work's)
	 * per schema run at once, at the highest parallelism measured.
	 */
	private static final int POOL_SIZE = 10;

	private FleetChild() {
	}

	/**
	 * Run one step.
	 * @param arguments see the class description
	 * @throws Exception if the tool fails or leaves a schema in an unexpected state
	 */
	public static void main(String[] arguments) throws Exception {
		if (arguments.length != 8) {
			throw new IllegalArgumentException("Expected <result file> <step> <tool> <jdbc url> <migrations directory> "
					+ "<number of migrations> <number of schemas> <up to date>, got " + arguments.length
					+ " arguments");
		}
		Path resultFile = Path.of(arguments[0]);
		boolean prepare = arguments[1].equals("PREPARE");
		Tool tool = Tool.valueOf(arguments[2]);
		String url = arguments[3];
		Path migrations = Path.of(arguments[4]);
		int count = Integer.parseInt(arguments[5]);
		int schemas = Integer.parseInt(arguments[6]);
		boolean upToDate = Boolean.parseBoolean(arguments[7]);
		// As in BenchmarkChild: the same quiet log as every other measured run.
		Logger.getLogger("").setLevel(Level.WARNING);
		Logger.getLogger("dev.migrations").setLevel(Level.WARNING);
		try (HikariDataSource pool = BenchmarkChild.openPool(url, POOL_SIZE)) {
			if (prepare) {
				createSchemas(pool, schemas);
				if (upToDate) {
					check(fleet(pool, migrations, 4).applyAll(), schemas, count);
				}
				Files.writeString(resultFile, "0");
				return;
			}
			CountingDataSource dataSource = new CountingDataSource(pool);
			long start = System.nanoTime();
			int applied = switch (tool) {
				case MIGRATIONS_FLEET_1 -> check(fleet(dataSource, migrations, 1).applyAll(), schemas, count);
				case MIGRATIONS_FLEET_2 -> check(fleet(dataSource, migrations, 2).applyAll(), schemas, count);
				case MIGRATIONS_FLEET_4 -> check(fleet(dataSource, migrations, 4).applyAll(), schemas, count);
				case MIGRATIONS_LOOP -> loop(dataSource, migrations);
				default -> throw new IllegalArgumentException(tool + " is not measured by fleets");
			};
			long elapsed = System.nanoTime() - start;
			int expected = upToDate ? 0 : schemas * count;
			if (applied != expected) {
				throw new IllegalStateException(tool + " applied " + applied + " migrations, expected " + expected);
			}
			checkLastTables(pool, schemas, count);
			Files.writeString(resultFile,
					(elapsed / 1_000_000.0) + "\n" + ChildLauncher.CONNECTIONS + " " + dataSource.peak() + "\n");
		}
	}

	private static MigrationFleet fleet(DataSource dataSource, Path migrations, int parallelism) {
		MigrationRunner template = MigrationRunner.builder(dataSource)
			.locations("filesystem:" + migrations)
			.table(LEDGER_TABLE)
			.build();
		return MigrationFleet.builder(template).schemasLike(SCHEMA_PREFIX + "%").parallelism(parallelism).build();
	}

	/**
	 * Check that every schema ran and none failed.
	 * @return how many migrations were applied in all
	 */
	private static int check(FleetResult result, int schemas, int count) {
		if (result.hasFailures() || result.targets().size() != schemas) {
			throw new IllegalStateException("The fleet ran " + result.targets().size() + " schemas, expected " + schemas
					+ ": " + result.summary());
		}
		return result.migrationsApplied();
	}

	/**
	 * What a user of a tool without fleets writes: list the schemas, then one runner per
	 * schema, one after the other, each on connections switched to its schema.
	 * @return how many migrations were applied in all
	 */
	private static int loop(DataSource dataSource, Path migrations) throws SQLException {
		int applied = 0;
		for (String schema : schemas(dataSource)) {
			DataSource schemaConnections = new SchemaSession(dataSource, schema);
			MigrationRunner runner = MigrationRunner.builder(schemaConnections)
				.locations("filesystem:" + migrations)
				.table(schema, LEDGER_TABLE)
				.build();
			applied += runner.applyAll().migrations().size();
		}
		return applied;
	}

	private static List<String> schemas(DataSource dataSource) throws SQLException {
		List<String> schemas = new ArrayList<>();
		try (Connection connection = dataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT schema_name FROM information_schema.schemata "
						+ "WHERE LOWER(schema_name) LIKE '" + SCHEMA_PREFIX + "%' ORDER BY schema_name")) {
			while (rows.next()) {
				schemas.add(rows.getString(1));
			}
		}
		return schemas;
	}

	private static void createSchemas(DataSource dataSource, int schemas) throws SQLException {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			for (int number = 1; number <= schemas; number++) {
				statement.execute("CREATE SCHEMA " + schemaName(number));
			}
		}
	}

	private static void checkLastTables(DataSource dataSource, int schemas, int count) throws SQLException {
		try (Connection connection = dataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet rows = statement
					.executeQuery("SELECT COUNT(*) FROM information_schema.tables " + "WHERE LOWER(table_schema) LIKE '"
							+ SCHEMA_PREFIX + "%' AND LOWER(table_name) = 't_" + count + "'")) {
			if (!rows.next() || rows.getInt(1) != schemas) {
				throw new IllegalStateException("Not every one of the " + schemas + " schemas holds table t_" + count);
			}
		}
	}

	static String schemaName(int number) {
		return SCHEMA_PREFIX + String.format(Locale.ROOT, "%04d", number);
	}

}
