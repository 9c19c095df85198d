package dev.migrations.source.scannednoid;

import dev.migrations.Migration;
import dev.migrations.schema.Schema;

/**
 * Neither its name nor a constant gives it an id.
 */
public class CreateThings implements Migration {

	@Override
	public void up(Schema schema) {
		schema.sql("CREATE TABLE things (id INT)");
	}

}
