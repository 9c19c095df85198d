package dev.migrations.boot.autoconfigure.entities;

import dev.migrations.boot.autoconfigure.entities.v2.Author;

import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.context.annotation.Bean;

/**
 * An application with JPA entities, in their second version, whose own work must not run
 * when it is started with a migration command.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@EntityScan(basePackageClasses = Author.class)
public class EntityApplication {

	@Bean
	CommandLineRunner applicationWork() {
		return (args) -> System.out.println("The application's own work ran");
	}

	public static void main(String[] args) {
		SpringApplication.run(EntityApplication.class, args);
	}

}
