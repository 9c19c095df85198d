package dev.migrations.boot.autoconfigure.scanned;

import dev.migrations.Migration;
import dev.migrations.boot.autoconfigure.MigrationBean;
import dev.migrations.schema.Schema;

/**
 * Found by scanning, its id from {@link MigrationBean}; also declared as a bean by some
 * tests, and then registered once.
 */
@MigrationBean("m_20241201000300_create_farewells")
public class CreateFarewells implements Migration {

	@Override
	public void up(Schema schema) {
		schema.sql("CREATE TABLE farewells (text VARCHAR(100))");
	}

}
