package dev.migrations.boot.autoconfigure.exit;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.SpringBootConfiguration;

/**
 * An application run as a child process with
 * {@code migrations.on-startup=apply-and-exit}.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class MigrateAndExitApplication {

	public static void main(String[] args) {
		SpringApplication.run(MigrateAndExitApplication.class, args);
	}

}
