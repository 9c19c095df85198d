package dev.migrations.benchmarks;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * Starts each {@link ChildCommand} in a fresh JVM with this JVM's class path (after the
 * command's own directories), waits for it, and reads the milliseconds it measured. JVM
 * start-up is therefore never measured, while everything a cold JVM costs inside the tool
 * is. A child may add a line {@value #CONNECTIONS} and the peak number of connections it
 * held at once, which {@link #lastConnections()} returns, and a line {@value #CPU} and
 * the CPU time its measured thread used while the clock ran, which {@link #lastCpu()}
 * returns.
 */
final class ChildLauncher {

	/**
	 * Options of every child JVM, the same for every tool: quiet logs (warnings still
	 * show), and no Liquibase analytics, which would otherwise fetch a remote
	 * configuration and time the network rather than the tool.
	 */
	static final List<String> JVM_OPTIONS = List.of("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
			"-Dliquibase.analytics.enabled=false");

	/** The word that starts the result file's line of the peak number of connections. */
	static final String CONNECTIONS = "connections";

	/**
	 * The word that starts the result file's line of the CPU time, in milliseconds, that
	 * the measured thread used while the clock ran.
	 */
	static final String CPU = "cpu";

	private static final Duration TIMEOUT = Duration.ofMinutes(30);

	private static final int OUTPUT_LINES_ON_FAILURE = 40;

	private final Path directory;

	private final String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

	private final String classPath = System.getProperty("java.class.path");

	private OptionalInt lastConnections = OptionalInt.empty();

	private OptionalDouble lastCpu = OptionalDouble.empty();

	ChildLauncher(Path directory) {
		this.directory = directory;
	}

	/**
	 * Run a child to completion.
	 * @param command the child
	 * @return the milliseconds it measured
	 * @throws IllegalStateException if it fails, times out or reports nothing
	 */
	double run(ChildCommand command) {
		Path result = this.directory.resolve("result.txt");
		Path output = this.directory.resolve("child-output.txt");
		this.lastConnections = OptionalInt.empty();
		this.lastCpu = OptionalDouble.empty();
		try {
			Files.deleteIfExists(result);
			List<String> processCommand = new ArrayList<>();
			processCommand.add(this.java);
			processCommand.addAll(JVM_OPTIONS);
			processCommand.addAll(command.jvmOptions());
			processCommand.add("-cp");
			processCommand.add(classPath(command));
			processCommand.add(command.mainClass());
			processCommand.add(result.toString());
			processCommand.addAll(command.arguments());
			Process process = new ProcessBuilder(processCommand).redirectErrorStream(true)
				.redirectOutput(output.toFile())
				.start();
			if (!process.waitFor(TIMEOUT.toMinutes(), TimeUnit.MINUTES)) {
				process.destroyForcibly().waitFor();
				throw failure(command, "did not finish within " + TIMEOUT.toMinutes() + " minutes", output);
			}
			if (process.exitValue() != 0) {
				throw failure(command, "exited with status " + process.exitValue(), output);
			}
			if (!Files.exists(result)) {
				throw failure(command, "exited without writing a result", output);
			}
			List<String> lines = Files.readAllLines(result);
			this.lastConnections = value(lines, CONNECTIONS).map((peak) -> OptionalInt.of(Integer.parseInt(peak)))
				.orElseGet(OptionalInt::empty);
			this.lastCpu = value(lines, CPU).map((cpu) -> OptionalDouble.of(Double.parseDouble(cpu)))
				.orElseGet(OptionalDouble::empty);
			return Double.parseDouble(lines.get(0).strip());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not run " + command, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while running " + command, ex);
		}
	}

	private String classPath(ChildCommand command) {
		List<String> entries = new ArrayList<>();
		command.classPathFirst().forEach((directory) -> entries.add(directory.toAbsolutePath().toString()));
		entries.add(this.classPath);
		return String.join(File.pathSeparator, entries);
	}

	private static Optional<String> value(List<String> lines, String word) {
		return lines.stream()
			.skip(1)
			.filter((line) -> line.startsWith(word + " "))
			.map((line) -> line.substring(word.length() + 1).strip())
			.findFirst();
	}

	/**
	 * Return the peak number of connections the last child that ran reported.
	 * @return the number, or empty if it reported none
	 */
	OptionalInt lastConnections() {
		return this.lastConnections;
	}

	/**
	 * Return the CPU time of the measured thread that the last child that ran reported
	 * for the time its clock ran.
	 * @return the milliseconds, or empty if it reported none
	 */
	OptionalDouble lastCpu() {
		return this.lastCpu;
	}

	private static IllegalStateException failure(ChildCommand command, String what, Path output) throws IOException {
		List<String> lines = Files.exists(output) ? Files.readAllLines(output) : List.of();
		List<String> tail = lines.subList(Math.max(0, lines.size() - OUTPUT_LINES_ON_FAILURE), lines.size());
		return new IllegalStateException("Child " + command.mainClass() + " " + command.arguments() + " " + what
				+ "; the last lines it printed:\n" + String.join("\n", tail));
	}

}
