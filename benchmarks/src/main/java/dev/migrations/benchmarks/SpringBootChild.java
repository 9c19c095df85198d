package dev.migrations.benchmarks;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import dev.migrations.boot.autoconfigure.MigrationRunnerCustomizer;
import dev.migrations.runner.MigrationRunner;
import dev.migrations.source.MigrationIndex;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One measured start of a minimal Spring Boot application:
 * {@code <result file> <tool> <jdbc url> <migrations directory> <number of migrations>}.
 * The clock runs from just before {@link SpringApplication#run} to
 * {@link ApplicationReadyEvent}; the application reads the first and the last migrated
 * table while it starts, so every variant opens a connection and sees a migrated schema.
 */
public final class SpringBootChild {

	private SpringBootChild() {
	}

	public static void main(String[] arguments) throws Exception {
		Path resultFile = Path.of(arguments[0]);
		Tool tool = Tool.valueOf(arguments[1]);
		String url = arguments[2];
		Path migrations = Path.of(arguments[3]).toAbsolutePath();
		boolean indexed = tool == Tool.MIGRATIONS_INDEX;
		String location = indexed ? "classpath:db/migrations" : "filesystem:" + migrations;
		int count = Integer.parseInt(arguments[4]);
		Map<String, Object> properties = new HashMap<>();
		properties.put("spring.datasource.url", url);
		properties.put("logging.level.root", "warn");
		properties.put("migrations.enabled", tool == Tool.MIGRATIONS || indexed);
		properties.put("migrations.locations", location);
		properties.put("spring.flyway.enabled", tool == Tool.FLYWAY);
		properties.put("spring.flyway.locations", location);
		properties.put("benchmark.last-table", "t_" + count);
		SpringApplication application = new SpringApplication(BenchmarkApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setBannerMode(Banner.Mode.OFF);
		application.setLogStartupInfo(false);
		application.setDefaultProperties(properties);
		if (indexed) {
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
		long[] ready = new long[1];
		application.addListeners((ApplicationListener<ApplicationReadyEvent>) (event) -> ready[0] = System.nanoTime());
		long start = System.nanoTime();
		try (ConfigurableApplicationContext context = application.run()) {
			if (ready[0] == 0) {
				throw new IllegalStateException("The application never became ready");
			}
			// Untimed: a runner that found no migrations would look fast
			if (tool == Tool.MIGRATIONS || indexed) {
				int found = context.getBean(MigrationRunner.class).descriptors().size();
				if (found != count) {
					throw new IllegalStateException(tool + " found " + found + " migrations, expected " + count);
				}
			}
			Files.writeString(resultFile, Double.toString((ready[0] - start) / 1_000_000.0));
		}
	}

	/**
	 * The application: auto-configuration and one bean that reads migrated tables.
	 */
	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class BenchmarkApplication {

		@Bean
		MigratedTables migratedTables(JdbcTemplate jdbcTemplate, org.springframework.core.env.Environment environment) {
			return new MigratedTables(jdbcTemplate, environment.getRequiredProperty("benchmark.last-table"));
		}

	}

	/**
	 * Reads the first and last migrated tables when created, as an application's
	 * repositories would.
	 */
	static final class MigratedTables {

		MigratedTables(JdbcTemplate jdbcTemplate, String lastTable) {
			for (String table : new String[] { "t_1", lastTable }) {
				Integer rows = jdbcTemplate.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class);
				if (rows == null || rows != 1) {
					throw new IllegalStateException("Table " + table + " does not hold exactly one row");
				}
			}
		}

	}

}
