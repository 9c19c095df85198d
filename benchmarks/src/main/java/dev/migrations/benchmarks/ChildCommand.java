package dev.migrations.benchmarks;

import java.nio.file.Path;
import java.util.List;

/**
 * A process the {@link ChildLauncher} starts in a fresh JVM, on the benchmark's class
 * path. Its main class receives the path of a result file as its first argument, followed
 * by {@link #arguments()}, and must write the measured milliseconds (a decimal number) to
 * that file before exiting with status 0.
 *
 * @param mainClass the fully qualified main class
 * @param arguments the arguments after the result file
 * @param classPathFirst directories put before the benchmark's class path, such as the
 * output of an application's ahead-of-time processing
 * @param jvmOptions options of this child's JVM, after those every child gets
 */
record ChildCommand(String mainClass, List<String> arguments, List<Path> classPathFirst, List<String> jvmOptions) {

	ChildCommand {
		arguments = List.copyOf(arguments);
		classPathFirst = List.copyOf(classPathFirst);
		jvmOptions = List.copyOf(jvmOptions);
	}

	/**
	 * Create a child started on the benchmark's class path with the options every child
	 * gets.
	 * @param mainClass the fully qualified main class
	 * @param arguments the arguments after the result file
	 */
	ChildCommand(String mainClass, List<String> arguments) {
		this(mainClass, arguments, List.of(), List.of());
	}

	/**
	 * Run a tool in a {@link BenchmarkChild}.
	 * @param action what the tool does
	 * @param tool the tool
	 * @param database the database it works on
	 * @param migrations the directory the generator wrote for this tool
	 * @param count how many migrations the directory holds
	 * @return the command
	 */
	static ChildCommand tool(ChildAction action, Tool tool, Database database, Path migrations, int count) {
		// The build-time index is read from the application's class path, as a packaged
		// application carries it, not through a class loader the timed work makes
		List<Path> classPathFirst = (tool == Tool.MIGRATIONS_INDEX) ? List.of(migrations) : List.of();
		return new ChildCommand(BenchmarkChild.class.getName(), List.of(action.name(), tool.name(), database.url(),
				migrations.toAbsolutePath().toString(), Integer.toString(count)), classPathFirst, List.of());
	}

}
