package dev.migrations.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import dev.migrations.MigrationDescriptor;
import dev.migrations.MigrationId;
import dev.migrations.MigrationState;
import dev.migrations.MigrationStatus;
import dev.migrations.catalog.Catalog;
import dev.migrations.catalog.CatalogDiff;
import dev.migrations.runner.MigrationRunner;
import dev.migrations.source.SquashFile;

/**
 * One step of the squash scenario, in a JVM of its own: write a squash of every migration
 * in a directory (untimed preparation), or time this library's {@code applyAll()} on an
 * empty database, from the files one by one or from the squash, then check the result.
 * Started by {@link Benchmark}; not meant to be run by hand.
 * <p>
 * Arguments: {@code <result file> <step> <jdbc url> <reference jdbc url or -> <migrations
 * directory> <number of migrations>}.
 */
public final class SquashChild {

	/** The reference URL argument when there is no database to compare with. */
	static final String NO_REFERENCE = "-";

	private SquashChild() {
	}

	/**
	 * Run one step.
	 * @param arguments see the class description
	 * @throws Exception if the library fails or leaves the database in an unexpected
	 * state
	 */
	public static void main(String[] arguments) throws Exception {
		if (arguments.length != 6) {
			throw new IllegalArgumentException("Expected <result file> <step> <jdbc url> <reference jdbc url or -> "
					+ "<migrations directory> <number of migrations>, got " + arguments.length + " arguments");
		}
		Path resultFile = Path.of(arguments[0]);
		Step step = Step.valueOf(arguments[1]);
		String url = arguments[2];
		String referenceUrl = arguments[3];
		Path migrations = Path.of(arguments[4]);
		int count = Integer.parseInt(arguments[5]);
		// As in BenchmarkChild: the same quiet log as every other measured run.
		Logger.getLogger("").setLevel(Level.WARNING);
		try (HikariDataSource dataSource = BenchmarkChild.openPool(url)) {
			long start = System.nanoTime();
			switch (step) {
				case WRITE -> writeSquash(dataSource, migrations, count);
				case REPLAY, LOAD -> runner(dataSource, migrations).applyAll();
			}
			long elapsed = System.nanoTime() - start;
			if (step != Step.WRITE) {
				checkStatus(step, runner(dataSource, migrations).status(), count);
			}
			if (!referenceUrl.equals(NO_REFERENCE)) {
				checkSchema(dataSource, referenceUrl, migrations);
			}
			Files.writeString(resultFile, Double.toString(elapsed / 1_000_000.0));
		}
	}

	// The squash replaces every migration of the directory; writing it reads only the
	// database's kind and session, as migrate:squash does.
	private static void writeSquash(DataSource dataSource, Path migrations, int count) throws Exception {
		MigrationRunner runner = runner(dataSource, migrations);
		List<MigrationDescriptor> descriptors = runner.descriptors();
		if (descriptors.size() != count) {
			throw new IllegalStateException(
					"Found " + descriptors.size() + " migrations in " + migrations + ", expected " + count);
		}
		MigrationId target = descriptors.stream().map(MigrationDescriptor::id).max(Comparator.naturalOrder()).get();
		Path directory = migrations.resolve(SquashFile.DIRECTORY);
		Files.createDirectories(directory);
		Files.writeString(directory.resolve(SquashFile.fileName(target, runner.dialect().name())),
				runner.pretend().squash(target));
	}

	private static void checkStatus(Step step, List<MigrationStatus> status, int count) {
		MigrationState expected = (step == Step.LOAD) ? MigrationState.SQUASHED : MigrationState.APPLIED;
		Map<MigrationState, Long> states = status.stream()
			.collect(Collectors.groupingBy(MigrationStatus::state, Collectors.counting()));
		if (!states.equals(Map.of(expected, (long) count))) {
			throw new IllegalStateException(step + ": status shows " + states + ", expected " + count + " " + expected);
		}
	}

	private static void checkSchema(DataSource dataSource, String referenceUrl, Path migrations) throws Exception {
		Catalog schema = runner(dataSource, migrations).describeSchema();
		Catalog expected;
		try (HikariDataSource reference = BenchmarkChild.openPool(referenceUrl)) {
			expected = runner(reference, migrations).describeSchema();
		}
		if (!schema.equals(expected)) {
			String text = CatalogDiff.between(expected, schema).text();
			throw new IllegalStateException("The schema differs from the reference's, built by replaying every "
					+ "migration:\n" + text.substring(0, Math.min(text.length(), 2000)));
		}
	}

	private static MigrationRunner runner(DataSource dataSource, Path migrations) {
		return MigrationRunner.builder(dataSource).locations("filesystem:" + migrations).build();
	}

	/**
	 * What a {@link SquashChild} does.
	 */
	enum Step {

		/**
		 * Write the squash of every migration in the directory for the database's kind
		 * into its {@code squash} directory; the database is not changed.
		 */
		WRITE,

		/**
		 * Apply every migration one by one on an empty database; all N must be applied.
		 */
		REPLAY,

		/**
		 * Apply on an empty database whose migration directory holds a squash of them
		 * all; all N must be recorded as squashed.
		 */
		LOAD

	}

}
