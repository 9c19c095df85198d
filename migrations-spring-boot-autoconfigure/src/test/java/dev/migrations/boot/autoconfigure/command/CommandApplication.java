package dev.migrations.boot.autoconfigure.command;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * An application whose own work must not run when it is started with a migration command,
 * and that says when its context has started, which a command with a usage error must not
 * let happen.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class CommandApplication {

	@Bean
	CommandLineRunner applicationWork() {
		return (args) -> System.out.println("The application's own work ran");
	}

	@Bean
	SmartInitializingSingleton contextStarted() {
		return () -> System.out.println("The application context started");
	}

	public static void main(String[] args) {
		SpringApplication.run(CommandApplication.class, args);
	}

}
