package dev.migrations.boot.autoconfigure.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A small application with JPA, a JdbcTemplate-using bean and a bean that reads the
 * database through the DataSource, all of which need the migrated schema when they are
 * created.
 */
@SpringBootApplication
public class SampleApplication {

	public static void main(String[] args) {
		SpringApplication.run(SampleApplication.class, args);
	}

}
