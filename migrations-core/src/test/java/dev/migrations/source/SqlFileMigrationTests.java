package dev.migrations.source;

import java.util.List;

import dev.migrations.schema.CopyOperation;
import dev.migrations.schema.Schema;
import dev.migrations.schema.SchemaOperation;
import dev.migrations.schema.SqlOperation;
import org.junit.jupiter.api.Test;

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

	private static List<SchemaOperation> plan(String script) {
		SqlFileMigration migration = new SqlFileMigration(script, null, SOURCE, SqlStatementSplitter.postgresql());
		Schema schema = new Schema(SOURCE);
		migration.up(schema);
		return schema.operations();
	}

}
