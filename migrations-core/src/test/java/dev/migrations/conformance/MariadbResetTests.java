package dev.migrations.conformance;

import java.util.List;

import dev.migrations.runner.MigrationRunner;

import dev.migrations.testing.DatabaseKind;
import dev.migrations.testing.OnDatabase;
import dev.migrations.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Development resets on MariaDB: a function, a procedure, a trigger, a sequence and an
 * event; another database on the same server survives {@code fresh} (a view there over a
 * table {@code fresh} drops stays, and fails when read until the table is back).
 */
@OnDatabase(DatabaseKind.MARIADB)
class MariadbResetTests extends SchemaResetConformanceTests {

	@Override
	List<String> objectsMigration() {
		return List.of("""
				CREATE FUNCTION add_one(x INT) RETURNS INT DETERMINISTIC RETURN x + 1;
				CREATE PROCEDURE clear_authors() DELETE FROM authors;
				CREATE TRIGGER authors_trim BEFORE INSERT ON authors FOR EACH ROW SET NEW.name = TRIM(NEW.name);
				CREATE SEQUENCE invoice_numbers;
				CREATE EVENT nightly_cleanup ON SCHEDULE EVERY 1 DAY DO DELETE FROM authors WHERE name = '';
				""", """
				DROP EVENT nightly_cleanup;
				DROP SEQUENCE invoice_numbers;
				DROP TRIGGER authors_trim;
				DROP PROCEDURE clear_authors;
				DROP FUNCTION add_one;
				""");
	}

	/**
	 * A sequence, an event and routines, besides the table and view.
	 */
	@Override
	List<String> otherObjectsMadeByHand() {
		return List.of("CREATE SEQUENCE stray_numbers",
				"CREATE EVENT stray_cleanup ON SCHEDULE EVERY 1 DAY DO DELETE FROM stray_notes",
				"CREATE FUNCTION stray_add(x INT) RETURNS INT DETERMINISTIC RETURN x + 1",
				"CREATE PROCEDURE stray_clear() DELETE FROM stray_notes");
	}

	@Test
	void aViewInAnotherDatabaseOverADroppedTableStaysAndReadsItAgainOnceFreshCreatedIt() throws Exception {
		writeMigrations();
		MigrationRunner runner = appliedInThreeBatches();
		String name = this.database.queryForString("SELECT DATABASE()");
		try (TestDatabase other = TestDatabase.create(this.database.kind())) {
			other.execute("CREATE VIEW author_names AS SELECT name FROM " + name + ".authors");
			this.database.execute("INSERT INTO authors (id, name) VALUES (1, 'Ann')");
			assertThat(runner.resets().forced().fresh().migrations()).hasSize(3);
			assertThat(other.queryForLong("SELECT COUNT(*) FROM author_names")).isZero();
		}
	}

	@Override
	String inventory(TestDatabase database) {
		return database.queryForString("""
				SELECT COALESCE(GROUP_CONCAT(o ORDER BY o SEPARATOR ','), '') FROM (
				  SELECT CONCAT(TABLE_TYPE, ' ', TABLE_NAME) AS o FROM information_schema.TABLES
				  WHERE TABLE_SCHEMA = DATABASE()
				  UNION ALL
				  SELECT CONCAT(ROUTINE_TYPE, ' ', ROUTINE_NAME) FROM information_schema.ROUTINES
				  WHERE ROUTINE_SCHEMA = DATABASE()
				  UNION ALL
				  SELECT CONCAT('EVENT ', EVENT_NAME) FROM information_schema.EVENTS WHERE EVENT_SCHEMA = DATABASE()
				  UNION ALL
				  SELECT CONCAT('TRIGGER ', TRIGGER_NAME) FROM information_schema.TRIGGERS
				  WHERE TRIGGER_SCHEMA = DATABASE()) objects""");
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
