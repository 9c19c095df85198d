package dev.migrations.source.scanned.nested;

import dev.migrations.source.scanned.AbstractTableMigration;
import dev.migrations.schema.Schema;

/**
 * Found in a sub-package, through an abstract base class, with a snake case name and a
 * private constructor.
 */
public class M20240303000000_create_sprockets extends AbstractTableMigration {

	private M20240303000000_create_sprockets() {
	}

	@Override
	public void up(Schema schema) {
		schema.sql("CREATE TABLE sprockets (id INT PRIMARY KEY)");
	}

}
