package dev.migrations.benchmarks;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The minimal Spring Boot application of the {@code spring-boot} scenario:
 * auto-configuration and one bean that reads the first and the last migrated table while
 * the context starts. {@link SpringBootChild} starts it; for the tools
 * {@linkplain Tool#processedAheadOfTime() processed ahead of time},
 * {@link AotProcessingChild} first runs Spring Boot's AOT processing on {@link #main},
 * with the same properties.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class BenchmarkApplication {

	/** Where a class path root holds the migrations read from the class path. */
	static final String SCRIPTS = "db/migrations";

	/**
	 * The migrated tables, read when the context starts.
	 * @param jdbcTemplate the application's JDBC access
	 * @param environment where {@code benchmark.last-table} names the last table
	 * @return the bean
	 */
	@Bean
	MigratedTables migratedTables(JdbcTemplate jdbcTemplate, Environment environment) {
		return new MigratedTables(jdbcTemplate, environment.getRequiredProperty("benchmark.last-table"));
	}

	/**
	 * Start the application: what {@code SpringApplicationAotProcessor} runs to find the
	 * context it processes.
	 * @param arguments
	 * {@code <tool> <jdbc url> <migrations directory> <number of migrations>}
	 */
	public static void main(String[] arguments) {
		create(Tool.valueOf(arguments[0]), arguments[1], Path.of(arguments[2]), Integer.parseInt(arguments[3])).run();
	}

	/**
	 * Create the application as a tool starts it.
	 * @param tool the tool
	 * @param url the database
	 * @param migrations the directory the generator wrote for the tool
	 * @param count how many migrations it holds
	 * @return the application, not yet run
	 */
	static SpringApplication create(Tool tool, String url, Path migrations, int count) {
		boolean classPath = tool == Tool.MIGRATIONS_INDEX || tool == Tool.MIGRATIONS_AOT;
		String location = classPath ? "classpath:" + SCRIPTS : "filesystem:" + migrations.toAbsolutePath();
		Map<String, Object> properties = new HashMap<>();
		properties.put("spring.datasource.url", url);
		properties.put("logging.level.root", "warn");
		properties.put("migrations.enabled", startsMigrations(tool));
		properties.put("migrations.locations", location);
		properties.put("spring.flyway.enabled", tool == Tool.FLYWAY);
		properties.put("spring.flyway.locations", location);
		properties.put("benchmark.last-table", "t_" + count);
		SpringApplication application = new SpringApplication(BenchmarkApplication.class);
		// The class the generated initializer is named after, whoever calls run
		application.setMainApplicationClass(BenchmarkApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setBannerMode(Banner.Mode.OFF);
		application.setLogStartupInfo(false);
		application.setDefaultProperties(properties);
		return application;
	}

	/**
	 * Return whether the application starts this library's runner for a tool.
	 * @param tool the tool
	 * @return whether the starter is enabled
	 */
	static boolean startsMigrations(Tool tool) {
		return tool == Tool.MIGRATIONS || tool == Tool.MIGRATIONS_INDEX || tool == Tool.MIGRATIONS_AOT;
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
