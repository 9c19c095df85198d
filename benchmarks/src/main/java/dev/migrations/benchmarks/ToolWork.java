package dev.migrations.benchmarks;

import java.nio.file.Path;
import java.util.OptionalInt;

import javax.sql.DataSource;

/**
 * One tool's side of a measured run, called inside the timed section of a
 * {@link BenchmarkChild}: everything from creating the tool's objects to the end of its
 * work.
 */
interface ToolWork {

	/**
	 * Apply every pending migration found in the directory.
	 * @param dataSource the database
	 * @param migrations the directory the generator wrote for this tool
	 * @return how many migrations the tool reports it applied, when it reports that
	 * @throws Exception if the tool fails
	 */
	OptionalInt apply(DataSource dataSource, Path migrations) throws Exception;

	/**
	 * Start on a database where every migration in the directory is applied: what an
	 * application does on every start. Applies by default.
	 * @param dataSource the database
	 * @param migrations the directory the generator wrote for this tool
	 * @return how many migrations the tool reports it applied, when it reports that
	 * @throws Exception if the tool fails
	 */
	default OptionalInt nothingPending(DataSource dataSource, Path migrations) throws Exception {
		return apply(dataSource, migrations);
	}

	/**
	 * Compute the status (Flyway: info) of every migration in the directory.
	 * @param dataSource the database
	 * @param migrations the directory the generator wrote for this tool
	 * @return how many migrations the report lists, when the tool reports that
	 * @throws Exception if the tool fails
	 */
	OptionalInt status(DataSource dataSource, Path migrations) throws Exception;

}
