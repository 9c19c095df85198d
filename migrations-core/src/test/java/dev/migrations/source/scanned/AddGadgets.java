package dev.migrations.source.scanned;

import dev.migrations.Migration;
import dev.migrations.MigrationId;
import dev.migrations.schema.Schema;

/**
 * Found by scanning; its id is its constant, as {@code make:migration --java} writes it.
 */
public class AddGadgets implements Migration {

	public static final MigrationId ID = MigrationId.parse("m_20240302000000_add_gadgets");

	@Override
	public void up(Schema schema) {
		schema.sql("CREATE TABLE gadgets (id INT PRIMARY KEY)");
	}

}
