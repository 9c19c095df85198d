package dev.migrations.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.migrations.boot.autoconfigure.MigrationRunnerCustomizer;
import dev.migrations.runner.MigrationRunner;
import dev.migrations.source.MigrationIndex;
import org.springframework.aot.AotDetector;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * One measured start of the {@link BenchmarkApplication}:
 * {@code <result file> <tool> <jdbc url> <migrations directory> <number of migrations>}.
 * The clock runs from just before {@link SpringApplication#run} to
 * {@link ApplicationReadyEvent}; the application reads the first and the last migrated
 * table while it starts, so every variant opens a connection and sees a migrated schema.
 * The result file's second line is the CPU time of the thread that runs the application,
 * over the same span. A tool {@linkplain Tool#processedAheadOfTime() processed ahead of
 * time} is started with {@code -Dspring.aot.enabled=true} and its generated artifacts
 * first on the class path.
 */
public final class SpringBootChild {

	private SpringBootChild() {
	}

	public static void main(String[] arguments) throws Exception {
		Path resultFile = Path.of(arguments[0]);
		Tool tool = Tool.valueOf(arguments[1]);
		Path migrations = Path.of(arguments[3]).toAbsolutePath();
		int count = Integer.parseInt(arguments[4]);
		SpringApplication application = BenchmarkApplication.create(tool, arguments[2], migrations, count);
		ResourceRecordingClassLoader recording = null;
		if (tool == Tool.MIGRATIONS_INDEX) {
			// The migrations and their index on the application's class path, and the
			// index given to the runner as a start with the AOT-generated artifacts
			// gives it
			ClassLoader classLoader = new URLClassLoader(new URL[] { migrations.toUri().toURL() },
					SpringBootChild.class.getClassLoader());
			application.setResourceLoader(new DefaultResourceLoader(classLoader));
			application.addInitializers((context) -> context.getBeanFactory()
				.registerSingleton("migrationIndexCustomizer",
						(MigrationRunnerCustomizer) (builder) -> builder.index(MigrationIndex.find(classLoader))));
		}
		else if (tool.processedAheadOfTime()) {
			if (!AotDetector.useGeneratedArtifacts()) {
				throw new IllegalStateException(tool + " must be started with -D" + AotDetector.AOT_ENABLED + "=true");
			}
			recording = new ResourceRecordingClassLoader(SpringBootChild.class.getClassLoader());
			application.setResourceLoader(new DefaultResourceLoader(recording));
		}
		// The event is published on the thread that runs the application
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		long[] ready = new long[2];
		application.addListeners((ApplicationListener<ApplicationReadyEvent>) (event) -> {
			ready[0] = System.nanoTime();
			ready[1] = threads.getCurrentThreadCpuTime();
		});
		long startCpu = threads.getCurrentThreadCpuTime();
		long start = System.nanoTime();
		try (ConfigurableApplicationContext context = application.run()) {
			if (ready[0] == 0) {
				throw new IllegalStateException("The application never became ready");
			}
			// Untimed: a start that listed the scripts after all, or a runner that found
			// no migrations, would look like another row or fast
			if (recording != null) {
				checkAheadOfTime(tool, recording);
			}
			if (BenchmarkApplication.startsMigrations(tool)) {
				int found = context.getBean(MigrationRunner.class).descriptors().size();
				if (found != count) {
					throw new IllegalStateException(tool + " found " + found + " migrations, expected " + count);
				}
			}
			Files.writeString(resultFile, (ready[0] - start) / 1_000_000.0 + "\n" + ChildLauncher.CPU + " "
					+ (ready[1] - startCpu) / 1_000_000.0 + "\n");
		}
	}

	/**
	 * Check, untimed, that a start with the generated artifacts did what they are for:
	 * with this library, it read the index and listed no script; without, it read
	 * neither.
	 */
	private static void checkAheadOfTime(Tool tool, ResourceRecordingClassLoader recording) {
		boolean indexed = BenchmarkApplication.startsMigrations(tool);
		if (recording.requested(MigrationIndex.RESOURCE) != indexed) {
			throw new IllegalStateException(tool + (indexed ? " did not read " : " read ") + MigrationIndex.RESOURCE);
		}
		if (recording.requestedUnder(BenchmarkApplication.SCRIPTS)) {
			throw new IllegalStateException(tool + " looked for scripts under " + BenchmarkApplication.SCRIPTS
					+ (indexed ? " instead of starting from the index" : " with the starter disabled"));
		}
	}

}
