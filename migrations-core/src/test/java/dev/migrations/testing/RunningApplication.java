package dev.migrations.testing;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sample's executable jar, started as a separate process on a free port. Closing it
 * stops the process, forcibly if it does not stop in time.
 */
public final class RunningApplication implements AutoCloseable {

	private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(120);

	private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(30);

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final Process process;

	private final Path output;

	private final int port;

	private final String name;

	private RunningApplication(Process process, Path output, int port, String name) {
		this.process = process;
		this.output = output;
		this.port = port;
		this.name = name;
	}

	/**
	 * Start the jar and wait until it reports itself ready
	 * ({@code /actuator/health/readiness}, which includes the migrations).
	 * @param name the application's name, such as {@code quickstart}: the jar's path is
	 * the system property {@code <name>.jar}, which the failsafe configuration sets
	 * @param directory where to write the process output
	 * @param arguments application arguments, after {@code --server.port}
	 * @param environment variables to set (a {@code null} value removes one)
	 * @return the running application
	 */
	public static RunningApplication start(String name, Path directory, List<String> arguments,
			Map<String, String> environment) throws IOException, InterruptedException {
		String jar = System.getProperty(name + ".jar");
		assertThat(jar).as("system property %s.jar (set by the failsafe configuration)", name).isNotNull();
		assertThat(Path.of(jar)).as("the packaged %s jar", name).isRegularFile();
		int port = freePort();
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1",
						"-Xshare:auto", "-jar", jar, "--server.port=" + port));
		command.addAll(arguments);
		Path output = Files.createTempFile(directory, name, ".log");
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
		environment.forEach((variable, value) -> {
			if (value == null) {
				builder.environment().remove(variable);
			}
			else {
				builder.environment().put(variable, value);
			}
		});
		RunningApplication application = new RunningApplication(builder.start(), output, port, name);
		try {
			application.awaitReady();
			return application;
		}
		catch (IOException | InterruptedException | RuntimeException | AssertionError ex) {
			application.close();
			throw ex;
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			socket.setReuseAddress(true);
			return socket.getLocalPort();
		}
	}

	private void awaitReady() throws IOException, InterruptedException {
		long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new AssertionError("The " + this.name + " application exited with status "
						+ this.process.exitValue() + " before it was ready:\n" + output());
			}
			try {
				HttpResponse<String> readiness = send(HttpRequest.newBuilder(uri("/actuator/health/readiness"))
					.timeout(Duration.ofSeconds(5))
					.GET()
					.build());
				if (readiness.statusCode() == 200) {
					return;
				}
				Thread.sleep(250);
			}
			catch (ConnectException | HttpTimeoutException ex) {
				Thread.sleep(250);
			}
		}
		throw new AssertionError(
				"The " + this.name + " application was not ready within " + STARTUP_TIMEOUT + ":\n" + output());
	}

	/**
	 * GET a path and return the response.
	 * @param path the path, such as {@code /actuator/migrations}
	 * @return the response
	 */
	public HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).GET().build());
	}

	/**
	 * POST a JSON body to a path and return the response.
	 * @param path the path
	 * @param json the body
	 * @return the response
	 */
	public HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
		return send(HttpRequest.newBuilder(uri(path))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build());
	}

	private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	/**
	 * Return what the process printed so far.
	 * @return the output
	 */
	public String output() throws IOException {
		return Files.readString(this.output);
	}

	@Override
	public void close() throws IOException, InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(SHUTDOWN_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
			this.process.destroyForcibly();
			this.process.waitFor(SHUTDOWN_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
		}
	}

}
