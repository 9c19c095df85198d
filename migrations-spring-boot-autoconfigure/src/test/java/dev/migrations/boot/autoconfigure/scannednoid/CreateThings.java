package dev.migrations.boot.autoconfigure.scannednoid;

import dev.migrations.Migration;
import dev.migrations.schema.Schema;

/**
 * Found by scanning, with no id from an annotation, a constant or its name.
 */
public class CreateThings implements Migration {

	@Override
	public void up(Schema schema) {
		schema.sql("CREATE TABLE things (id INT)");
	}

}
