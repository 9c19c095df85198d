package dev.migrations.conformance;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.migrations.MigrationDefinitionException;
import dev.migrations.MigrationDescriptor;
import dev.migrations.MigrationException;
import dev.migrations.Remedy;
import dev.migrations.MigrationId;
import dev.migrations.MigrationState;
import dev.migrations.MigrationStatus;
import dev.migrations.PlannedMigration;
import dev.migrations.runner.MigrationRunner;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The options that Flyway users rely on, on each database: placeholders in SQL files, a
 * target, statements run on each connection, and a ledger schema created when missing.
 */
abstract class RunnerOptionsConformanceTests extends FreshDatabaseTests {

	/**
	 * Return a statement that changes a session setting to the value {@code 4321} in some
	 * unit, and that nothing else sets.
	 * @param value the value
	 * @return the statement
	 */
	abstract String setSetting(int value);

	/**
	 * Return an expression whose text is the setting's value as {@link #setSetting(int)}
	 * sets it.
	 * @return the expression
	 */
	abstract String setting();

	/**
	 * Return the value of {@link #setting()} as a string after {@link #setSetting(int)}.
	 * @param value the value set
	 * @return the text the expression shows
	 */
	abstract String settingText(int value);

	/**
	 * Return a statement that fails with a text as the database's error message.
	 * @param text the text
	 * @return the statement
	 */
	abstract String raise(String text);

	/**
	 * Return a schema name for this test alone, created by nothing else.
	 * @return the name
	 */
	String newSchema() {
		return "created_by_runner";
	}

	/**
	 * Return whether the ledger lives in the schema: its table is found there.
	 * @param schema the schema
	 * @return the number of ledger rows there
	 */
	long ledgerRowsIn(String schema) {
		return this.database.queryForLong("SELECT count(*) FROM " + schema + ".migrations_ledger");
	}

	@Test
	void placeholdersAreReplacedAndTheChecksumIsOverTheFileAsWritten() {
		write("20240101000000_create.sql", "CREATE TABLE ${table_name} (id INT PRIMARY KEY, note VARCHAR(40));\n"
				+ "INSERT INTO ${table_name} (id, note) VALUES (1, '${note}');\n");
		MigrationRunner staging = runner().placeholders(Map.of("table_name", "widgets", "note", "staging")).build();
		MigrationRunner production = runner().placeholders(Map.of("table_name", "widgets", "note", "production"))
			.build();
		List<PlannedMigration> plan = staging.pretend().applyAll();
		assertThat(plan.get(0).script()).contains("CREATE TABLE widgets").contains("'staging'").doesNotContain("${");
		assertThat(staging.applyAll().migrations()).hasSize(1);
		assertThat(this.database.queryForString("SELECT note FROM widgets WHERE id = 1")).isEqualTo("staging");
		assertThat(production.descriptors()).extracting(MigrationDescriptor::checksum)
			.isEqualTo(staging.descriptors().stream().map(MigrationDescriptor::checksum).toList());
		assertThat(production.validate()).isEmpty();
		assertThat(production.status()).extracting(MigrationStatus::state).containsExactly(MigrationState.APPLIED);
		MigrationRunner asWritten = runner().placeholderReplacement(false).build();
		assertThat(asWritten.descriptors().get(0).checksum()).isEqualTo(staging.descriptors().get(0).checksum());
		assertThat(asWritten.pretend().applyAll()).isEmpty();
	}

	@Test
	void aPlaceholderWithoutAValueFailsTheApplyNamingTheFileThePlaceholderAndBothProperties() {
		write("20240101000000_create.sql", "CREATE TABLE ${missing} (id INT PRIMARY KEY);\n");
		MigrationRunner runner = runner().placeholders(Map.of("other_password", "s3cret-value")).build();
		assertThatExceptionOfType(MigrationDefinitionException.class).isThrownBy(runner::applyAll)
			.withMessageContaining("20240101000000_create.sql")
			.withMessageContaining("${missing}")
			.withMessageContaining("migrations.placeholders.missing")
			.withMessageContaining("migrations.placeholder-replacement=false")
			.withMessageNotContaining("s3cret-value");
		assertThat(runner.status()).extracting(MigrationStatus::state).containsExactly(MigrationState.PENDING);
		assertThat(runner.validate()).singleElement().satisfies((problem) -> {
			assertThat(problem.state()).isEqualTo(MigrationState.PENDING);
			assertThat(problem.message()).contains("${missing}").contains("migrations.placeholders.missing");
			assertThat(problem.remedy().kind()).isEqualTo(Remedy.Kind.CORRECT_MIGRATION);
			assertThat(problem.action()).contains("20240101000000_create.sql")
				.contains("a placeholder's value")
				.contains("applying m_20240101000000_create would fail on it");
		});
	}

	@Test
	void statusAndValidateOfAppliedMigrationsNeedNoPlaceholderValues() {
		write("20240101000000_create.up.sql", "CREATE TABLE ${table_name} (id INT PRIMARY KEY);\n");
		write("20240101000000_create.down.sql", "DROP TABLE ${table_name};\n");
		write("20240102000000_insert.sql", "INSERT INTO ${table_name} (id) VALUES (1);\n");
		assertThat(runner().placeholders(Map.of("table_name", "widgets")).build().applyAll().migrations()).hasSize(2);
		MigrationRunner withoutValues = runner().build();
		assertThat(withoutValues.status()).extracting(MigrationStatus::state)
			.containsExactly(MigrationState.APPLIED, MigrationState.APPLIED);
		assertThat(withoutValues.validate()).isEmpty();
		assertThat(withoutValues.applyAll().migrations()).isEmpty();
		assertThat(this.database.queryForLong("SELECT count(*) FROM widgets")).isEqualTo(1);
	}

	@Test
	void theValueOfAPlaceholderNamedAsASecretIsMaskedInTheErrorAndTheLedger() {
		String value = "Tok3n-Value-5517";
		write("20240101000000_fail.sql", raise("${note}") + ";\n");
		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> runner().placeholders(Map.of("note", value)).build().applyAll())
			.withMessageContaining(value);
		runner().placeholders(Map.of("note", value)).build().repair(false);
		write("20240101000000_fail.sql", raise("${api_token}") + ";\n");
		MigrationRunner runner = runner().placeholders(Map.of("api_token", value)).build();
		assertThatExceptionOfType(MigrationException.class).isThrownBy(runner::applyAll)
			.withMessageContaining("20240101000000_fail")
			.withMessageNotContaining(value);
		// Where DDL is not transactional, the ledger keeps a FAILED row with the error
		assertThat(runner.status()).singleElement()
			.satisfies((status) -> assertThat(String.valueOf(status.error())).doesNotContain(value));
	}

	@Test
	void replacementOffOrAHeaderRunsTheFileAsWritten() {
		write("20240101000000_create.sql", "CREATE TABLE notes (id INT PRIMARY KEY, body VARCHAR(40));\n");
		write("20240102000000_insert.sql",
				"-- migrations: no-placeholders\n" + "INSERT INTO notes (id, body) VALUES (1, 'hello ${name}');\n");
		assertThat(runner().placeholders(Map.of("name", "ignored")).build().applyAll().migrations()).hasSize(2);
		assertThat(this.database.queryForString("SELECT body FROM notes WHERE id = 1")).isEqualTo("hello ${name}");
		write("20240103000000_insert_more.sql", "INSERT INTO notes (id, body) VALUES (2, 'bye ${name}');\n");
		assertThat(runner().placeholderReplacement(false).build().applyAll().migrations()).hasSize(1);
		assertThat(this.database.queryForString("SELECT body FROM notes WHERE id = 2")).isEqualTo("bye ${name}");
	}

	@Test
	void aTargetAppliesUpToAndIncludingItAndAnUnknownOneFails() {
		write("20240101000000_one.sql", "CREATE TABLE one_t (id INT PRIMARY KEY);\n");
		write("20240102000000_two.sql", "CREATE TABLE two_t (id INT PRIMARY KEY);\n");
		write("20240103000000_three.sql", "CREATE TABLE three_t (id INT PRIMARY KEY);\n");
		MigrationId two = MigrationId.parse("20240102000000_two");
		MigrationRunner targeted = runner().target(two).build();
		assertThat(targeted.pretend().applyAll()).extracting(PlannedMigration::id)
			.containsExactly(MigrationId.parse("20240101000000_one"), two);
		assertThat(targeted.applyAll().migrations()).hasSize(2);
		assertThat(this.database.tables()).contains("one_t", "two_t").doesNotContain("three_t");
		assertThat(targeted.applyAll().migrations()).isEmpty();
		assertThat(runner().build().targeting(MigrationId.parse("20240103000000_three")).applyAll().migrations())
			.hasSize(1);
		assertThatExceptionOfType(MigrationDefinitionException.class)
			.isThrownBy(() -> runner().target(MigrationId.parse("20240102000000_tow")).build())
			.withMessageContaining("20240102000000_tow")
			.withMessageContaining("migrations.target")
			.withMessageContaining("is not defined");
	}

	@Test
	void initSqlsRunOnEachConnectionAndEachMigrationStartsFromTheSessionTheyLeave() {
		write("20240101000000_probe.sql", "CREATE TABLE probe_one AS SELECT " + setting() + " AS v;\n");
		write("20240102000000_change.sql",
				setSetting(999) + ";\nCREATE TABLE changed AS SELECT " + setting() + " AS v;\n");
		write("20240103000000_probe_again.sql", "CREATE TABLE probe_two AS SELECT " + setting() + " AS v;\n");
		String before = this.database.queryForString("SELECT " + setting());
		MigrationRunner runner = runner().initSqls(List.of(setSetting(4321))).build();
		assertThat(runner.applyAll().migrations()).hasSize(3);
		assertThat(this.database.queryForString("SELECT v FROM probe_one")).isEqualTo(settingText(4321));
		assertThat(this.database.queryForString("SELECT v FROM changed")).isEqualTo(settingText(999));
		assertThat(this.database.queryForString("SELECT v FROM probe_two")).isEqualTo(settingText(4321));
		assertThat(this.database.queryForString("SELECT " + setting())).isEqualTo(before);
		assertThat(this.database.queryForLong("SELECT count(*) FROM migrations_ledger")).isEqualTo(3);
	}

	@Test
	void aFailingInitSqlFailsTheConnectionNamingItsPosition() {
		write("20240101000000_one.sql", "CREATE TABLE one_t (id INT PRIMARY KEY);\n");
		assertThatExceptionOfType(MigrationException.class).isThrownBy(
				() -> runner().initSqls(List.of(setSetting(10), "SELECT * FROM no_such_table_here")).build().applyAll())
			.withMessageContaining("Init SQL statement 2 of 2")
			.withMessageContaining("migrations.init-sqls[1]")
			.withMessageNotContaining("Could not connect")
			.satisfies((ex) -> assertThat(ex.remedy().kind()).as("not a database that cannot be reached")
				.isEqualTo(Remedy.Kind.CORRECT_DATABASE_ERROR));
	}

	@Test
	void createSchemasCreatesTheLedgerSchemaOnlyWhenAsked() {
		String schema = newSchema();
		write("20240101000000_one.sql", "CREATE TABLE one_t (id INT PRIMARY KEY);\n");
		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> runner().table(schema, "migrations_ledger").build().applyAll())
			.withMessageContaining("does not exist");
		MigrationRunner creating = runner().table(schema, "migrations_ledger").createSchemas(true).build();
		assertThat(creating.applyAll().migrations()).hasSize(1);
		assertThat(ledgerRowsIn(schema)).isEqualTo(1);
		assertThat(creating.applyAll().migrations()).isEmpty();
	}

	MigrationRunner.Builder runner() {
		return MigrationRunner.builder(this.database.dataSource())
			.locations("filesystem:" + this.directory)
			.lockTimeout(Duration.ofSeconds(30));
	}

	void write(String fileName, String content) {
		try {
			Files.writeString(this.directory.resolve(fileName), content);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
