package dev.migrations.conformance;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;

import dev.migrations.catalog.Catalog;
import dev.migrations.catalog.Check;
import dev.migrations.catalog.Column;
import dev.migrations.catalog.Index;
import dev.migrations.catalog.SchemaObject;
import dev.migrations.catalog.SchemaObject.Kind;
import dev.migrations.catalog.Table;
import dev.migrations.catalog.View;
import dev.migrations.dialect.Dialects;
import dev.migrations.testing.DatabaseKind;
import dev.migrations.testing.OnDatabase;
import dev.migrations.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The catalog of a MariaDB database, read from {@code information_schema}: the
 * conformance suite, and what MariaDB has of its own (routines, triggers, MariaDB's
 * {@code JSON}, the index InnoDB adds for a foreign key).
 */
@OnDatabase(DatabaseKind.MARIADB)
class MariadbCatalogTests extends CatalogConformanceTests {

	@Override
	List<String> databaseSql() {
		return List.of("ALTER TABLE books ADD CONSTRAINT books_title_not_empty CHECK (title <> '')",
				"ALTER TABLE books ADD COLUMN details JSON NULL",
				"ALTER TABLE authors MODIFY bio LONGTEXT NULL COMMENT 'What the author writes about'", """
						CREATE VIEW long_books AS
						  SELECT b.id, b.title, a.name AS author
						  FROM books b JOIN authors a ON a.id = b.author_id
						  WHERE CHAR_LENGTH(b.title) > 20""", """
						CREATE PROCEDURE rename_author(IN author BIGINT, IN new_name VARCHAR(100))
						BEGIN
						  UPDATE authors SET name = new_name WHERE id = author;
						  SELECT ROW_COUNT();
						END""", """
						CREATE FUNCTION book_count(author BIGINT) RETURNS INT READS SQL DATA
						BEGIN
						  DECLARE total INT;
						  SELECT COUNT(*) INTO total FROM books WHERE author_id = author;
						  RETURN total;
						END""",
				"CREATE TRIGGER books_title_trimmed BEFORE INSERT ON books FOR EACH ROW SET NEW.title = TRIM(NEW.title)");
	}

	@Test
	void columnsReadWithTheirTypesDefaultsAndComments() throws SQLException {
		Catalog catalog = built(this.database);
		Table authors = catalog.table("authors").orElseThrow();
		assertThat(authors.columns()).extracting(Column::name, Column::type, Column::nullable, Column::defaultValue)
			.containsExactly(tuple("id", "bigint", false, null), tuple("name", "varchar(100)", false, null),
					tuple("bio", "longtext", true, null), tuple("rating", "decimal(5,2)", false, "0.00"),
					tuple("active", "tinyint(1)", false, "1"), tuple("created_at", "datetime", false, null));
		assertThat(authors.column("bio").orElseThrow().comment()).isEqualTo("What the author writes about");
		assertThat(authors.column("name").orElseThrow().comment()).isNull();
		assertThat(authors.primaryKey().name()).isNull();
		Table books = catalog.table("books").orElseThrow();
		assertThat(books.column("details").orElseThrow().type()).isEqualTo("json");
		assertThat(books.checks()).containsExactly(new Check("books_title_not_empty", "`title` <> ''"));
	}

	@Test
	void theIndexInnodbAddsForAForeignKeyIsPartOfTheKey() throws SQLException {
		Table books = built(this.database).table("books").orElseThrow();
		assertThat(this.database.queryForLong("SELECT COUNT(*) FROM information_schema.STATISTICS "
				+ "WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'books' AND INDEX_NAME = '"
				+ books.foreignKeys().get(0).name() + "'"))
			.isOne();
		assertThat(books.indexes()).extracting(Index::columns).containsExactly(List.of("title"));
		assertThat(books.foreignKeys().get(0).onUpdate()).isIn("RESTRICT", "NO ACTION");
	}

	@Test
	void routinesAndTriggersAreReadByKindAndName() throws SQLException {
		assertThat(built(this.database).objects()).extracting(SchemaObject::kind, SchemaObject::name)
			.containsExactly(tuple(Kind.FUNCTION, "book_count"), tuple(Kind.PROCEDURE, "rename_author"),
					tuple(Kind.TRIGGER, "books.books_title_trimmed"));
	}

	@Test
	void aChangedRoutineBodyChangesItsHash() throws SQLException {
		SchemaObject before = procedure(built(this.database));
		this.database.execute("DROP PROCEDURE rename_author", """
				CREATE PROCEDURE rename_author(IN author BIGINT, IN new_name VARCHAR(100))
				BEGIN
				  UPDATE authors SET name = UPPER(new_name) WHERE id = author;
				  SELECT ROW_COUNT();
				END""");
		SchemaObject after = procedure(read(this.database));
		assertThat(after.name()).isEqualTo(before.name());
		assertThat(after.definitionHash()).isNotEqualTo(before.definitionHash());
	}

	@Test
	void whatBelongsToAnExcludedTableIsLeftOut() throws SQLException {
		built(this.database);
		this.database.execute("CREATE INDEX migrations_ledger_batch ON migrations_ledger (batch)",
				"CREATE TRIGGER ledger_checked BEFORE INSERT ON migrations_ledger FOR EACH ROW SET NEW.error = NULL");
		try (Connection connection = this.database.dataSource().getConnection()) {
			Catalog catalog = Dialects.detect(connection)
				.readCatalog(connection, null, Set.of("migrations_ledger", "migrations_ledger_lock", "books"));
			assertThat(catalog.tables()).extracting(Table::name).containsExactly("authors");
			assertThat(catalog.objects()).extracting(SchemaObject::kind).doesNotContain(Kind.TRIGGER);
		}
		assertThat(read(this.database).objects()).extracting(SchemaObject::name)
			.containsExactly("book_count", "rename_author", "books.books_title_trimmed");
	}

	@Test
	void aViewReadsTheSameAsTheSameViewInAnotherDatabase() throws SQLException {
		List<View> views = built(this.database).views();
		String name = this.database.queryForString("SELECT DATABASE()");
		assertThat(views).singleElement().satisfies((view) -> {
			assertThat(view.name()).isEqualTo("long_books");
			assertThat(view.definition()).doesNotContain(name).contains("from (`books` `b` join `authors` `a`");
		});
		try (TestDatabase other = TestDatabase.create(DatabaseKind.MARIADB)) {
			assertThat(built(other).views()).isEqualTo(views);
			try (Connection connection = other.dataSource().getConnection()) {
				assertThat(Dialects.detect(connection).readCatalog(connection, name, Set.of()).views())
					.isEqualTo(views);
			}
		}
	}

	private static SchemaObject procedure(Catalog catalog) {
		return catalog.objects().stream().filter((object) -> object.kind() == Kind.PROCEDURE).findFirst().orElseThrow();
	}

	@Override
	List<String> linkedTable(int table) {
		return List.of(
				"CREATE TABLE t" + table + " (id INT PRIMARY KEY, parent INT NULL, name VARCHAR(10)," + " INDEX t"
						+ table + "_name (name), CONSTRAINT t" + table + "_named CHECK (name <> '')," + " CONSTRAINT t"
						+ table + "_parent FOREIGN KEY (parent) REFERENCES t0 (id))",
				"CREATE TRIGGER t" + table + "_trimmed BEFORE INSERT ON t" + table
						+ " FOR EACH ROW SET NEW.name = TRIM(NEW.name)");
	}

	@Override
	int maximumQueries() {
		return 11;
	}

}
