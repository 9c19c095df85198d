package dev.migrations.dialect;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How each database's client reads a statement from a script: see the replay tests
 * ({@code *PretendScriptTests}) for the clients themselves.
 */
class ScriptStatementTests {

	private static final String PROCEDURE = "CREATE PROCEDURE p() BEGIN SELECT 1; SELECT 2; END";

	@Test
	void endsAStatementWithASemicolon() {
		assertThat(new PostgresDialect().scriptStatement("CREATE TABLE t (id INT)"))
			.isEqualTo("CREATE TABLE t (id INT);");
		assertThat(new MariaDbDialect().scriptStatement("CREATE TABLE t (id INT)"))
			.isEqualTo("CREATE TABLE t (id INT);");
	}

	@Test
	void endsAStatementWhoseLastLineHasALineCommentOnALineOfItsOwn() {
		assertThat(new H2Dialect().scriptStatement("SELECT 1 -- one")).isEqualTo("SELECT 1 -- one\n;");
		assertThat(new MySqlDialect().scriptStatement("SELECT 1 # one")).isEqualTo("SELECT 1 # one\n;");
	}

	@Test
	void keepsASemicolonInsideAStatementAsItIsWhereTheClientReadsQuotes() {
		String function = "CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $$ BEGIN RETURN 1; END; $$";
		assertThat(new PostgresDialect().scriptStatement(function)).isEqualTo(function + ";");
	}

	@Test
	void writesAMysqlStatementThatHoldsASemicolonBetweenDelimiterLines() {
		assertThat(new MariaDbDialect().scriptStatement(PROCEDURE))
			.isEqualTo("DELIMITER $$\n" + PROCEDURE + "\n$$\nDELIMITER ;");
		assertThat(new MySqlDialect().scriptStatement("INSERT INTO t VALUES ('a;b')"))
			.isEqualTo("DELIMITER $$\nINSERT INTO t VALUES ('a;b')\n$$\nDELIMITER ;");
	}

	@Test
	void choosesADelimiterTheStatementDoesNotContain() {
		assertThat(new MySqlDialect().scriptStatement(PROCEDURE + " -- $$")).startsWith("DELIMITER //\n")
			.endsWith("\n//\nDELIMITER ;");
		assertThat(new MySqlDialect().scriptStatement(PROCEDURE + " -- $$ //")).startsWith("DELIMITER ;;\n")
			.endsWith("\n;;\nDELIMITER ;");
		assertThat(new MySqlDialect().scriptStatement(PROCEDURE + " -- $$ // ;; $$$")).startsWith("DELIMITER $$$$\n")
			.endsWith("\n$$$$\nDELIMITER ;");
	}

}
