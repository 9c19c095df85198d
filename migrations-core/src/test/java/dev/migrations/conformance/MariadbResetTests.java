package dev.migrations.conformance;

import java.util.List;

import dev.migrations.testing.DatabaseKind;
import dev.migrations.testing.OnDatabase;
import dev.migrations.testing.TestDatabase;

/**
 * Development resets on MariaDB: a function, a procedure and a trigger; another database
 * on the same server survives {@code fresh}.
 */
@OnDatabase(DatabaseKind.MARIADB)
class MariadbResetTests extends SchemaResetConformanceTests {

	@Override
	List<String> objectsMigration() {
		return List.of("""
				CREATE FUNCTION add_one(x INT) RETURNS INT DETERMINISTIC RETURN x + 1;
				CREATE PROCEDURE clear_authors() DELETE FROM authors;
				CREATE TRIGGER authors_trim BEFORE INSERT ON authors FOR EACH ROW SET NEW.name = TRIM(NEW.name);
				""", """
				DROP TRIGGER authors_trim;
				DROP PROCEDURE clear_authors;
				DROP FUNCTION add_one;
				""");
	}

	@Override
	void createElsewhere(TestDatabase other) {
		other.execute("CREATE TABLE authors (id INTEGER PRIMARY KEY)", "INSERT INTO authors (id) VALUES (1)",
				"CREATE VIEW author_ids AS SELECT id FROM authors",
				"CREATE FUNCTION add_one(x INT) RETURNS INT DETERMINISTIC RETURN x + 1");
	}

	@Override
	String namedSchema(TestDatabase other) {
		return other.queryForString("SELECT DATABASE()");
	}

	@Override
	long countElsewhere(TestDatabase other) {
		return other.queryForLong("SELECT COUNT(*) FROM author_ids WHERE add_one(id) = 2");
	}

}
