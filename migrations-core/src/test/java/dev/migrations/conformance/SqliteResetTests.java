package dev.migrations.conformance;

import java.util.List;

import dev.migrations.testing.DatabaseKind;
import dev.migrations.testing.OnDatabase;

/**
 * Development resets on SQLite: a trigger goes with its table. SQLite has no other schema
 * in a database (an attached database is another file, which lives only as long as the
 * connection that attached it), so the tests of other schemas do not apply.
 */
@OnDatabase(DatabaseKind.SQLITE)
class SqliteResetTests extends ResetConformanceTests {

	@Override
	List<String> objectsMigration() {
		return List.of("""
				CREATE TRIGGER authors_trim AFTER INSERT ON authors BEGIN
				  UPDATE authors SET name = trim(name) WHERE id = NEW.id;
				END;
				""", "DROP TRIGGER authors_trim;\n");
	}

}
