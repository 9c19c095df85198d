package dev.migrations.samples.fromflyway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A shop service whose schema Flyway managed until it moved to the starter: its
 * {@code V__} files renamed by the guide's script, its {@code spring.flyway.*} properties
 * turned into {@code migrations.*} ones.
 */
@SpringBootApplication
public class FromFlywayApplication {

	public static void main(String[] args) {
		SpringApplication.run(FromFlywayApplication.class, args);
	}

}
