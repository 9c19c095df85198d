package dev.migrations.conformance;

import java.util.List;

import javax.sql.DataSource;

import dev.migrations.JdbcUrlDataSource;

import dev.migrations.testing.DatabaseKind;
import dev.migrations.testing.OnDatabase;
import dev.migrations.testing.TestDatabase;

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

	/**
	 * A trigger, besides the table and view.
	 */
	@Override
	List<String> otherObjectsMadeByHand() {
		return List.of("CREATE TRIGGER stray_touch AFTER INSERT ON stray_notes BEGIN SELECT 1; END");
	}

	/**
	 * Tables may reference one that does not exist yet; SQLite adds no foreign key to a
	 * table that exists.
	 */
	@Override
	List<String> cycle() {
		return List.of("CREATE TABLE cycle_a (id INTEGER PRIMARY KEY, b_id INTEGER REFERENCES cycle_b (id))",
				"CREATE TABLE cycle_b (id INTEGER PRIMARY KEY, a_id INTEGER REFERENCES cycle_a (id))",
				"INSERT INTO cycle_a (id) VALUES (1)", "INSERT INTO cycle_b (id, a_id) VALUES (1, 1)",
				"UPDATE cycle_a SET b_id = 1");
	}

	/**
	 * SQLite checks foreign keys only on connections that turn the {@code foreign_keys}
	 * pragma on, here from the URL.
	 */
	@Override
	DataSource enforcingForeignKeys() {
		return new JdbcUrlDataSource(this.database.url() + "?foreign_keys=true", null, null);
	}

	@Override
	String inventory(TestDatabase database) {
		return database.queryForString("SELECT COALESCE(group_concat(o, ','), '') FROM (SELECT type || ' ' || name "
				+ "AS o FROM sqlite_master WHERE name NOT LIKE 'sqlite%' ORDER BY 1)");
	}

}
