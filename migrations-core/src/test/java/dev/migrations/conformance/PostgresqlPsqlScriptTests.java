package dev.migrations.conformance;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.migrations.MigrationRunner;
import dev.migrations.testing.DatabaseKind;
import dev.migrations.testing.OnDatabase;
import dev.migrations.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scripts written for {@code psql} run as psql runs them: statements whose bodies hold
 * semicolons are kept whole.
 */
@OnDatabase(DatabaseKind.POSTGRESQL)
class PostgresqlPsqlScriptTests extends FreshDatabaseTests {

	private static final String DUMP = "20240101000000_dump.sql";

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
