package dev.migrations.conformance;

import java.util.List;

import dev.migrations.testing.DatabaseKind;
import dev.migrations.testing.OnDatabase;
import dev.migrations.testing.TestDatabase;

/**
 * Development resets on PostgreSQL: sequences, an enum type, functions (one taking the
 * enum) and a trigger; another schema of the same database survives {@code fresh}.
 */
@OnDatabase(DatabaseKind.POSTGRESQL)
class PostgresqlResetTests extends SchemaResetConformanceTests {

	@Override
	List<String> objectsMigration() {
		return List.of("""
				CREATE SEQUENCE invoice_numbers;
				CREATE TYPE mood AS ENUM ('happy', 'sad');
				CREATE FUNCTION mood_label(m mood) RETURNS text LANGUAGE sql AS 'SELECT m::text';
				CREATE FUNCTION add_one(x integer) RETURNS integer LANGUAGE sql AS 'SELECT x + 1';
				CREATE FUNCTION trim_name() RETURNS trigger LANGUAGE plpgsql AS $$
				BEGIN
				  NEW.name := trim(NEW.name);
				  RETURN NEW;
				END $$;
				CREATE TRIGGER authors_trim BEFORE INSERT ON authors FOR EACH ROW EXECUTE FUNCTION trim_name();
				""", """
				DROP TRIGGER authors_trim ON authors;
				DROP FUNCTION trim_name();
				DROP FUNCTION add_one(integer);
				DROP FUNCTION mood_label(mood);
				DROP TYPE mood;
				DROP SEQUENCE invoice_numbers;
				""");
	}

	@Override
	void createElsewhere(TestDatabase other) {
		this.database.execute("CREATE SCHEMA keep", "CREATE TABLE keep.authors (id INTEGER PRIMARY KEY)",
				"INSERT INTO keep.authors (id) VALUES (1)",
				"CREATE VIEW keep.author_ids AS SELECT id FROM keep.authors", "CREATE SEQUENCE keep.invoice_numbers",
				"CREATE FUNCTION keep.add_one(x integer) RETURNS integer " + "LANGUAGE sql AS 'SELECT x + 1'");
	}

	@Override
	String namedSchema(TestDatabase other) {
		this.database.execute("CREATE SCHEMA app");
		return "app";
	}

	@Override
	long countElsewhere(TestDatabase other) {
		return this.database.queryForLong(
				"SELECT COUNT(*) FROM keep.author_ids WHERE keep.add_one(id) = nextval('keep.invoice_numbers') + 1");
	}

}
