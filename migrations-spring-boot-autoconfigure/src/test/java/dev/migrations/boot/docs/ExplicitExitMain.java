package dev.migrations.boot.docs;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The {@code main} of docs/spring-boot.md that ends the JVM explicitly when threads the
 * context does not manage would keep it alive after apply-and-exit.
 */
final class ExplicitExitMain {

	private ExplicitExitMain() {
	}

	public static void main(String[] args) {
		ConfigurableApplicationContext context = SpringApplication.run(App.class, args);
		if (!context.isActive()) { // closed by migrations.on-startup=apply-and-exit
			System.exit(0);
		}
	}

}
