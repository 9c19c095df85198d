package dev.migrations.maven;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * Runs Maven as a process on a small project, with this build's plugin and core installed
 * in a local repository of their own under {@code target/}: nothing of this project goes
 * to the user's repository, and the plugin is found whether or not the rest of the build
 * was ever installed. Every other artifact is the user's, linked in, so a build run
 * offline runs offline here too.
 */
final class MavenBuild {

	private static final String GROUP_PATH = "dev/migrations";

	private static @Nullable Path repository;

	private MavenBuild() {
	}

	/**
	 * Run Maven.
	 * @param project the project's directory
	 * @param environment variables to set; every other {@code MIGRATIONS_} variable is
	 * removed
	 * @param args the goals and options
	 * @return the exit code and the output
	 */
	static Result run(Path project, Map<String, String> environment, String... args) {
		List<String> command = new ArrayList<>(
				List.of(mavenHome().resolve("bin/mvn").toString(), "-B", "-ntp", "-Dmaven.repo.local=" + repository()));
		if (Boolean.getBoolean("migrations.maven.offline")) {
			command.add("-o");
		}
		command.addAll(Arrays.asList(args));
		try {
			Path log = Files.createTempFile(project, "maven", ".log");
			ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile())
				.redirectErrorStream(true)
				.redirectOutput(log.toFile());
			builder.environment().keySet().removeIf((name) -> name.startsWith("MIGRATIONS_"));
			builder.environment().putAll(environment);
			Process process = builder.start();
			if (!process.waitFor(3, TimeUnit.MINUTES)) {
				process.destroyForcibly();
				throw new IllegalStateException("Maven did not finish in 3 minutes: " + Files.readString(log));
			}
			return new Result(process.exitValue(), Files.readString(log));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Write the test project: its pom, with the plugin and a driver, and its migrations.
	 * @param directory where
	 * @param driver the driver's {@code groupId:artifactId}
	 * @param driverClass a class of the driver, whose jar gives the version
	 */
	static void writeProject(Path directory, String driver, Class<?> driverClass) throws IOException {
		String[] coordinates = driver.split(":");
		String pom;
		try (var template = MavenBuild.class.getResourceAsStream("/project/pom.xml")) {
			pom = new String(template.readAllBytes(), StandardCharsets.UTF_8);
		}
		pom = pom.replace("@migrationsVersion@", property("projectVersion"))
			.replace("@compilerPluginVersion@", property("compilerPluginVersion"))
			.replace("@resourcesPluginVersion@", property("resourcesPluginVersion"))
			.replace("@driverGroupId@", coordinates[0])
			.replace("@driverArtifactId@", coordinates[1])
			.replace("@driverVersion@", versionOf(driverClass));
		Files.writeString(directory.resolve("pom.xml"), pom);
	}

	/**
	 * Return the version of the jar a class comes from, the folder above it in a Maven
	 * repository.
	 */
	private static String versionOf(Class<?> driverClass) {
		try {
			Path jar = Path.of(driverClass.getProtectionDomain().getCodeSource().getLocation().toURI());
			return jar.getParent().getFileName().toString();
		}
		catch (java.net.URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static synchronized Path repository() {
		if (repository == null) {
			repository = createRepository();
		}
		return repository;
	}

	private static Path createRepository() {
		Path basedir = Path.of(property("basedir"));
		Path target = basedir.resolve("target/it-repository");
		String version = property("projectVersion");
		try {
			linkEverythingBut(Path.of(property("localRepository")), target);
			install(target, "migrations-parent", version, basedir.resolve("../pom.xml"), null);
			install(target, "migrations-core", version, basedir.resolve("../migrations-core/pom.xml"),
					basedir.resolve("../migrations-core/target/migrations-core-" + version + ".jar"));
			install(target, "migrations-maven-plugin", version, basedir.resolve("pom.xml"),
					Path.of(property("pluginJar")));
			return target;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Link every folder of the user's repository, but this project's group.
	 */
	private static void linkEverythingBut(Path userRepository, Path target) throws IOException {
		Files.createDirectories(target.resolve(GROUP_PATH));
		link(userRepository, target, "dev");
		link(userRepository.resolve("dev"), target.resolve("dev"), "migrations");
	}

	private static void link(Path from, Path to, String except) throws IOException {
		if (!Files.isDirectory(from)) {
			return;
		}
		try (Stream<Path> children = Files.list(from)) {
			for (Path child : children.toList()) {
				Path link = to.resolve(child.getFileName().toString());
				if (!child.getFileName().toString().equals(except) && !Files.exists(link, LinkOption.NOFOLLOW_LINKS)) {
					Files.createSymbolicLink(link, child);
				}
			}
		}
	}

	private static void install(Path repository, String artifactId, String version, Path pom, @Nullable Path jar)
			throws IOException {
		Path directory = Files.createDirectories(repository.resolve(GROUP_PATH).resolve(artifactId).resolve(version));
		Files.copy(pom, directory.resolve(artifactId + "-" + version + ".pom"), StandardCopyOption.REPLACE_EXISTING);
		if (jar != null) {
			if (!Files.isRegularFile(jar)) {
				throw new IllegalStateException(
						jar + " is missing: build it first (mvn -pl " + "migrations-maven-plugin -am verify)");
			}
			Files.copy(jar, directory.resolve(artifactId + "-" + version + ".jar"),
					StandardCopyOption.REPLACE_EXISTING);
		}
	}

	private static Path mavenHome() {
		return Path.of(property("home"));
	}

	private static String property(String name) {
		String value = System.getProperty("migrations.maven." + name);
		if (value == null || value.isBlank()) {
			throw new IllegalStateException("System property migrations.maven." + name
					+ " is not set: run the test with Maven (failsafe sets it)");
		}
		return value;
	}

	/**
	 * What a Maven run did.
	 *
	 * @param exitCode its exit code
	 * @param output what it printed
	 */
	record Result(int exitCode, String output) {

		boolean succeeded() {
			return this.exitCode == 0;
		}

	}

}
