package dev.migrations.samples.aot;

import dev.migrations.Migration;
import dev.migrations.schema.Schema;

/**
 * Adds the first note: a Java migration among the SQL ones.
 */
class WelcomeNote implements Migration {

	@Override
	public void up(Schema schema) {
		schema.sql("INSERT INTO notes (title) VALUES ('Welcome')");
	}

	@Override
	public void down(Schema schema) {
		schema.sql("DELETE FROM notes WHERE title = 'Welcome'");
	}

}
