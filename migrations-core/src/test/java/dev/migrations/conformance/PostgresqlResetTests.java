package dev.migrations.conformance;

import java.util.List;

import dev.migrations.runner.MigrationRunner;

import dev.migrations.testing.DatabaseKind;
import dev.migrations.testing.OnDatabase;
import dev.migrations.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Development resets on PostgreSQL: sequences, enum and composite types, functions (one
 * taking the enum), a trigger and a materialized view, and by hand every other kind of
 * object a schema holds; another schema of the same database survives {@code fresh}, and
 * {@code fresh} refuses where a drop would cascade into one.
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
				CREATE TYPE name_pair AS (first_name text, last_name text);
				CREATE MATERIALIZED VIEW author_counts AS SELECT count(*) AS authors FROM authors;
				""", """
				DROP MATERIALIZED VIEW author_counts;
				DROP TYPE name_pair;
				DROP TRIGGER authors_trim ON authors;
				DROP FUNCTION trim_name();
				DROP FUNCTION add_one(integer);
				DROP FUNCTION mood_label(mood);
				DROP TYPE mood;
				DROP SEQUENCE invoice_numbers;
				""");
	}

	/**
	 * Every other kind of object PostgreSQL has in a schema, and an extension, whose
	 * objects {@code fresh} leaves.
	 */
	@Override
	List<String> otherObjectsMadeByHand() {
		return List.of("CREATE MATERIALIZED VIEW stray_counts AS SELECT count(*) AS notes FROM stray_notes",
				"CREATE TYPE stray_pair AS (a integer, b integer)", "CREATE TYPE stray_mood AS ENUM ('up', 'down')",
				"CREATE DOMAIN stray_code AS varchar(10)", "CREATE SEQUENCE stray_numbers",
				"CREATE FUNCTION stray_add(x integer) RETURNS integer LANGUAGE sql AS 'SELECT x + 1'",
				"CREATE PROCEDURE stray_clear() LANGUAGE sql AS 'DELETE FROM stray_notes'",
				"CREATE FOREIGN DATA WRAPPER hand_wrapper",
				"CREATE SERVER hand_server FOREIGN DATA WRAPPER hand_wrapper",
				"CREATE FOREIGN TABLE stray_remote (id integer) SERVER hand_server",
				"CREATE EXTENSION IF NOT EXISTS citext");
	}

	@Test
	void freshLeavesWhatBelongsToAnExtension() throws Exception {
		writeMigrations();
		MigrationRunner runner = appliedInThreeBatches();
		this.database.execute(madeByHand().toArray(String[]::new));
		assertThat(runner.resets().freshPlan()).noneSatisfy((drop) -> assertThat(drop).containsIgnoringCase("citext"));
		runner.resets().forced().fresh();
		assertThat(this.database.queryForString("SELECT CAST('Ann' AS citext) = CAST('ANN' AS citext)")).isEqualTo("t");
		assertThat(runner.describeSchema()).isEqualTo(freshApply(true));
	}

	@Test
	void freshRefusesToDropWhatAnotherSchemaHoldsOverTheLedgersSchema() throws Exception {
		assertFreshRefuses(
				List.of("CREATE SCHEMA keep", "CREATE VIEW keep.author_names AS SELECT name FROM authors",
						"CREATE TABLE keep.reviews (id integer PRIMARY KEY, book_id integer REFERENCES books (id))"),
				"view keep.author_names (over authors)",
				"foreign key reviews_book_id_fkey of keep.reviews (references books)");
	}

	@Override
	String inventory(TestDatabase database) {
		return database.queryForString("""
				WITH extension_members AS (SELECT classid, objid FROM pg_depend WHERE deptype = 'e')
				SELECT COALESCE(string_agg(o, ',' ORDER BY o), '') FROM (
				  SELECT c.relkind::text || ' ' || c.relname AS o FROM pg_class c
				  WHERE c.relnamespace = current_schema()::regnamespace
				    AND ('pg_class'::regclass, c.oid) NOT IN (SELECT * FROM extension_members)
				  UNION ALL
				  SELECT 'type ' || t.typname FROM pg_type t
				  WHERE t.typnamespace = current_schema()::regnamespace AND t.typtype IN ('e', 'd', 'r', 'm')
				    AND ('pg_type'::regclass, t.oid) NOT IN (SELECT * FROM extension_members)
				  UNION ALL
				  SELECT 'routine ' || p.proname FROM pg_proc p WHERE p.pronamespace = current_schema()::regnamespace
				    AND ('pg_proc'::regclass, p.oid) NOT IN (SELECT * FROM extension_members)) objects""");
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
