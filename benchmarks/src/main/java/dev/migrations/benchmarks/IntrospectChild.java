package dev.migrations.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

import com.zaxxer.hikari.HikariDataSource;

/**
 * One measured introspection, in a JVM of its own: opens a connection pool to the
 * database (and, for Liquibase's diff, one to the second database), waits until they hold
 * all their connections, then times the tool from the creation of its objects to the end
 * of its work, checks what it found, and writes the milliseconds to the result file.
 * Started by {@link Benchmark}; not meant to be run by hand.
 * <p>
 * Arguments: {@code <result file> <introspection> <tool> <jdbc url> <reference jdbc url
 * or -> <migrations directory> <number of tables>}.
 */
public final class IntrospectChild {

	/** The reference URL argument when there is no second database. */
	static final String NO_REFERENCE = "-";

	private static final Pattern MIGRATED_TABLE = Pattern.compile("t_\\d+", Pattern.CASE_INSENSITIVE);

	private IntrospectChild() {
	}

	/**
	 * Run one measurement.
	 * @param arguments see the class description
	 * @throws Exception if the tool fails or finds something other than expected
	 */
	public static void main(String[] arguments) throws Exception {
		if (arguments.length != 7) {
			throw new IllegalArgumentException("Expected <result file> <introspection> <tool> <jdbc url> "
					+ "<reference jdbc url or -> <migrations directory> <number of tables>, got " + arguments.length
					+ " arguments");
		}
		Path resultFile = Path.of(arguments[0]);
		Introspection introspection = Introspection.valueOf(arguments[1]);
		Tool tool = Tool.valueOf(arguments[2]);
		String url = arguments[3];
		String referenceUrl = arguments[4];
		Path migrations = Path.of(arguments[5]);
		int count = Integer.parseInt(arguments[6]);
		// As in BenchmarkChild: every tool gets the same quiet log.
		Logger.getLogger("").setLevel(Level.WARNING);
		try (HikariDataSource dataSource = BenchmarkChild.openPool(url);
				HikariDataSource reference = referenceUrl.equals(NO_REFERENCE) ? null
						: BenchmarkChild.openPool(referenceUrl)) {
			long start = System.nanoTime();
			List<String> found = run(introspection, tool, dataSource, reference, migrations);
			long elapsed = System.nanoTime() - start;
			check(introspection, tool, found, count);
			Files.writeString(resultFile, Double.toString(elapsed / 1_000_000.0));
		}
	}

	// Only the measured tool's classes are loaded: each tool's work is a class of its
	// own.
	private static List<String> run(Introspection introspection, Tool tool, HikariDataSource dataSource,
			HikariDataSource reference, Path migrations) throws Exception {
		return switch (tool) {
			case MIGRATIONS -> switch (introspection) {
				case DESCRIBE -> new MigrationsWork().describe(dataSource, migrations);
				case DIFF -> new MigrationsWork().drift(dataSource, migrations);
			};
			case LIQUIBASE -> switch (introspection) {
				case DESCRIBE -> new LiquibaseWork().snapshot(dataSource);
				case DIFF -> {
					if (reference == null) {
						throw new IllegalArgumentException("Liquibase's diff needs a reference database");
					}
					yield new LiquibaseWork().diff(dataSource, reference);
				}
			};
			default -> throw new IllegalArgumentException(tool + " takes no part in introspection");
		};
	}

	private static void check(Introspection introspection, Tool tool, List<String> found, int count) {
		switch (introspection) {
			case DESCRIBE -> {
				long migrated = found.stream().filter((table) -> MIGRATED_TABLE.matcher(table).matches()).count();
				if (migrated != count) {
					throw new IllegalStateException(
							tool + " described " + migrated + " tables t_<number>, expected " + count);
				}
			}
			case DIFF -> {
				if (!found.isEmpty()) {
					throw new IllegalStateException(tool + " found " + found.size()
							+ " differences between databases of the same schema, expected none:\n"
							+ String.join("\n", found.subList(0, Math.min(found.size(), 20))));
				}
			}
		}
	}

}
