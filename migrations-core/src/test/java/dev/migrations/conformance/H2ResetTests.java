package dev.migrations.conformance;

import java.util.List;

import dev.migrations.runner.MigrationRunner;

import dev.migrations.testing.DatabaseKind;
import dev.migrations.testing.OnDatabase;
import dev.migrations.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Development resets on H2: a sequence, a domain a table uses and a routine; another
 * schema of the same database survives {@code fresh}, which refuses where a drop would
 * cascade into one.
 */
@OnDatabase(DatabaseKind.H2)
class H2ResetTests extends SchemaResetConformanceTests {

	@Override
	List<String> objectsMigration() {
		return List.of("""
				CREATE SEQUENCE invoice_numbers;
				CREATE DOMAIN email AS VARCHAR(200);
				CREATE TABLE contacts (id INTEGER PRIMARY KEY, address email);
				CREATE ALIAS absolute FOR 'java.lang.Math.abs(int)';
				""", """
				DROP ALIAS absolute;
				DROP TABLE contacts;
				DROP DOMAIN email;
				DROP SEQUENCE invoice_numbers;
				""");
	}

	/**
	 * A sequence, a domain and a routine, besides the table and view.
	 */
	@Override
	List<String> otherObjectsMadeByHand() {
		return List.of("CREATE SEQUENCE stray_numbers", "CREATE DOMAIN stray_code AS VARCHAR(10)",
				"CREATE ALIAS stray_abs FOR 'java.lang.Math.abs(long)'");
	}

	@Test
	void freshRefusesToDropWhatAnotherSchemaHoldsOverTheLedgersSchema() throws Exception {
		assertFreshRefuses(List.of("CREATE SCHEMA keep", "CREATE VIEW keep.author_names AS SELECT name FROM authors",
				"CREATE TABLE keep.reviews (id INTEGER PRIMARY KEY, book_id INTEGER REFERENCES PUBLIC.books (id))"),
				"view KEEP.AUTHOR_NAMES", "of KEEP.REVIEWS");
	}

	@Override
	String inventory(TestDatabase database) {
		return database.queryForString("""
				SELECT COALESCE(LISTAGG(o, ',') WITHIN GROUP (ORDER BY o), '') FROM (
				  SELECT TABLE_TYPE || ' ' || TABLE_NAME AS o FROM INFORMATION_SCHEMA.TABLES
				  WHERE TABLE_SCHEMA = CURRENT_SCHEMA
				  UNION ALL
				  SELECT 'SEQUENCE ' || SEQUENCE_NAME FROM INFORMATION_SCHEMA.SEQUENCES
				  WHERE SEQUENCE_SCHEMA = CURRENT_SCHEMA
				  UNION ALL
				  SELECT 'DOMAIN ' || DOMAIN_NAME FROM INFORMATION_SCHEMA.DOMAINS WHERE DOMAIN_SCHEMA = CURRENT_SCHEMA
				  UNION ALL
				  SELECT ROUTINE_TYPE || ' ' || ROUTINE_NAME FROM INFORMATION_SCHEMA.ROUTINES
				  WHERE ROUTINE_SCHEMA = CURRENT_SCHEMA
				  UNION ALL
				  SELECT 'TRIGGER ' || TRIGGER_NAME FROM INFORMATION_SCHEMA.TRIGGERS
				  WHERE TRIGGER_SCHEMA = CURRENT_SCHEMA) O""");
	}

	@Override
	void createElsewhere(TestDatabase other) {
		this.database.execute("CREATE SCHEMA keep", "CREATE TABLE keep.authors (id INTEGER PRIMARY KEY)",
				"INSERT INTO keep.authors (id) VALUES (1)",
				"CREATE VIEW keep.author_ids AS SELECT id FROM keep.authors", "CREATE SEQUENCE keep.invoice_numbers");
	}

	@Override
	String namedSchema(TestDatabase other) {
		this.database.execute("CREATE SCHEMA app");
		return "app";
	}

	@Override
	long countElsewhere(TestDatabase other) {
		return this.database.queryForLong(
				"SELECT COUNT(*) FROM keep.author_ids WHERE EXISTS (SELECT 1 FROM INFORMATION_SCHEMA.SEQUENCES "
						+ "WHERE SEQUENCE_SCHEMA = 'KEEP' AND SEQUENCE_NAME = 'INVOICE_NUMBERS')");
	}

}
