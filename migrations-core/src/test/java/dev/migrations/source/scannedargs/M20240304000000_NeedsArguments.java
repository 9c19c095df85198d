package dev.migrations.source.scannedargs;

import dev.migrations.Migration;
import dev.migrations.schema.Schema;

/**
 * Has no constructor without parameters.
 */
public class M20240304000000_NeedsArguments implements Migration {

	private final String table;

	public M20240304000000_NeedsArguments(String table) {
		this.table = table;
	}

	@Override
	public void up(Schema schema) {
		schema.sql("CREATE TABLE " + this.table + " (id INT)");
	}

}
