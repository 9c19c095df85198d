package dev.migrations.source;

import java.time.Duration;
import java.util.List;

import dev.migrations.sql.SqlStatement;
import dev.migrations.sql.SqlStatementSplitter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Tests for {@link SqlStatementSplitter}.
 */
class SqlStatementSplitterTests {

	private final SqlStatementSplitter standard = SqlStatementSplitter.standard();

	private final SqlStatementSplitter mysql = SqlStatementSplitter.mysql();

	private final SqlStatementSplitter postgresql = SqlStatementSplitter.postgresql();

	private final SqlStatementSplitter sqlite = SqlStatementSplitter.sqlite();

	@Test
	void returnsEmptyListForEmptyScript() {
		assertThat(this.standard.split("")).isEmpty();
		assertThat(this.mysql.split("")).isEmpty();
	}

	@Test
	void returnsEmptyListForScriptOfOnlyWhitespaceCommentsAndDelimiters() {
		String script = "\uFEFF  \n-- nothing here\n/* or here */ ;\n\t;;\n";
		assertThat(this.standard.split(script)).isEmpty();
		assertThat(this.mysql.split(script + "# nor here\n")).isEmpty();
	}

	@Test
	void splitsStatementsOnSemicolon() {
		List<SqlStatement> statements = this.standard.split("CREATE TABLE a (id INT);\nINSERT INTO a VALUES (1);\n");
		assertThat(statements).extracting(SqlStatement::sql)
			.containsExactly("CREATE TABLE a (id INT)", "INSERT INTO a VALUES (1)");
	}

	@Test
	void returnsFinalStatementWithoutDelimiter() {
		assertThat(this.standard.split("SELECT 1;\nSELECT 2\n")).extracting(SqlStatement::sql)
			.containsExactly("SELECT 1", "SELECT 2");
	}

	@Test
	void dropsStatementsThatAreOnlyComments() {
		List<SqlStatement> statements = this.standard
			.split("SELECT 1;\n-- just a comment\n;\n/* another */;\nSELECT 2;");
		assertThat(statements).extracting(SqlStatement::sql).containsExactly("SELECT 1", "SELECT 2");
	}

	@Test
	void keepsCommentsInsideStatementTextButStartsAtFirstToken() {
		List<SqlStatement> statements = this.standard
			.split("-- leading\nSELECT 1 /* inline */\n  FROM t -- trailing\n;");
		assertThat(statements).singleElement().satisfies((statement) -> {
			assertThat(statement.sql()).isEqualTo("SELECT 1 /* inline */\n  FROM t -- trailing");
			assertThat(statement.canonical()).isEqualTo("SELECT 1 FROM t");
			assertThat(statement.line()).isEqualTo(2);
		});
	}

	@Test
	void keepsDelimiterAndCommentMarkersInsideSingleQuotedString() {
		String script = "INSERT INTO t VALUES ('a;b -- c /* d');\nSELECT 2;";
		for (SqlStatementSplitter splitter : List.of(this.standard, this.mysql)) {
			assertThat(splitter.split(script)).extracting(SqlStatement::sql)
				.containsExactly("INSERT INTO t VALUES ('a;b -- c /* d')", "SELECT 2");
		}
	}

	@Test
	void treatsDoubledSingleQuoteAsEscapedQuoteInBothModes() {
		String script = "SELECT 'it''s; fine';\nSELECT 2;";
		for (SqlStatementSplitter splitter : List.of(this.standard, this.mysql)) {
			assertThat(splitter.split(script)).extracting(SqlStatement::sql)
				.containsExactly("SELECT 'it''s; fine'", "SELECT 2");
		}
	}

	@Test
	void treatsBackslashAsEscapeInMysqlStrings() {
		List<SqlStatement> statements = this.mysql.split("SELECT 'it\\'s; fine', \"say \\\"hi;\\\"\";\nSELECT 2;");
		assertThat(statements).extracting(SqlStatement::sql)
			.containsExactly("SELECT 'it\\'s; fine', \"say \\\"hi;\\\"\"", "SELECT 2");
	}

	@Test
	void treatsBackslashAsPlainTextInStandardStrings() {
		List<SqlStatement> statements = this.standard.split("SELECT 'C:\\';\nSELECT 2;");
		assertThat(statements).extracting(SqlStatement::sql).containsExactly("SELECT 'C:\\'", "SELECT 2");
	}

	@Test
	void treatsBackslashAsEscapeInPostgresqlEscapeStrings() {
		List<SqlStatement> statements = this.standard
			.split("SELECT E'\\'';\nSELECT e'a\\';b';\nSELECT E'it''\\'s; ok';\nSELECT 4;");
		assertThat(statements).extracting(SqlStatement::sql)
			.containsExactly("SELECT E'\\''", "SELECT e'a\\';b'", "SELECT E'it''\\'s; ok'", "SELECT 4");
	}

	@Test
	void doesNotTreatIdentifierEndingInEAsEscapeStringPrefix() {
		List<SqlStatement> statements = this.standard.split("SELECT name'\\';\nSELECT 2;");
		assertThat(statements).extracting(SqlStatement::sql).containsExactly("SELECT name'\\'", "SELECT 2");
	}

	@Test
	void keepsDelimiterInsideDoubleQuotedIdentifier() {
		List<SqlStatement> statements = this.standard.split("CREATE TABLE \"odd;\"\"name\" (id INT);\nSELECT 2;");
		assertThat(statements).extracting(SqlStatement::sql)
			.containsExactly("CREATE TABLE \"odd;\"\"name\" (id INT)", "SELECT 2");
	}

	@Test
	void treatsBackslashAsPlainTextInStandardDoubleQuotedIdentifier() {
		List<SqlStatement> statements = this.standard.split("SELECT 1 AS \"a\\\";\nSELECT 2;");
		assertThat(statements).extracting(SqlStatement::sql).containsExactly("SELECT 1 AS \"a\\\"", "SELECT 2");
	}

	@Test
	void keepsDelimiterInsideBacktickIdentifierInBothModes() {
		String script = "CREATE TABLE `odd;``name` (id INT);\nSELECT 2;";
		for (SqlStatementSplitter splitter : List.of(this.standard, this.mysql)) {
			assertThat(splitter.split(script)).extracting(SqlStatement::sql)
				.containsExactly("CREATE TABLE `odd;``name` (id INT)", "SELECT 2");
		}
	}

	@Test
	void keepsDelimiterInsideLineAndBlockComments() {
		List<SqlStatement> statements = this.standard.split("SELECT 1 -- not; the end\n/* nor; this */ FROM t;");
		assertThat(statements).singleElement().extracting(SqlStatement::canonical).isEqualTo("SELECT 1 FROM t");
	}

	@Test
	void treatsDoubleDashAsCommentEvenWithoutFollowingSpaceInStandardMode() {
		List<SqlStatement> statements = this.standard.split("SELECT 1--2;\nSELECT 3;");
		assertThat(statements).singleElement().satisfies((statement) -> {
			assertThat(statement.sql()).isEqualTo("SELECT 1--2;\nSELECT 3");
			assertThat(statement.canonical()).isEqualTo("SELECT 1 SELECT 3");
		});
	}

	@Test
	void treatsDoubleDashAsCommentOnlyWhenFollowedByWhitespaceInMysqlMode() {
		List<SqlStatement> statements = this.mysql.split("SELECT 1--2;\nSELECT 3 -- comment; here\n;\nSELECT 4 --\n;");
		assertThat(statements).extracting(SqlStatement::canonical)
			.containsExactly("SELECT 1--2", "SELECT 3", "SELECT 4");
	}

	@Test
	void supportsNestedBlockCommentsInStandardMode() {
		List<SqlStatement> statements = this.standard
			.split("/* outer /* inner; */ still a comment; */ SELECT 1;\nSELECT 2;");
		assertThat(statements).extracting(SqlStatement::sql).containsExactly("SELECT 1", "SELECT 2");
	}

	@Test
	void endsBlockCommentAtFirstTerminatorInMysqlMode() {
		List<SqlStatement> statements = this.mysql.split("/* outer /* inner */ SELECT 1;\nSELECT 2;");
		assertThat(statements).extracting(SqlStatement::sql).containsExactly("SELECT 1", "SELECT 2");
	}

	@Test
	void treatsHashAsLineCommentInMysqlModeOnly() {
		String script = "SELECT 1 # comment; here\nFROM t;";
		assertThat(this.mysql.split(script)).singleElement()
			.extracting(SqlStatement::canonical)
			.isEqualTo("SELECT 1 FROM t");
		assertThat(this.standard.split(script)).extracting(SqlStatement::canonical)
			.containsExactly("SELECT 1 # comment", "here FROM t");
	}

	@Test
	void keepsMysqlExecutableCommentsAsStatementText() {
		List<SqlStatement> statements = this.mysql
			.split("/*!40101 SET NAMES utf8mb4 */;\n/*M!100101 SET sql_mode = '' */;\n/* plain */;");
		assertThat(statements).extracting(SqlStatement::sql)
			.containsExactly("/*!40101 SET NAMES utf8mb4 */", "/*M!100101 SET sql_mode = '' */");
		assertThat(statements).extracting(SqlStatement::canonical)
			.containsExactly("/*!40101 SET NAMES utf8mb4 */", "/*M!100101 SET sql_mode = '' */");
	}

	@Test
	void keepsSemicolonsInsideDollarQuotedFunctionBody() {
		String function = """
				CREATE FUNCTION add_one(value integer) RETURNS integer AS $$
				BEGIN
				    RETURN value + 1;
				END;
				$$ LANGUAGE plpgsql""";
		List<SqlStatement> statements = this.standard.split(function + ";\nSELECT add_one(1);\n");
		assertThat(statements).extracting(SqlStatement::sql).containsExactly(function, "SELECT add_one(1)");
		assertThat(statements).extracting(SqlStatement::line).containsExactly(1, 6);
	}

	@Test
	void keepsSemicolonsInsideTaggedDollarQuotedBody() {
		String function = """
				CREATE FUNCTION run() RETURNS void AS $fn$
				BEGIN
				    EXECUTE $$SELECT 1;$$;
				    PERFORM '$fn';
				END;
				$fn$ LANGUAGE plpgsql""";
		assertThat(this.standard.split(function + ";\nSELECT 2;")).extracting(SqlStatement::sql)
			.containsExactly(function, "SELECT 2");
	}

	@Test
	void recognizesDollarQuotingInMysqlMode() {
		assertThat(this.mysql.split("SELECT $$a;b$$;\nSELECT 2;")).extracting(SqlStatement::sql)
			.containsExactly("SELECT $$a;b$$", "SELECT 2");
	}

	@Test
	void doesNotTreatDollarAfterIdentifierCharacterOrBeforeDigitAsDollarQuote() {
		List<SqlStatement> statements = this.standard
			.split("SELECT a$b$ FROM t;\nPREPARE q AS SELECT $1;\nSELECT $2$;\nSELECT 4;");
		assertThat(statements).extracting(SqlStatement::sql)
			.containsExactly("SELECT a$b$ FROM t", "PREPARE q AS SELECT $1", "SELECT $2$", "SELECT 4");
	}

	@Test
	void changesDelimiterForMysqlTrigger() {
		String trigger = """
				CREATE TRIGGER before_insert BEFORE INSERT ON person
				FOR EACH ROW
				BEGIN
				    SET NEW.name = TRIM(NEW.name);
				    SET NEW.created = NOW();
				END""";
		String script = "DELIMITER //\n" + trigger + "\n//\nDELIMITER ;\nSELECT 1;\nSELECT 2;\n";
		List<SqlStatement> statements = this.mysql.split(script);
		assertThat(statements).extracting(SqlStatement::sql).containsExactly(trigger, "SELECT 1", "SELECT 2");
		assertThat(statements).extracting(SqlStatement::line).containsExactly(2, 10, 11);
	}

	@Test
	void treatsDollarDelimiterAsDelimiterRatherThanDollarQuote() {
		String procedure = "CREATE PROCEDURE touch()\nBEGIN\n    UPDATE $a$ SET n = n + 1;\nEND";
		String script = "DELIMITER $$\n" + procedure + "$$\nDELIMITER ;\nSELECT $$a;b$$;\n";
		assertThat(this.mysql.split(script)).extracting(SqlStatement::sql).containsExactly(procedure, "SELECT $$a;b$$");
	}

	@Test
	void recognizesDelimiterCommandCaseInsensitivelyInStandardModeAfterComments() {
		String script = "SELECT 1;\n-- switch delimiter\n  delimiter //\nSELECT 2; SELECT 3//\nDelimiter ;\nSELECT 4;";
		assertThat(this.standard.split(script)).extracting(SqlStatement::sql)
			.containsExactly("SELECT 1", "SELECT 2; SELECT 3", "SELECT 4");
	}

	@Test
	void doesNotTreatDelimiterWordAsCommandWhileStatementIsPending() {
		List<SqlStatement> statements = this.standard
			.split("COPY person FROM '/tmp/person.csv'\nDELIMITER ','\nCSV HEADER;\nSELECT delimiter_id FROM t;");
		assertThat(statements).extracting(SqlStatement::sql)
			.containsExactly("COPY person FROM '/tmp/person.csv'\nDELIMITER ','\nCSV HEADER",
					"SELECT delimiter_id FROM t");
	}

	@Test
	void rejectsDelimiterCommandWithoutDelimiter() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.mysql.split("SELECT 1;\nDELIMITER\nSELECT 2;"))
			.withMessage("DELIMITER without a delimiter at line 2");
	}

	@Test
	void canonicalFormIgnoresIndentationLineEndingsByteOrderMarkAndComments() {
		String original = """
				CREATE TABLE person (
				    id INT PRIMARY KEY,
				    name VARCHAR(100) DEFAULT 'John  Doe'
				);
				INSERT INTO person (id) VALUES (1);
				""";
		String reformatted = "\uFEFF-- people\r\nCREATE   TABLE person (\r\n\tid INT PRIMARY KEY, -- key\r\n"
				+ "\t\tname VARCHAR(100) /* who */ DEFAULT 'John  Doe'\r\n) ;\r\n\r\n"
				+ "/* seed */\rINSERT INTO person (id)\r  VALUES (1)\r\n;\r\n-- done\r\n";
		List<SqlStatement> originalStatements = this.standard.split(original);
		assertThat(originalStatements).extracting(SqlStatement::canonical)
			.containsExactly("CREATE TABLE person ( id INT PRIMARY KEY, name VARCHAR(100) DEFAULT 'John  Doe' )",
					"INSERT INTO person (id) VALUES (1)");
		assertThat(this.standard.split(reformatted)).extracting(SqlStatement::canonical)
			.containsExactlyElementsOf(originalStatements.stream().map(SqlStatement::canonical).toList());
		assertThat(this.mysql.split(reformatted)).extracting(SqlStatement::canonical)
			.containsExactlyElementsOf(originalStatements.stream().map(SqlStatement::canonical).toList());
	}

	@Test
	void canonicalFormChangesWhenWhitespaceInsideStringLiteralChanges() {
		String before = this.standard.split("INSERT INTO t VALUES ('a b');").get(0).canonical();
		String after = this.standard.split("INSERT INTO t VALUES ('a  b');").get(0).canonical();
		assertThat(before).isEqualTo("INSERT INTO t VALUES ('a b')");
		assertThat(after).isEqualTo("INSERT INTO t VALUES ('a  b')");
	}

	@Test
	void canonicalFormKeepsQuotedIdentifiersAndDollarQuotedBodiesVerbatim() {
		String script = "SELECT  \"a  b\",\n `c\td`,  $$ x\n  -- y\n$$,  $q$ /* z */ $q$;";
		assertThat(this.standard.split(script)).singleElement()
			.extracting(SqlStatement::canonical)
			.isEqualTo("SELECT \"a  b\", `c\td`, $$ x\n  -- y\n$$, $q$ /* z */ $q$");
	}

	@Test
	void canonicalFormTreatsCommentAsTokenSeparator() {
		assertThat(this.standard.split("SELECT/* x */1;")).singleElement()
			.extracting(SqlStatement::canonical)
			.isEqualTo("SELECT 1");
	}

	@Test
	void normalizesLineEndingsOutsideQuotedTextAndStripsByteOrderMarkInStatementText() {
		List<SqlStatement> statements = this.standard
			.split("\uFEFFSELECT 'a\r\nb'\rFROM t -- x\r\n/* y\r\n */;\r\nSELECT 2;");
		assertThat(statements).extracting(SqlStatement::sql)
			.containsExactly("SELECT 'a\r\nb'\nFROM t -- x\n/* y\n */", "SELECT 2");
		assertThat(statements).extracting(SqlStatement::canonical).containsExactly("SELECT 'a\nb' FROM t", "SELECT 2");
		assertThat(statements).extracting(SqlStatement::line).containsExactly(1, 6);
	}

	@Test
	void keepsLineEndingsInsideQuotedTextAsWrittenWhileTheCanonicalFormIgnoresThem() {
		String standardScript = "INSERT INTO \"a\r\nb\" VALUES ('c\r\nd', E'e\\\r\nf', 'g\rh', $$i\r\nj$$,\r\n"
				+ "  $tag$k\r\nl$tag$);\r\nSELECT 'm\r\n';";
		List<SqlStatement> statements = this.standard.split(standardScript);
		assertThat(statements).extracting(SqlStatement::sql)
			.containsExactly("INSERT INTO \"a\r\nb\" VALUES ('c\r\nd', E'e\\\r\nf', 'g\rh', $$i\r\nj$$,\n"
					+ "  $tag$k\r\nl$tag$)", "SELECT 'm\r\n'");
		assertThat(statements).extracting(SqlStatement::canonical)
			.containsExactlyElementsOf(this.standard.split(standardScript.replace("\r\n", "\n").replace('\r', '\n'))
				.stream()
				.map(SqlStatement::canonical)
				.toList());
		assertThat(statements).extracting(SqlStatement::line).containsExactly(1, 9);
		String mysqlScript = "INSERT INTO `a\r\nb` VALUES ('c\\'\r\nd', \"e\r\nf\");\r\n"
				+ "/*!40101 SET @x = 'g\r\nh' */;";
		assertThat(this.mysql.split(mysqlScript)).extracting(SqlStatement::sql)
			.containsExactly("INSERT INTO `a\r\nb` VALUES ('c\\'\r\nd', \"e\r\nf\")", "/*!40101 SET @x = 'g\r\nh' */");
	}

	@Test
	void reportsLineWhereEachStatementStarts() {
		String script = """
				-- header

				SELECT 1; SELECT
				  2;
				/* a
				   block */ SELECT 'multi
				line';
				SELECT "x
				y"; SELECT $$
				$$;
				  SELECT `z`
				""";
		assertThat(this.standard.split(script)).extracting(SqlStatement::line).containsExactly(3, 3, 6, 8, 9, 11);
	}

	@Test
	void headerCommentsAreTheLineCommentsBeforeTheFirstStatementPassingOverBlockCommentsAndBlankLines() {
		String script = "\uFEFF/* Builds the index\r\n   without locking writes. */\r\n\r\n-- first\r\n"
				+ "/* one */ /* two */ --second  \n\t-- third\nCREATE INDEX i ON t (c); -- not a header\n-- nor this\n";
		assertThat(this.standard.headerComments(script)).containsExactly("first", "second", "third");
	}

	@Test
	void headerCommentsFollowNestedBlockCommentsWhereTheSyntaxNestsThem() {
		String script = "/* outer /* inner */ -- still the outer comment\n*/\n-- header\nSELECT 1;";
		assertThat(this.standard.headerComments(script)).containsExactly("header");
		// In MySQL the first */ ends the comment, and the second starts the first
		// statement
		assertThat(this.mysql.headerComments(script)).containsExactly("still the outer comment");
	}

	@Test
	void headerCommentsIncludeMysqlHashCommentsAndPassOverDelimiterLines() {
		String script = "# first\n/* block */\nDELIMITER //\n-- second\nCREATE TRIGGER t BEFORE INSERT ON a FOR EACH "
				+ "ROW BEGIN SET NEW.x = 1; END//\n";
		assertThat(this.mysql.headerComments(script)).containsExactly("first", "second");
	}

	@Test
	void headerCommentsEndAtAStatementEvenWithoutALineBreak() {
		assertThat(this.standard.headerComments("/* a */ SELECT 1 -- b\n-- c\n")).isEmpty();
		assertThat(this.standard.headerComments("-- a\n;\n-- b\nSELECT 1;")).containsExactly("a", "b");
		assertThat(this.standard.headerComments("-- only comments\n/* here */")).containsExactly("only comments");
	}

	@Test
	void aScriptThatStartsWithAStatementHasNoHeaderButOneThatStartsWithADelimiterLineMay() {
		assertThat(this.standard.headerComments("\uFEFF \r\n\tCREATE TABLE t (c INT); -- migrations: repair\n"))
			.isEmpty();
		assertThat(this.mysql.headerComments(
				"delimiter //\n-- migrations: no-transaction\nCREATE PROCEDURE p() " + "BEGIN SELECT 1; END//\n"))
			.containsExactly("migrations: no-transaction");
	}

	@Test
	void headerCommentsOfAScriptThatCannotBeSplitAreThoseBeforeTheBrokenConstruct() {
		assertThat(this.standard.headerComments("-- a\n/* never closed\n-- b\n")).containsExactly("a");
		assertThat(this.standard.headerComments("-- a\nSELECT 'never closed;\n")).containsExactly("a");
	}

	@Test
	void rejectsUnterminatedSingleQuotedString() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.standard.split("SELECT 1;\n\nSELECT 'abc;\n"))
			.withMessage("Unterminated single-quoted string starting at line 3");
		assertThatIllegalArgumentException().isThrownBy(() -> this.mysql.split("SELECT 'abc\\';"))
			.withMessage("Unterminated single-quoted string starting at line 1");
	}

	@Test
	void rejectsUnterminatedDoubleQuotedText() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.standard.split("SELECT 1;\nSELECT \"abc;\n"))
			.withMessage("Unterminated double-quoted identifier starting at line 2");
		assertThatIllegalArgumentException().isThrownBy(() -> this.mysql.split("SELECT 1;\nSELECT \"abc;\n"))
			.withMessage("Unterminated double-quoted string starting at line 2");
	}

	@Test
	void rejectsUnterminatedBacktickIdentifier() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.mysql.split("\n\n\nSELECT `abc;"))
			.withMessage("Unterminated backtick-quoted identifier starting at line 4");
	}

	@Test
	void rejectsUnterminatedDollarQuotedString() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.standard.split("SELECT 1;\nCREATE FUNCTION f() AS $fn$\nBEGIN; END;\n$$;"))
			.withMessage("Unterminated dollar-quoted string $fn$ starting at line 2");
	}

	@Test
	void rejectsUnterminatedBlockComment() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.standard.split("SELECT 1;\n/* outer /* inner */\nSELECT 2;"))
			.withMessage("Unterminated block comment starting at line 2");
		assertThatIllegalArgumentException().isThrownBy(() -> this.mysql.split("SELECT 1 /* never closed;"))
			.withMessage("Unterminated block comment starting at line 1");
	}

	@Test
	void keepsASqliteTriggerWithSeveralStatementsInItsBodyInOneStatement() {
		String trigger = """
				CREATE TRIGGER notes_audit AFTER INSERT ON notes
				BEGIN
				    UPDATE counts SET total = total + 1;
				    INSERT INTO audit (note_id) VALUES (NEW.id);
				END""";
		List<SqlStatement> statements = this.sqlite
			.split("CREATE TABLE notes (id INT);\n" + trigger + ";\nINSERT INTO notes VALUES (1);\n");
		assertThat(statements).extracting(SqlStatement::sql)
			.containsExactly("CREATE TABLE notes (id INT)", trigger, "INSERT INTO notes VALUES (1)");
		assertThat(statements).extracting(SqlStatement::line).containsExactly(1, 2, 7);
		assertThat(statements.get(1).canonical()).isEqualTo("CREATE TRIGGER notes_audit AFTER INSERT ON notes BEGIN "
				+ "UPDATE counts SET total = total + 1; INSERT INTO audit (note_id) VALUES (NEW.id); END");
	}

	@Test
	void endsASqliteTriggerOnlyAtTheEndOfItsBodyNotAtTheEndOfACaseInside() {
		String temporary = """
				create temp trigger sign after insert on numbers begin
				  insert into log values (case when new.n < 0 then 'negative' else 'positive' end);
				  update numbers set sign = case new.n when 0 then 0 else 1 end where rowid = new.rowid; -- ; end;
				  /* ; END; */ select case when 1 then 'end;' end;
				end""";
		String other = """
				CREATE TEMPORARY TRIGGER IF NOT EXISTS other BEFORE DELETE ON numbers FOR EACH ROW BEGIN
				  SELECT RAISE(ABORT, 'kept') WHERE old.n = 0; END""";
		assertThat(this.sqlite.split(temporary + ";\n" + other + " ;\nSELECT 1;")).extracting(SqlStatement::sql)
			.containsExactly(temporary, other, "SELECT 1");
	}

	@Test
	void splitsTransactionControlAndOtherStatementsOfSqliteAtEverySemicolon() {
		String script = """
				BEGIN TRANSACTION;
				CREATE TABLE "begin" ("end" INT, trigger_name TEXT);
				CREATE VIEW v AS SELECT CASE WHEN "end" > 0 THEN 1 END AS e FROM "begin";
				END;
				CREATE TRIGGER "end" AFTER INSERT ON "begin" BEGIN UPDATE "begin" SET "end" = 1; END;
				COMMIT;
				""";
		assertThat(this.sqlite.split(script)).extracting(SqlStatement::canonical)
			.containsExactly("BEGIN TRANSACTION", "CREATE TABLE \"begin\" (\"end\" INT, trigger_name TEXT)",
					"CREATE VIEW v AS SELECT CASE WHEN \"end\" > 0 THEN 1 END AS e FROM \"begin\"", "END",
					"CREATE TRIGGER \"end\" AFTER INSERT ON \"begin\" BEGIN UPDATE \"begin\" SET \"end\" = 1; END",
					"COMMIT");
	}

	@Test
	void keepsTheBodyOfAPostgresqlRoutineInBeginAtomicInOneStatement() {
		String function = """
				CREATE OR REPLACE FUNCTION sign_of(begin integer) RETURNS text LANGUAGE sql
				BEGIN ATOMIC
				  INSERT INTO calls (n) VALUES (begin);
				  SELECT CASE WHEN $1 < 0 THEN 'negative' ELSE "end" END FROM labels;
				END""";
		String procedure = "create procedure touch() language sql begin atomic update t set n = n + 1; end";
		List<SqlStatement> statements = this.postgresql
			.split("BEGIN;\n" + function + ";\n" + procedure + ";\nCOMMIT;\n");
		assertThat(statements).extracting(SqlStatement::sql).containsExactly("BEGIN", function, procedure, "COMMIT");
		assertThat(statements).extracting(SqlStatement::line).containsExactly(1, 2, 7, 8);
	}

	@Test
	void keepsTriggerBodiesWholeAfterADelimiterCommandSetTheSemicolonBack() {
		String script = "DELIMITER //\nSELECT 1; SELECT 2//\nDELIMITER ;\n"
				+ "CREATE TRIGGER t AFTER INSERT ON a BEGIN SELECT 1; SELECT 2; END;\nSELECT 3;";
		assertThat(this.sqlite.split(script)).extracting(SqlStatement::sql)
			.containsExactly("SELECT 1; SELECT 2", "CREATE TRIGGER t AFTER INSERT ON a BEGIN SELECT 1; SELECT 2; END",
					"SELECT 3");
	}

	@Test
	void keepsSemicolonsInsideParenthesesInAPostgresqlStatementAsPsqlDoes() {
		String rule = "CREATE RULE copy_notes AS ON INSERT TO notes DO ALSO (\n  INSERT INTO a VALUES (NEW.id);\n"
				+ "  INSERT INTO b VALUES (NEW.id)\n)";
		assertThat(this.postgresql.split(rule + ";\nSELECT ')';\nSELECT 2;")).extracting(SqlStatement::sql)
			.containsExactly(rule, "SELECT ')'", "SELECT 2");
		// The other syntaxes end a statement at every semicolon outside quotes
		assertThat(this.standard.split(rule + ";")).hasSize(2);
	}

	@Test
	void readsTheRowsOfAPostgresqlCopyFromStdinUpToTheEndOfDataLine() {
		String script = """
				SET client_encoding = 'UTF8';
				SELECT pg_catalog.set_config('search_path', '', false);
				COPY public.notes (id, body) FROM stdin;
				1	plain
				2	\\N
				3	tab\\there\\nand a new line
				4	SELECT 1; -- not a statement
				\\connect not a command
				\\.
				SELECT 5;
				""";
		List<SqlStatement> statements = this.postgresql.split(script);
		assertThat(statements).extracting(SqlStatement::kind)
			.containsExactly(SqlStatement.Kind.SQL, SqlStatement.Kind.SQL, SqlStatement.Kind.COPY_FROM_STDIN,
					SqlStatement.Kind.SQL);
		SqlStatement copy = statements.get(2);
		String rows = "1\tplain\n2\t\\N\n3\ttab\\there\\nand a new line\n4\tSELECT 1; -- not a statement\n"
				+ "\\connect not a command\n";
		assertThat(copy.sql()).isEqualTo("COPY public.notes (id, body) FROM stdin");
		assertThat(copy.copyData()).isEqualTo(new SqlStatement.CopyData(rows, 4));
		assertThat(copy.canonical()).isEqualTo("COPY public.notes (id, body) FROM stdin\n" + rows);
		assertThat(statements).extracting(SqlStatement::line).containsExactly(1, 2, 3, 10);
		assertThat(statements.get(3).sql()).isEqualTo("SELECT 5");
	}

	@Test
	void recognizesCopyFromStdinWrittenInAnyCaseWithOptionsAndKeepsItsRowsAsWritten() {
		String script = "copy notes(id,body) from STDIN with (format csv, header true) -- rows follow\r\n;  \r\n"
				+ "id,body\r\n1,\"a\r\nb\"\r\n\\.\r\nselect 2;";
		List<SqlStatement> statements = this.postgresql.split(script);
		assertThat(statements).extracting(SqlStatement::kind)
			.containsExactly(SqlStatement.Kind.COPY_FROM_STDIN, SqlStatement.Kind.SQL);
		assertThat(statements.get(0).copyData()).isEqualTo(new SqlStatement.CopyData("id,body\r\n1,\"a\r\nb\"\r\n", 3));
		assertThat(statements.get(0).canonical())
			.isEqualTo("copy notes(id,body) from STDIN with (format csv, header true)\nid,body\n1,\"a\nb\"\n");
		assertThat(statements.get(1).line()).isEqualTo(7);
	}

	@Test
	void takesTheRestOfTheScriptAsTheRowsOfACopyWithoutAnEndOfDataLine() {
		assertThat(this.postgresql.split("COPY t FROM stdin;\n1\n2")).singleElement()
			.extracting(SqlStatement::copyData)
			.isEqualTo(new SqlStatement.CopyData("1\n2", 2));
		assertThat(this.postgresql.split("COPY t FROM stdin")).singleElement()
			.extracting(SqlStatement::copyData)
			.isEqualTo(new SqlStatement.CopyData("", 2));
	}

	@Test
	void theChecksumFormOfACopyChangesWithItsRows() {
		String before = this.postgresql.split("COPY t (a) FROM stdin;\n1\n2\n\\.\n").get(0).canonical();
		String after = this.postgresql.split("COPY t (a) FROM stdin;\n1\n3\n\\.\n").get(0).canonical();
		String reindented = this.postgresql.split("-- rows\r\nCOPY  t (a)\r\n  FROM stdin ;\r\n1\r\n2\r\n\\.\r\n")
			.get(0)
			.canonical();
		assertThat(before).isNotEqualTo(after).isEqualTo(reindented);
	}

	@Test
	void rejectsTextAfterCopyFromStdinOnItsLine() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.postgresql.split("SELECT 1;\nCOPY t FROM stdin; SELECT 2;\n1\n\\.\n"))
			.withMessageStartingWith("Text after COPY ... FROM stdin at line 2 on line 2, where psql takes the rows "
					+ "from the next line on");
	}

	@Test
	void rejectsCopyFromStdinInEveryOtherSyntax() {
		String script = "SELECT 1;\nCOPY t (a, b) FROM STDIN;\n1\t'x\n\\.\n";
		for (SqlStatementSplitter splitter : List.of(this.standard, this.sqlite, this.mysql)) {
			assertThatIllegalArgumentException().isThrownBy(() -> splitter.split(script))
				.withMessageStartingWith("COPY ... FROM stdin at line 2, whose rows follow it in the script")
				.withMessageContaining("runs only in a SQL migration on PostgreSQL");
		}
	}

	@Test
	void tellsCopyToStdoutFromOtherCopyStatements() {
		List<SqlStatement> statements = this.postgresql.split("COPY (SELECT 'from stdin' FROM t) TO STDOUT;\n"
				+ "copy t to stdout with csv;\nCOPY t FROM '/tmp/t.csv';\nCOPY (SELECT 1 FROM stdin) TO '/tmp/x';");
		assertThat(statements).extracting(SqlStatement::kind)
			.containsExactly(SqlStatement.Kind.COPY_TO_STDOUT, SqlStatement.Kind.COPY_TO_STDOUT, SqlStatement.Kind.SQL,
					SqlStatement.Kind.SQL);
	}

	@Test
	void readsALineThatStartsWithABackslashWhereAPostgresqlStatementWouldStartAsAPsqlMetaCommand() {
		String script = """
				--
				-- PostgreSQL database dump
				--

				\\restrict Abc123

				SELECT 'a
				\\connect in a string';
				CREATE FUNCTION f() RETURNS text AS $$
				\\set in a body
				$$ LANGUAGE sql; \\c other
				  \\unrestrict Abc123
				""";
		List<SqlStatement> statements = this.postgresql.split(script);
		assertThat(statements).extracting(SqlStatement::kind)
			.containsExactly(SqlStatement.Kind.PSQL_META_COMMAND, SqlStatement.Kind.SQL, SqlStatement.Kind.SQL,
					SqlStatement.Kind.PSQL_META_COMMAND, SqlStatement.Kind.PSQL_META_COMMAND);
		assertThat(statements).extracting(SqlStatement::sql)
			.containsExactly("\\restrict Abc123", "SELECT 'a\n\\connect in a string'",
					"CREATE FUNCTION f() RETURNS text AS $$\n\\set in a body\n$$ LANGUAGE sql", "\\c other",
					"\\unrestrict Abc123");
		assertThat(statements).extracting(SqlStatement::line).containsExactly(5, 7, 9, 11, 12);
		// Other databases have no psql
		assertThat(this.standard.split("\\restrict Abc123")).extracting(SqlStatement::kind)
			.containsExactly(SqlStatement.Kind.SQL);
	}

	@Test
	void headerCommentsPassOverPsqlMetaCommands() {
		assertThat(this.postgresql.headerComments("-- a\n\\restrict key\n-- b\nSELECT 1;")).containsExactly("a", "b");
	}

	@Test
	void splitsLargeScriptInLinearTime() {
		StringBuilder script = new StringBuilder();
		for (int index = 0; index < 100_000; index++) {
			script.append("INSERT INTO t VALUES (").append(index).append(", 'text; -- here');\n");
		}
		List<SqlStatement> statements = assertTimeoutPreemptively(Duration.ofSeconds(10),
				() -> this.standard.split(script.toString()));
		assertThat(statements).hasSize(100_000);
		assertThat(statements.get(99_999).line()).isEqualTo(100_000);
	}

}
