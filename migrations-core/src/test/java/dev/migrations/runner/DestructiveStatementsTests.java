package dev.migrations.runner;

import java.util.List;

import dev.migrations.runner.DestructiveStatements.Candidate;
import dev.migrations.runner.DestructiveStatements.Change;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which changes of a statement may destroy data, as the destructive-change guard reads
 * them from SQL files and from the statements the schema builder renders.
 */
class DestructiveStatementsTests {

	@Test
	void dropTableNamesEachTableItDrops() {
		assertThat(describe("DROP TABLE IF EXISTS authors, \"Books\" CASCADE")).containsExactly("DROP_TABLE authors",
				"DROP_TABLE Books");
	}

	@Test
	void dropTableKeepsTheSchemaAndTheNameAsWrittenForTheCount() {
		List<Candidate> candidates = DestructiveStatements.of("drop table \"library\".`authors`");
		assertThat(candidates).singleElement().satisfies((candidate) -> {
			assertThat(candidate.table().written()).isEqualTo("\"library\".`authors`");
			assertThat(candidate.table().qualifier().text()).isEqualTo("library");
			assertThat(candidate.table().last().quoted()).isTrue();
			assertThat(candidate.table()).hasToString("library.authors");
		});
	}

	@Test
	void aTemporaryTableOrAViewOrAnIndexIsNoTableDrop() {
		assertThat(describe("DROP TEMPORARY TABLE scratch")).isEmpty();
		assertThat(describe("DROP VIEW authors")).isEmpty();
		assertThat(describe("DROP INDEX authors_name")).isEmpty();
	}

	@Test
	void dropColumnWithOrWithoutTheKeywordAndIfExists() {
		assertThat(describe("ALTER TABLE authors DROP COLUMN bio")).containsExactly("DROP_COLUMN authors.bio");
		assertThat(describe("alter table authors drop bio")).containsExactly("DROP_COLUMN authors.bio");
		assertThat(describe("ALTER TABLE IF EXISTS ONLY public.authors DROP COLUMN IF EXISTS \"Bio\" CASCADE"))
			.containsExactly("DROP_COLUMN public.authors.Bio");
		assertThat(describe("ALTER TABLE authors DROP IF EXISTS bio")).containsExactly("DROP_COLUMN authors.bio");
	}

	@Test
	void severalActionsOfOneAlterTableAreEachJudged() {
		assertThat(describe("ALTER TABLE authors ADD COLUMN born DATE, DROP COLUMN bio, "
				+ "ADD CONSTRAINT named CHECK (born IN ('2000-01-01', '2001-01-01')), DROP name"))
			.containsExactly("DROP_COLUMN authors.bio", "DROP_COLUMN authors.name");
	}

	@Test
	void droppingAConstraintAnIndexOrAKeyDropsNoColumn() {
		assertThat(describe("ALTER TABLE authors DROP CONSTRAINT authors_pk, DROP INDEX i, DROP KEY k, "
				+ "DROP PRIMARY KEY, DROP FOREIGN KEY fk, DROP CHECK c"))
			.isEmpty();
		assertThat(describe("ALTER TABLE authors ALTER COLUMN bio DROP DEFAULT")).isEmpty();
	}

	@Test
	void postgresqlAndH2TypeChangesCarryTheNewType() {
		assertThat(describe("ALTER TABLE authors ALTER COLUMN name TYPE varchar(10) USING substr(name, 1, 10)"))
			.containsExactly("CHANGE_TYPE authors.name varchar(10)");
		assertThat(describe("ALTER TABLE authors ALTER name SET DATA TYPE CHARACTER VARYING (10)"))
			.containsExactly("CHANGE_TYPE authors.name character varying(10)");
		assertThat(describe("alter table authors alter column born type timestamp(3) with time zone"))
			.containsExactly("CHANGE_TYPE authors.born timestamp(3) with time zone");
	}

	@Test
	void h2WritesTheNewDefinitionRightAfterTheColumn() {
		assertThat(describe("ALTER TABLE authors ALTER COLUMN name VARCHAR(10) NOT NULL"))
			.containsExactly("CHANGE_TYPE authors.name varchar(10)");
	}

	@Test
	void alteringSomethingElseOfAColumnChangesNoType() {
		assertThat(describe("ALTER TABLE authors ALTER COLUMN name SET NOT NULL")).isEmpty();
		assertThat(describe("ALTER TABLE authors ALTER COLUMN name SET DEFAULT 'x'")).isEmpty();
		assertThat(describe("ALTER TABLE authors ALTER COLUMN name RENAME TO full_name")).isEmpty();
		assertThat(describe("ALTER TABLE authors ALTER COLUMN id RESTART WITH 5")).isEmpty();
		assertThat(describe("ALTER TABLE authors ALTER CONSTRAINT fk DEFERRABLE")).isEmpty();
	}

	@Test
	void mysqlModifyAndChangeCarryTheNewTypeWithoutItsAttributes() {
		assertThat(describe("ALTER TABLE `authors` MODIFY `name` VARCHAR(10) NOT NULL DEFAULT 'x' COMMENT 'y'"))
			.containsExactly("CHANGE_TYPE authors.name varchar(10)");
		assertThat(describe("ALTER TABLE authors MODIFY COLUMN price DECIMAL(10, 2) UNSIGNED"))
			.containsExactly("CHANGE_TYPE authors.price decimal(10, 2) unsigned");
		assertThat(describe("ALTER TABLE authors CHANGE COLUMN name full_name VARCHAR(10) AFTER id"))
			.containsExactly("CHANGE_TYPE authors.name varchar(10)");
		assertThat(describe("ALTER TABLE authors CHANGE kind kind ENUM('a', 'b''s') CHARACTER SET utf8mb4"))
			.containsExactly("CHANGE_TYPE authors.kind enum('a', 'b''s')");
	}

	@Test
	void otherStatementsChangeNothingJudged() {
		assertThat(describe("CREATE TABLE authors (id INT, bio TEXT)")).isEmpty();
		assertThat(describe("ALTER TABLE authors ADD COLUMN bio TEXT")).isEmpty();
		assertThat(describe("ALTER TABLE authors RENAME COLUMN bio TO biography")).isEmpty();
		assertThat(describe("INSERT INTO authors (id) VALUES (1)")).isEmpty();
		assertThat(describe("ALTER TABLE")).isEmpty();
	}

	@Test
	void commentsAreSkipped() {
		assertThat(describe("/* cleanup */ DROP -- the old one\n TABLE authors")).containsExactly("DROP_TABLE authors");
	}

	private static List<String> describe(String statement) {
		return DestructiveStatements.of(statement)
			.stream()
			.map((candidate) -> candidate.change() + " " + candidate.table()
					+ ((candidate.column() != null) ? "." + candidate.column().text() : "")
					+ ((candidate.change() == Change.CHANGE_TYPE) ? " " + candidate.type() : ""))
			.toList();
	}

}
