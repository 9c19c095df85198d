package dev.migrations.dialect;

import dev.migrations.schema.TableOperation.DropForeignKey;

/**
 * MariaDB: as MySQL, and dropping a foreign key also drops the index MariaDB created for
 * it, so that adding and dropping a foreign key leaves the table as it was.
 */
class MariaDbTableRenderer extends MySqlTableRenderer {

	MariaDbTableRenderer(Dialect dialect) {
		super(dialect);
	}

	@Override
	int maxDecimalScale() {
		return 38;
	}

	@Override
	String dropForeignKey(DropForeignKey drop) {
		return super.dropForeignKey(drop) + ", DROP INDEX IF EXISTS " + quote(drop.name());
	}

}
