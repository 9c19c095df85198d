package dev.migrations.source.scanned;

import dev.migrations.Migration;
import dev.migrations.schema.Schema;

/**
 * Found by scanning; its id is spelled by its name.
 */
public class M20240301000000_CreateWidgets implements Migration {

	@Override
	public void up(Schema schema) {
		schema.sql("CREATE TABLE widgets (id INT PRIMARY KEY)");
	}

	/**
	 * An inner class cannot be created without an instance of its class: skipped.
	 */
	public class Inner implements Migration {

		@Override
		public void up(Schema schema) {
			schema.sql("CREATE TABLE never_created (id INT)");
		}

	}

}
