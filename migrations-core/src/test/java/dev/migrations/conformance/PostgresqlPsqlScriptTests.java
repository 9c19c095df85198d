package dev.migrations.conformance;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import dev.migrations.MigrationDefinitionException;
import dev.migrations.MigrationExecutionException;
import dev.migrations.MigrationState;
import dev.migrations.MigrationStatus;
import dev.migrations.PlannedMigration;
import dev.migrations.command.MigrationCommandLine;
import dev.migrations.runner.MigrationRunner;
import dev.migrations.testing.DatabaseKind;
import dev.migrations.testing.OnDatabase;
import dev.migrations.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Scripts written for {@code psql}, as {@code pg_dump} writes them, run as psql runs
 * them: {@code COPY ... FROM stdin} with its rows, the meta-commands pg_dump writes
 * skipped, any other refused before anything runs, and statements whose bodies hold
 * semicolons kept whole.
 */
@OnDatabase(DatabaseKind.POSTGRESQL)
class PostgresqlPsqlScriptTests extends FreshDatabaseTests {

	private static final String DUMP = "20240101000000_dump.sql";

	/**
	 * What {@code pg_dump} writes for a table and its rows: a null, an escaped tab,
	 * newline and backslash, and text that looks like SQL and like a meta-command.
	 */
	private static final String PG_DUMP = """
			--
			-- PostgreSQL database dump
			--

			\\restrict abc

			-- Dumped from database version 15.20

			SET statement_timeout = 0;
			SET client_encoding = 'UTF8';
			SET standard_conforming_strings = on;
			SELECT pg_catalog.set_config('search_path', '', false);
			SET check_function_bodies = false;

			CREATE TABLE public.notes (
			    id integer NOT NULL,
			    body text
			);

			--
			-- Data for Name: notes; Type: TABLE DATA; Schema: public; Owner: -
			--

			COPY public.notes (id, body) FROM stdin;
			1\tplain
			2\t\\N
			3\ttab\\there\\nnew line
			4\tback\\\\slash; DROP TABLE public.notes;
			5\t\\\\connect other
			6\tété
			\\.


			ALTER TABLE ONLY public.notes
			    ADD CONSTRAINT notes_pkey PRIMARY KEY (id);

			--
			-- PostgreSQL database dump complete
			--

			\\unrestrict abc

			""";

	private static final List<String> PG_DUMP_ROWS = List.of("1|plain", "2|null", "3|tab\there\nnew line",
			"4|back\\slash; DROP TABLE public.notes;", "5|\\connect other", "6|été");

	@Test
	void aPgDumpScriptAppliesWithItsRowsExactly() throws Exception {
		write(DUMP, PG_DUMP);
		assertThat(runner().applyAll().migrations()).hasSize(1);
		assertThat(rows("SELECT id, body FROM public.notes ORDER BY id")).isEqualTo(PG_DUMP_ROWS);
		assertThat(this.database.queryForLong("SELECT count(*) FROM pg_constraint WHERE conname = 'notes_pkey'"))
			.isEqualTo(1);
		assertThat(runner().status()).extracting(MigrationStatus::state).containsExactly(MigrationState.APPLIED);
	}

	@Test
	void aCopyWithCsvRowsAndWindowsLineEndingsAppliesAsPsqlAppliesIt() throws Exception {
		write(DUMP, "CREATE TABLE notes (id int, body text);\r\n"
				+ "copy notes (id, body) from STDIN with (format csv, header true);\r\nid,body\r\n"
				+ "1,\"quoted, with a comma\"\r\n2,\r\n3,\"\"\r\n\\.\r\nINSERT INTO notes VALUES (4, 'after');\r\n");
		assertThat(runner().applyAll().migrations()).hasSize(1);
		assertThat(rows("SELECT id, body FROM notes ORDER BY id")).containsExactly("1|quoted, with a comma", "2|null",
				"3|", "4|after");
	}

	@Test
	void theCopyCommandTakesPlaceholderValuesAndItsRowsStayAsWritten() throws Exception {
		write(DUMP, "CREATE SCHEMA ${sch};\nCREATE TABLE ${sch}.notes (id int, body text);\n"
				+ "COPY ${sch}.notes (id, body) FROM stdin;\n1\t${kept}\n\\.\n");
		assertThat(MigrationRunner.builder(this.database.dataSource())
			.locations("filesystem:" + this.directory)
			.placeholders(Map.of("sch", "copied"))
			.build()
			.applyAll()
			.migrations()).hasSize(1);
		assertThat(rows("SELECT id, body FROM copied.notes")).containsExactly("1|${kept}");
	}

	@Test
	void aCopyWhoseRowsTheDatabaseRefusesFailsNamingTheFileAndLineAndLeavesNothing() throws Exception {
		write(DUMP, "CREATE TABLE notes (id int, body text);\n\nCOPY notes (id, body) FROM stdin;\n1\tone\n"
				+ "two\t2\n\\.\nCREATE TABLE after_copy (id int);\n");
		assertThatExceptionOfType(MigrationExecutionException.class).isThrownBy(() -> runner().applyAll())
			.withMessageContaining("m_20240101000000_dump failed while applying at statement 2 of 3 (line 3; the "
					+ "row the database names as line 2 of the COPY is line 5)")
			.withMessageContaining(DUMP)
			.withMessageContaining("COPY notes (id, body) FROM stdin")
			.withMessageContaining("invalid input syntax for type integer: \"two\"")
			.withMessageContaining("the migration and its ledger row were rolled back together");
		assertThat(this.database.tables()).containsExactly("migrations_ledger");
		assertThat(this.database.queryForLong("SELECT count(*) FROM migrations_ledger")).isZero();
	}

	@Test
	void pretendShowsTheCopyWithItsRowsAsAScriptThatReplaysToTheSameRows() throws Exception {
		write(DUMP, PG_DUMP);
		List<PlannedMigration> plan = runner().pretend().applyAll();
		assertThat(plan).singleElement().satisfies((planned) -> {
			assertThat(planned.statements()).contains("COPY public.notes (id, body) FROM stdin;\n1\tplain\n2\t\\N\n"
					+ "3\ttab\\there\\nnew line\n4\tback\\\\slash; DROP TABLE public.notes;\n5\t\\\\connect other\n"
					+ "6\tété\n\\.");
			assertThat(planned.script()).contains("FROM stdin;\n1\tplain\n")
				.contains(
						"\n6\tété\n\\.\nALTER TABLE ONLY public.notes\n    ADD CONSTRAINT notes_pkey PRIMARY KEY (id);");
		});
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int exitCode = new MigrationCommandLine((listener) -> runner(), List.of("filesystem:" + this.directory),
				new PrintStream(out, true, StandardCharsets.UTF_8), System.err, false, List.of())
			.run(List.of("migrate", "--pretend"));
		assertThat(exitCode).isEqualTo(MigrationCommandLine.SUCCESS);
		assertThat(out.toString(StandardCharsets.UTF_8)).contains(plan.get(0).script() + "\n");
		assertThat(this.database.tables()).isEmpty();
		try (TestDatabase replayed = TestDatabase.create(DatabaseKind.POSTGRESQL)) {
			Path replay = Files.createDirectory(this.directory.resolve("replay"));
			Files.writeString(replay.resolve(DUMP), plan.get(0).script());
			MigrationRunner.builder(replayed.dataSource()).locations("filesystem:" + replay).build().applyAll();
			assertThat(rows(replayed, "SELECT id, body FROM public.notes ORDER BY id")).isEqualTo(PG_DUMP_ROWS);
		}
	}

	@Test
	void theChecksumCoversTheRowsButNotTheirLineEndingsNorTheRestrictKey() throws Exception {
		write(DUMP, PG_DUMP);
		String checksum = checksum();
		write(DUMP, PG_DUMP.replace("\n", "\r\n").replace("restrict abc", "restrict xyz"));
		assertThat(checksum()).isEqualTo(checksum);
		write(DUMP, PG_DUMP.replace("1\tplain", "1\tplain!"));
		assertThat(checksum()).isNotEqualTo(checksum);
	}

	@Test
	void copyToStdoutIsRefusedNamingTheFileAndLineBeforeAnythingRuns() throws Exception {
		write("20240101000000_create.sql", "CREATE TABLE notes (id int);\n");
		write("20240102000000_export.sql", "SELECT 1;\nCOPY notes TO STDOUT;\n");
		assertThatExceptionOfType(MigrationDefinitionException.class).isThrownBy(this::runner)
			.withMessageContaining("20240102000000_export.sql")
			.withMessageContaining("line 2 is COPY ... TO stdout, which sends rows to the client");
		assertThat(this.database.tables()).isEmpty();
	}

	@Test
	void aPsqlMetaCommandOtherThanThoseOfPgDumpIsRefusedNamingTheFileAndLineBeforeAnythingRuns() throws Exception {
		write("20240101000000_create.sql", "CREATE TABLE notes (id int);\n");
		write(DUMP, "\\restrict abc\nCREATE TABLE a (id int);\n\\connect other\nCREATE TABLE b (id int);\n");
		assertThatExceptionOfType(MigrationDefinitionException.class).isThrownBy(this::runner)
			.withMessageContaining(DUMP)
			.withMessageContaining("line 3 is the psql meta-command \\connect")
			.withMessageContaining("a runner with a DataSource for that database");
		assertThat(this.database.tables()).isEmpty();
	}

	@Test
	void routinesWithStandardBodiesAndRulesWithSeveralActionsStayWhole() throws Exception {
		write(DUMP, """
				CREATE TABLE notes (id int);
				CREATE TABLE copies (id int);
				CREATE TABLE calls (n int);
				CREATE FUNCTION record_call(begin integer) RETURNS text LANGUAGE sql
				BEGIN ATOMIC
				  INSERT INTO calls (n) VALUES (begin);
				  SELECT CASE WHEN $1 > 0 THEN 'positive' ELSE 'other' END;
				END;
				CREATE RULE copy_notes AS ON INSERT TO notes DO ALSO (
				  INSERT INTO copies VALUES (NEW.id);
				  INSERT INTO calls VALUES (NEW.id * 10)
				);
				""");
		assertThat(runner().applyAll().migrations()).hasSize(1);
		assertThat(this.database.queryForString("SELECT record_call(7)")).isEqualTo("positive");
		this.database.execute("INSERT INTO notes VALUES (3)");
		assertThat(rows("SELECT n FROM calls ORDER BY n")).containsExactly("7", "30");
		assertThat(rows("SELECT id FROM copies")).containsExactly("3");
	}

	private String checksum() {
		return runner().descriptors().get(0).checksum();
	}

	private List<String> rows(String query) throws Exception {
		return rows(this.database, query);
	}

	private static List<String> rows(TestDatabase database, String query) throws Exception {
		List<String> rows = new ArrayList<>();
		try (Connection connection = database.dataSource().getConnection();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(query)) {
			int columns = result.getMetaData().getColumnCount();
			while (result.next()) {
				String[] values = new String[columns];
				for (int column = 1; column <= columns; column++) {
					values[column - 1] = String.valueOf(result.getString(column));
				}
				rows.add(String.join("|", Arrays.asList(values)));
			}
		}
		return rows;
	}

	private void write(String name, String script) throws Exception {
		Files.writeString(this.directory.resolve(name), script);
	}

	private MigrationRunner runner() {
		return MigrationRunner.builder(this.database.dataSource()).locations("filesystem:" + this.directory).build();
	}

}
