package dev.migrations.docs;

import dev.migrations.Migration;
import dev.migrations.schema.Schema;

class BackfillDisplayNames implements Migration {

	@Override
	public void up(Schema schema) {
		schema.jdbc(connection -> {
			/* copy full_name into display_name */ });
	}

	@Override
	public void down(Schema schema) {
		schema.sql("UPDATE users SET display_name = NULL");
	}

}
