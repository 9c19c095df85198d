package dev.migrations.source;

import java.util.ArrayList;
import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.migrations.schema.CopyOperation;
import dev.migrations.schema.Schema;
import dev.migrations.schema.SchemaOperation;
import dev.migrations.schema.SqlOperation;
import dev.migrations.sql.SqlStatementSplitter;
import dev.migrations.testing.LoggedEvents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * How a SQL file's statements become a plan: what the database's own client would do with
 * them, or a refusal before anything runs.
 */
class SqlFileMigrationTests {

	private static final String SOURCE = "filesystem:db/20240101000000_dump.up.sql";

	@Test
	void aCopyFromStdinBecomesOneOperationWithItsRows() {
		List<SchemaOperation> plan = plan("CREATE TABLE t (a INT);\nCOPY t (a) FROM stdin;\n1\n\\N\n\\.\nSELECT 1;\n");
		assertThat(plan).hasSize(3);
		assertThat(plan.get(1))
			.isEqualTo(new CopyOperation("COPY t (a) FROM stdin", "1\n\\N\n", "COPY t (a) FROM stdin\n1\n\\N\n", 2, 3));
		assertThat(((CopyOperation) plan.get(1)).script()).isEqualTo("COPY t (a) FROM stdin;\n1\n\\N\n\\.");
		assertThat(plan.get(2)).isInstanceOf(SqlOperation.class);
	}

	@Test
	void copyToStdoutIsRefusedNamingItsLine() {
		assertThatIllegalArgumentException().isThrownBy(() -> plan("SELECT 1;\n\nCOPY t TO STDOUT;\n"))
			.withMessageStartingWith("line 3 is COPY ... TO stdout, which sends rows to the client")
			.withMessageContaining("Nothing was changed");
	}

	@Test
	void skipsTheRestrictLinesOfPgDumpLoggingWhereTheyAre() {
		String dump = "--\n-- PostgreSQL database dump\n--\n\n\\restrict Abc1\n\nSELECT 1;\n\\unrestrict Abc1\n";
		List<SchemaOperation> planned = new ArrayList<>();
		List<ILoggingEvent> events = LoggedEvents.during(SqlFileMigration.class.getName(),
				() -> planned.addAll(plan(dump)));
		assertThat(planned).singleElement().isEqualTo(new SqlOperation("SELECT 1", "SELECT 1", 7));
		assertThat(events).filteredOn((event) -> event.getLevel() == Level.INFO)
			.extracting(ILoggingEvent::getFormattedMessage)
			.containsExactly(
					"Skipping the psql meta-command \\restrict at line 5 of " + SOURCE
							+ ": pg_dump writes it for psql, and it changes nothing in the database",
					"Skipping the psql meta-command \\unrestrict at line 8 of " + SOURCE
							+ ": pg_dump writes it for psql, and it changes nothing in the database");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "\\connect other|\\connect|a runner with a DataSource for that database",
					"\\c other me|\\c|a runner with a DataSource for that database",
					"\\set ON_ERROR_STOP on|\\set|write the value where the script uses the variable",
					"\\i schema.sql|\\i|put the statements of the included file in this migration",
					"\\copy t from 't.csv'|\\copy|write COPY ... FROM stdin; followed by the rows",
					"\\echo done|\\echo|Output commands have nothing to print to here",
					"\\if :flag|\\if|write the condition in SQL",
					"\\gexec|\\gexec|Remove the line, or run the script with psql",
					"\\! rm -rf /|\\!|Remove the line, or run the script with psql" })
	void everyOtherMetaCommandIsRefusedNamingItsLineAndWhatToDoInstead(String line, String command, String instead) {
		assertThatIllegalArgumentException().isThrownBy(() -> plan("SELECT 1;\n" + line + "\nSELECT 2;\n"))
			.withMessageStartingWith("line 2 is the psql meta-command " + command + ", which only the psql client runs")
			.withMessageContaining("Nothing was changed")
			.withMessageContaining(instead);
	}

	private static List<SchemaOperation> plan(String script) {
		SqlFileMigration migration = new SqlFileMigration(script, null, SOURCE, SOURCE,
				SqlStatementSplitter.postgresql(), Placeholders.disabled());
		Schema schema = new Schema(SOURCE);
		migration.up(schema);
		return schema.operations();
	}

}
