package dev.migrations.process;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@link RunnerMain} started as a separate JVM, its output captured in files.
 */
public final class RunnerProcess {

	private final Process process;

	private final Path output;

	private RunnerProcess(Process process, Path output) {
		this.process = process;
		this.output = output;
	}

	/**
	 * Start a runner process.
	 * @param url the JDBC URL
	 * @param location the migrations location
	 * @param lockTimeoutSeconds the lock timeout
	 * @param output where to write its output
	 * @param options further {@link RunnerMain} options
	 * @return the process
	 * @throws IOException if it cannot be started
	 */
	public static RunnerProcess start(String url, String location, int lockTimeoutSeconds, Path output,
			String... options) throws IOException {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		List<String> command = new ArrayList<>(
				List.of(java, "-Xmx128m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
						RunnerMain.class.getName(), url, location, Integer.toString(lockTimeoutSeconds)));
		command.addAll(List.of(options));
		ProcessBuilder builder = new ProcessBuilder(command);
		builder.redirectErrorStream(true);
		builder.redirectOutput(output.toFile());
		return new RunnerProcess(builder.start(), output);
	}

	/**
	 * Wait for the process to exit.
	 * @param seconds how long to wait at most; the process is killed after that
	 * @return its exit code
	 * @throws InterruptedException if interrupted
	 */
	public int waitFor(int seconds) throws InterruptedException {
		if (!this.process.waitFor(seconds, TimeUnit.SECONDS)) {
			this.process.destroyForcibly().waitFor();
			throw new IllegalStateException("Runner process did not finish in " + seconds + " s: " + output());
		}
		return this.process.exitValue();
	}

	/**
	 * Kill the process with SIGKILL and wait for it to die.
	 * @throws InterruptedException if interrupted
	 */
	public void kill() throws InterruptedException {
		this.process.destroyForcibly().waitFor();
	}

	/**
	 * Pause the process with SIGSTOP, as a stalled host or a long garbage collection
	 * would.
	 * @throws Exception if the signal cannot be sent
	 */
	public void pause() throws Exception {
		signal("STOP");
	}

	/**
	 * Resume a paused process with SIGCONT.
	 * @throws Exception if the signal cannot be sent
	 */
	public void resume() throws Exception {
		signal("CONT");
	}

	private void signal(String name) throws Exception {
		int exit = new ProcessBuilder("kill", "-" + name, Long.toString(this.process.pid())).inheritIO()
			.start()
			.waitFor();
		if (exit != 0) {
			throw new IllegalStateException("kill -" + name + " " + this.process.pid() + " exited with " + exit);
		}
	}

	/**
	 * Wait until the process has printed a text.
	 * @param text the text
	 * @param seconds how long to wait at most
	 * @throws InterruptedException if interrupted
	 */
	public void awaitOutput(String text, int seconds) throws InterruptedException {
		long deadline = System.nanoTime() + seconds * 1_000_000_000L;
		while (!output().contains(text)) {
			if (System.nanoTime() > deadline || !this.process.isAlive() && !output().contains(text)) {
				this.process.destroyForcibly().waitFor();
				throw new IllegalStateException("The runner process never printed '" + text + "': " + output());
			}
			Thread.sleep(20);
		}
	}

	/**
	 * Return what the process printed.
	 * @return the output
	 */
	public String output() {
		try {
			return Files.readString(this.output);
		}
		catch (IOException ex) {
			return "(no output: " + ex + ")";
		}
	}

	/**
	 * Return the files written by several processes, for failure messages.
	 * @param processes the processes
	 * @return their outputs
	 */
	public static String outputs(List<RunnerProcess> processes) {
		StringBuilder outputs = new StringBuilder();
		for (RunnerProcess process : processes) {
			outputs.append(process.output).append(File.pathSeparator).append(process.output()).append('\n');
		}
		return outputs.toString();
	}

}
