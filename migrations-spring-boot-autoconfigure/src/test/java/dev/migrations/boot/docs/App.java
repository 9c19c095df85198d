package dev.migrations.boot.docs;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The plain {@code main} of docs/spring-boot.md, "apply-and-exit and main", which needs
 * no change for {@code migrations.on-startup=apply-and-exit}.
 */
@SpringBootApplication
class App {

	public static void main(String[] args) {
		SpringApplication.run(App.class, args);
	}

}
