package dev.migrations.conformance;

import java.util.List;

import dev.migrations.testing.DatabaseKind;
import dev.migrations.testing.OnDatabase;
import dev.migrations.testing.TestDatabase;

/**
 * Development resets on H2: a sequence and a domain a table uses; another schema of the
 * same database survives {@code fresh}.
 */
@OnDatabase(DatabaseKind.H2)
class H2ResetTests extends SchemaResetConformanceTests {

	@Override
	List<String> objectsMigration() {
		return List.of("""
				CREATE SEQUENCE invoice_numbers;
				CREATE DOMAIN email AS VARCHAR(200);
				CREATE TABLE contacts (id INTEGER PRIMARY KEY, address email);
				""", """
				DROP TABLE contacts;
				DROP DOMAIN email;
				DROP SEQUENCE invoice_numbers;
				""");
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
