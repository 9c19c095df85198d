package dev.migrations.test.spring.examples.application.scanned;

import dev.migrations.Migration;
import dev.migrations.schema.Schema;

import org.springframework.core.env.Environment;

/**
 * A Java migration found by scanning {@code migrations.java-packages}, whose constructor
 * the application's bean factory injects.
 */
public class M20240301000400_AddDefaultItem implements Migration {

	private final String name;

	public M20240301000400_AddDefaultItem(Environment environment) {
		this.name = environment.getRequiredProperty("items.default-name");
	}

	@Override
	public void up(Schema schema) {
		schema.sql("INSERT INTO items (id, name) VALUES (2, '" + this.name + "')");
	}

	@Override
	public void down(Schema schema) {
		schema.sql("DELETE FROM items WHERE id = 2");
	}

}
