package dev.migrations.benchmarks;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Measures this library side by side with Flyway, Liquibase and plain JDBC, in one run,
 * and prints a Markdown report. Every measured run is a fresh JVM
 * ({@link BenchmarkChild}); within every round the tools run in an order rotated by the
 * round's number. Run it with {@code benchmarks/run.sh}; {@code --help} lists the
 * options. Not thread-safe; one benchmark per JVM.
 */
public final class Benchmark {

	private final BenchmarkOptions options;

	private final Path workDirectory;

	private final ChildLauncher launcher;

	private final Report report;

	private final Measurements measurements = new Measurements();

	private Benchmark(BenchmarkOptions options, Path workDirectory, PrintStream out) {
		this.options = options;
		this.workDirectory = workDirectory;
		this.launcher = new ChildLauncher(workDirectory);
		this.report = new Report(out);
	}

	/**
	 * Run the benchmark.
	 * @param arguments the options; see {@code --help}
	 * @throws IOException if the work directory cannot be written
	 */
	public static void main(String[] arguments) throws IOException {
		PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
		BenchmarkOptions options;
		try {
			options = BenchmarkOptions.parse(arguments);
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			System.err.println();
			System.err.print(BenchmarkOptions.USAGE);
			System.exit(2);
			return;
		}
		if (options.help()) {
			out.print(BenchmarkOptions.USAGE);
			return;
		}
		Path workDirectory = Files.createTempDirectory("migrations-benchmark-");
		try {
			new Benchmark(options, workDirectory, out).run();
		}
		finally {
			H2Server.deleteRecursively(workDirectory);
		}
	}

	private void run() throws IOException {
		List<DatabaseServer> servers = new ArrayList<>();
		try {
			for (String database : this.options.databases()) {
				servers.add(database.equals("h2") ? new H2Server(this.workDirectory.resolve("h2"))
						: PostgresServer.fromEnvironment());
			}
			this.report.heading(Machine.describe(), servers.stream().map(DatabaseServer::describe).toList(),
					this.options.runs());
			for (Scenario scenario : this.options.scenarios()) {
				List<Tool> tools = this.options.tools(scenario);
				List<Integer> sizes = this.options.sizes(scenario);
				for (DatabaseServer server : servers) {
					for (int size : sizes) {
						measure(scenario, tools, server, size);
					}
				}
				this.report.scenario(scenario, tools, servers, sizes, this.measurements);
			}
		}
		finally {
			servers.forEach(DatabaseServer::close);
		}
	}

	private void measure(Scenario scenario, List<Tool> tools, DatabaseServer server, int size) throws IOException {
		Map<Tool, StartingPoint> startingPoints = new EnumMap<>(Tool.class);
		try {
			for (Tool tool : tools) {
				progress(scenario, server, size, "preparing " + tool.label());
				startingPoints.put(tool, scenario.prepare(server, tool, migrations(tool, size), size, this.launcher));
			}
			for (int round = 0; round < this.options.runs(); round++) {
				List<Tool> order = new ArrayList<>(tools);
				Collections.rotate(order, -round);
				for (Tool tool : order) {
					StartingPoint startingPoint = startingPoints.get(tool);
					Database database = startingPoint.newDatabase();
					double milliseconds;
					try {
						milliseconds = this.launcher
							.run(scenario.measure(tool, database, startingPoint, migrations(tool, size), size));
					}
					finally {
						server.drop(database);
					}
					this.measurements.add(scenario, server, size, tool, milliseconds);
					this.launcher.lastConnections()
						.ifPresent((peak) -> this.measurements.addConnections(scenario, server, size, tool, peak));
					this.launcher.lastCpu()
						.ifPresent((cpu) -> this.measurements.addCpu(scenario, server, size, tool, cpu));
					progress(scenario, server, size, String.format(Locale.ROOT, "round %d/%d, %s: %.1f ms", round + 1,
							this.options.runs(), tool.label(), milliseconds));
				}
			}
		}
		finally {
			startingPoints.values().forEach(StartingPoint::close);
		}
	}

	private Path migrations(Tool tool, int size) throws IOException {
		Path directory = this.workDirectory.resolve("migrations").resolve(tool.optionName()).resolve("n" + size);
		if (!Files.isDirectory(directory)) {
			MigrationGenerator.write(tool, directory, size);
		}
		return directory;
	}

	private static void progress(Scenario scenario, DatabaseServer server, int size, String message) {
		System.err.println("[" + scenario.optionName() + ", " + server.displayName() + ", N=" + size + "] " + message);
	}

}
