package dev.migrations.conformance;

import java.util.List;

import dev.migrations.testing.DatabaseKind;
import dev.migrations.testing.OnDatabase;
import dev.migrations.testing.TestDatabase;
import org.junit.jupiter.api.Assumptions;

/**
 * Development resets on SQLite: a trigger goes with its table.
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

	@Override
	void createElsewhere(TestDatabase other) {
		Assumptions.abort("SQLite has no other schema in a database: an attached database is another file, "
				+ "which lives only as long as the connection that attached it");
	}

	@Override
	String namedSchema(TestDatabase other) {
		Assumptions.abort("SQLite has no schemas to name a ledger with, but attached database files");
		return "main";
	}

	@Override
	long countElsewhere(TestDatabase other) {
		throw new UnsupportedOperationException("SQLite has no other schema");
	}

}
