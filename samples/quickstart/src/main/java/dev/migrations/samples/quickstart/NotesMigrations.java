package dev.migrations.samples.quickstart;

import dev.migrations.Migration;
import dev.migrations.boot.autoconfigure.MigrationBean;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Migrations written in Java with the schema builder. They are sorted together with the
 * SQL files in {@code db/migrations} by id.
 */
@Configuration(proxyBeanMethods = false)
class NotesMigrations {

	/**
	 * Adds a {@code pinned} flag and an index. Both are reversible, so the migration
	 * needs no {@code down}: rolling it back drops the index, then the column.
	 * @return the migration
	 */
	@Bean
	@MigrationBean("m_20241201000200_add_pinned_to_notes")
	Migration addPinnedToNotes() {
		return (schema) -> schema.table("notes", (table) -> {
			table.booleanColumn("pinned").defaultValue(false);
			table.index("notebook_id", "pinned");
		});
	}

}
