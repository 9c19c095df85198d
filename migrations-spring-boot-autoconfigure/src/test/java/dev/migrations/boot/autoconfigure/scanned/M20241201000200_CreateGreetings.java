package dev.migrations.boot.autoconfigure.scanned;

import dev.migrations.Migration;
import dev.migrations.schema.Schema;

import org.springframework.core.env.Environment;

/**
 * Found by scanning, its id spelled by its name, created by the bean factory with its
 * constructor injected; the example of docs/spring-boot.md.
 */
public class M20241201000200_CreateGreetings implements Migration {

	private final String greeting;

	public M20241201000200_CreateGreetings(Environment environment) {
		this.greeting = environment.getProperty("greeting.text", "hello");
	}

	@Override
	public void up(Schema schema) {
		schema.sql("CREATE TABLE greetings (text VARCHAR(100))");
		schema.sql("INSERT INTO greetings (text) VALUES ('" + this.greeting.replace("'", "''") + "')");
	}

}
