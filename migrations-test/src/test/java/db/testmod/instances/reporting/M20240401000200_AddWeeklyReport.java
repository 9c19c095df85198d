package db.testmod.instances.reporting;

import dev.migrations.Migration;
import dev.migrations.schema.Schema;

/**
 * A Java migration of the reporting instance, found by scanning its location's package.
 */
public class M20240401000200_AddWeeklyReport implements Migration {

	@Override
	public void up(Schema schema) {
		schema.sql("INSERT INTO reports (id, name) VALUES (2, 'weekly')");
	}

	@Override
	public void down(Schema schema) {
		schema.sql("DELETE FROM reports WHERE id = 2");
	}

}
