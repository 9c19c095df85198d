package dev.migrations.conformance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.migrations.MigrationException;
import dev.migrations.MigrationState;
import dev.migrations.MigrationStatus;
import dev.migrations.catalog.Catalog;
import dev.migrations.runner.MigrationRunner;
import dev.migrations.testing.TestDatabase;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.assertj.core.api.ThrowableAssertAlternative;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The resets on a database whose server holds other schemas (on MariaDB, other
 * databases): objects in another schema survive {@code fresh}, and {@code fresh} of a
 * ledger in a named schema drops that schema's objects only. SQLite, whose other
 * "schemas" are attached files, runs {@link ResetConformanceTests} alone.
 */
abstract class SchemaResetConformanceTests extends ResetConformanceTests {

	/**
	 * Where a test writes migrations for a ledger in another schema.
	 */
	@TempDir
	Path elsewhere;

	@Test
	void freshLeavesOtherSchemasAlone() throws Exception {
		writeMigrations();
		MigrationRunner runner = appliedInThreeBatches();
		try (TestDatabase other = TestDatabase.create(this.database.kind())) {
			createElsewhere(other);
			runner.resets().forced().fresh();
			assertThat(countElsewhere(other)).isEqualTo(1);
		}
		assertThat(runner.describeSchema()).isEqualTo(freshApply(true));
	}

	@Test
	void freshOfALedgerInANamedSchemaDropsThatSchemaOnly() throws Exception {
		writeMigrations();
		MigrationRunner runner = appliedInThreeBatches();
		Catalog before = runner.describeSchema();
		try (TestDatabase other = TestDatabase.create(this.database.kind())) {
			String schema = namedSchema(other);
			Files.writeString(this.elsewhere.resolve("m_20240201000000_create_notes.up.sql"),
					"CREATE TABLE " + schema + ".notes (id INTEGER PRIMARY KEY);\nCREATE VIEW " + schema
							+ ".note_ids AS SELECT id FROM " + schema + ".notes;\n");
			MigrationRunner named = MigrationRunner.builder(this.database.dataSource())
				.locations("filesystem:" + this.elsewhere)
				.table(schema + ".migrations_ledger")
				.build();
			named.applyAll();
			this.database.execute("INSERT INTO " + schema + ".notes (id) VALUES (1)");
			assertThat(named.resets().freshPlan()).hasSize(3)
				.allSatisfy((drop) -> assertThat(drop).containsIgnoringCase(schema));
			assertThat(named.resets().forced().fresh().migrations()).hasSize(1);
			assertThat(this.database.queryForLong("SELECT COUNT(*) FROM " + schema + ".note_ids")).isZero();
		}
		assertThat(runner.describeSchema()).isEqualTo(before);
		assertThat(runner.status()).extracting(MigrationStatus::state).containsOnly(MigrationState.APPLIED);
	}

	/**
	 * Assert that {@code fresh} and its plan refuse, naming each, what other schemas hold
	 * over the ledger's schema after the given statements, and that nothing changes.
	 * @param madeElsewhere statements that make a view {@code keep.author_names} over
	 * {@code authors}, and more
	 * @param named what the refusal names
	 */
	void assertFreshRefuses(List<String> madeElsewhere, String... named) throws Exception {
		writeMigrations();
		MigrationRunner runner = appliedInThreeBatches();
		this.database.execute(madeElsewhere.toArray(String[]::new));
		Catalog before = runner.describeSchema();
		for (ThrowingCallable fresh : List.<ThrowingCallable>of(() -> runner.resets().freshPlan(),
				() -> runner.resets().forced().fresh())) {
			ThrowableAssertAlternative<MigrationException> refused = assertThatExceptionOfType(MigrationException.class)
				.isThrownBy(fresh)
				.withMessageContaining("nothing was changed");
			for (String name : named) {
				refused.withMessageContaining(name);
			}
		}
		assertThat(runner.describeSchema()).isEqualTo(before);
		assertThat(this.database.queryForLong("SELECT COUNT(*) FROM keep.author_names")).isZero();
	}

	/**
	 * Create, in another schema of this database's server than the ledger's, a table
	 * named {@code authors} holding one row, and a view over it.
	 * @param other another database on the same server, for databases whose schemas are
	 * databases
	 */
	abstract void createElsewhere(TestDatabase other);

	/**
	 * Return a schema other than the connection's current one, without quotes, for a
	 * ledger named with it: on databases whose schemas are databases, the other
	 * database's name.
	 * @param other another database on the same server
	 */
	abstract String namedSchema(TestDatabase other);

	/**
	 * Count the rows of the table {@link #createElsewhere(TestDatabase)} made.
	 */
	abstract long countElsewhere(TestDatabase other);

}
