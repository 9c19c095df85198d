package dev.migrations.conformance;

import java.io.IOException;

import dev.migrations.DestructiveMigrationException;
import dev.migrations.MigrationDefinitionException;
import dev.migrations.MigrationEntry;
import dev.migrations.MigrationState;
import dev.migrations.testing.DatabaseKind;
import dev.migrations.testing.OnDatabase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The destructive-change guard on SQLite, which cannot change a column's type: a type
 * changes by rebuilding the table, whose {@code DROP TABLE} of a table holding rows the
 * guard refuses unless the migration is marked, whether it narrows or widens.
 */
@OnDatabase(DatabaseKind.SQLITE)
class SqliteDestructiveGuardTests extends DestructiveGuardConformanceTests {

	private static final String REBUILD = """
			CREATE TABLE authors_new (id INT PRIMARY KEY, name VARCHAR(%d), bio VARCHAR(200));
			INSERT INTO authors_new (id, name, bio) SELECT id, name, bio FROM authors;
			DROP TABLE authors;
			ALTER TABLE authors_new RENAME TO authors;
			""";

	@Test
	@Override
	void narrowingAColumnOfATableWithRowsIsRefused() {
		insertAuthors(3);
		this.entries.add(MigrationEntry.of("m_20240102000000_shorten_name",
				(schema) -> schema.table("authors", (table) -> table.string("name", 10).nullable().change())));
		assertThatExceptionOfType(MigrationDefinitionException.class).isThrownBy(() -> runner().applyAll())
			.withMessageContaining("SQLite");
		assertThat(states()).containsExactly(MigrationState.PENDING);
	}

	@Test
	@Override
	void narrowingAColumnInASqlFileIsRefused() throws IOException {
		insertAuthors(3);
		write("20240102000000_shorten_name.up.sql", REBUILD.formatted(10));
		assertThatExceptionOfType(DestructiveMigrationException.class).isThrownBy(() -> runner().applyAll())
			.withMessageContaining("it drops table authors, holding 3 rows");
		assertThat(states()).containsExactly(MigrationState.PENDING);
	}

	@Test
	@Override
	void wideningAColumnOfATableWithRowsIsApplied() throws IOException {
		insertAuthors(3);
		write("20240102000000_lengthen_name.up.sql", "-- migrations: destructive\n" + REBUILD.formatted(200));
		assertThat(runner().applyAll().migrations()).hasSize(1);
		assertThat(this.database.queryForLong("SELECT COUNT(*) FROM authors")).isEqualTo(3);
	}

}
