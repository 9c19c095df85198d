package dev.migrations.benchmarks;

import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

import dev.migrations.source.MigrationIndex;
import org.springframework.boot.SpringApplicationAotProcessor;
import org.springframework.context.aot.AbstractAotProcessor.Settings;
import org.springframework.javapoet.ClassName;

/**
 * Processes the {@link BenchmarkApplication} ahead of time, untimed, as an application's
 * build does with {@code spring-boot-maven-plugin:process-aot}: Spring Boot's
 * {@link SpringApplicationAotProcessor} with the properties of the measured start (which
 * settle the conditions once and for all), then the generated sources compiled with the
 * JDK's compiler. Started with the migrations directory first on its class path, so that
 * the starter's AOT processor finds the scripts and writes their index.
 * <p>
 * Arguments: {@code <result file> <tool> <jdbc url> <migrations directory> <number of
 * migrations> <output directory>}. The output directory gets {@code sources} and
 * {@code classes}, the class path root of the generated classes and resources; the
 * milliseconds the processing took go to the result file.
 */
public final class AotProcessingChild {

	/**
	 * The folder of the output directory that a processed start puts on its class path.
	 */
	static final String CLASSES = "classes";

	private AotProcessingChild() {
	}

	/**
	 * Process the application and check what the processing wrote.
	 * @param arguments see the class description
	 * @throws Exception if the processing or the compilation fails, or the output lacks
	 * the initializer or, with this library, the index of every migration
	 */
	public static void main(String[] arguments) throws Exception {
		if (arguments.length != 6) {
			throw new IllegalArgumentException("Expected <result file> <tool> <jdbc url> <migrations directory> "
					+ "<number of migrations> <output directory>, got " + arguments.length + " arguments");
		}
		Path resultFile = Path.of(arguments[0]);
		Tool tool = Tool.valueOf(arguments[1]);
		int count = Integer.parseInt(arguments[4]);
		Path output = Path.of(arguments[5]).toAbsolutePath();
		Path sources = output.resolve("sources");
		Path classes = output.resolve(CLASSES);
		long start = System.nanoTime();
		Settings settings = Settings.builder()
			.sourceOutput(sources)
			.resourceOutput(classes)
			.classOutput(classes)
			.groupId("dev.migrations")
			.artifactId("migrations-benchmarks")
			.build();
		String[] applicationArguments = { tool.name(), arguments[2], arguments[3], Integer.toString(count) };
		ClassName initializer = new SpringApplicationAotProcessor(BenchmarkApplication.class, settings,
				applicationArguments)
			.process();
		compile(sources, classes);
		long elapsed = System.nanoTime() - start;
		Path initializerClass = classes.resolve(initializer.reflectionName().replace('.', '/') + ".class");
		if (!Files.isRegularFile(initializerClass)) {
			throw new IllegalStateException("The processing generated no " + initializerClass);
		}
		checkIndex(tool, classes.resolve(MigrationIndex.RESOURCE), count);
		Files.writeString(resultFile, Double.toString(elapsed / 1_000_000.0));
	}

	private static void compile(Path sources, Path classes) throws IOException {
		JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
		if (compiler == null) {
			throw new IllegalStateException("No Java compiler in " + System.getProperty("java.home")
					+ ": run the benchmark with a JDK, not a JRE");
		}
		List<Path> files;
		try (Stream<Path> walk = Files.walk(sources)) {
			files = walk.filter((file) -> file.toString().endsWith(".java")).toList();
		}
		DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
		try (StandardJavaFileManager fileManager = compiler.getStandardFileManager(diagnostics, Locale.ROOT,
				StandardCharsets.UTF_8)) {
			List<String> options = List.of("-d", classes.toString(), "-classpath",
					classes + File.pathSeparator + System.getProperty("java.class.path"), "-parameters", "-proc:none",
					"-nowarn");
			Boolean compiled = compiler
				.getTask(null, fileManager, diagnostics, options, null, fileManager.getJavaFileObjectsFromPaths(files))
				.call();
			if (!Boolean.TRUE.equals(compiled)) {
				throw new IllegalStateException("The " + files.size() + " generated sources did not compile:\n"
						+ diagnostics.getDiagnostics()
							.stream()
							.map((diagnostic) -> diagnostic.getMessage(Locale.ROOT))
							.collect(Collectors.joining("\n")));
			}
		}
	}

	/**
	 * Check that the starter's AOT processor indexed every migration, or, without this
	 * library, wrote no index.
	 */
	private static void checkIndex(Tool tool, Path index, int count) throws IOException {
		if (!BenchmarkApplication.startsMigrations(tool)) {
			if (Files.exists(index)) {
				throw new IllegalStateException(
						tool + ": the processing wrote " + index + " with the starter disabled");
			}
			return;
		}
		if (!Files.isRegularFile(index)) {
			throw new IllegalStateException(tool + ": the starter's AOT processor wrote no " + index);
		}
		try (Reader reader = Files.newBufferedReader(index)) {
			String location = "classpath:" + BenchmarkApplication.SCRIPTS;
			MigrationIndex read = MigrationIndex.read(reader);
			long indexed = read.text().lines().filter((line) -> line.startsWith("migration\t")).count();
			if (!read.locations().contains(location) || indexed != count) {
				throw new IllegalStateException(tool + ": " + index + " lists " + indexed + " migrations of "
						+ read.locations() + ", expected " + count + " of " + location);
			}
		}
	}

}
