package dev.migrations.conformance;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;

import dev.migrations.catalog.Catalog;
import dev.migrations.catalog.Check;
import dev.migrations.catalog.Column;
import dev.migrations.catalog.ForeignKey;
import dev.migrations.catalog.Index;
import dev.migrations.catalog.SchemaObject;
import dev.migrations.catalog.SchemaObject.Kind;
import dev.migrations.catalog.Table;
import dev.migrations.catalog.UniqueConstraint;
import dev.migrations.catalog.View;
import dev.migrations.dialect.Dialects;
import dev.migrations.testing.DatabaseKind;
import dev.migrations.testing.OnDatabase;
import dev.migrations.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The catalog of a SQLite database, read from {@code sqlite_schema} and the table-valued
 * pragmas: the conformance suite, and what SQLite has of its own (declared types,
 * {@code AUTOINCREMENT}, the indexes of {@code UNIQUE} constraints, constraint names and
 * checks that only the table's SQL holds, triggers).
 */
@OnDatabase(DatabaseKind.SQLITE)
class SqliteCatalogTests extends CatalogConformanceTests {

	private static final String REVIEWS = """
			CREATE TABLE reviews (
			  id INTEGER PRIMARY KEY,
			  book_id INTEGER NOT NULL REFERENCES books ON DELETE SET NULL ON UPDATE CASCADE,
			  stars INT CHECK (stars BETWEEN 1  AND 5) /* how good the book is */,
			  code VARCHAR (20) UNIQUE,
			  price Decimal(8, 2) DEFAULT 0,
			  CONSTRAINT reviews_stars_code UNIQUE (stars, code),
			  CONSTRAINT reviews_positive CHECK (id > 0),
			  CHECK (code <> ''),
			  CONSTRAINT reviews_author FOREIGN KEY (stars) REFERENCES authors (id) ON DELETE RESTRICT
			)""";

	@Override
	List<String> databaseSql() {
		return List.of(REVIEWS, "CREATE INDEX reviews_lower_code ON reviews (lower(code), stars DESC)", """
				CREATE VIEW long_books AS
				  SELECT b.id, b.title,   a.name AS author
				  FROM books b JOIN authors a ON a.id = b.author_id
				  WHERE length(b.title) > 20""", """
				CREATE TRIGGER books_title_trimmed AFTER INSERT ON books
				BEGIN
				  UPDATE books SET title = trim(title) WHERE id = NEW.id;
				END""");
	}

	@Test
	void columnsReadWithTheirDeclaredTypesDefaultsAndComments() throws SQLException {
		Catalog catalog = built(this.database);
		assertThat(catalog.table("authors").orElseThrow().columns())
			.extracting(Column::name, Column::type, Column::nullable, Column::defaultValue)
			.containsExactly(tuple("id", "integer", false, null), tuple("name", "varchar(100)", false, null),
					tuple("bio", "text", true, null), tuple("rating", "decimal(5,2)", false, "0"),
					tuple("active", "boolean", false, "1"), tuple("created_at", "timestamp", false, null));
		Table reviews = catalog.table("reviews").orElseThrow();
		assertThat(reviews.columns()).extracting(Column::name, Column::type, Column::defaultValue, Column::comment)
			.containsExactly(tuple("id", "integer", null, null), tuple("book_id", "integer", null, null),
					tuple("stars", "int", null, "how good the book is"), tuple("code", "varchar(20)", null, null),
					tuple("price", "decimal(8,2)", "0", null));
	}

	@Test
	void onlyAnIntegerPrimaryKeyAutoincrementIsAutoIncrement() throws SQLException {
		Catalog catalog = built(this.database);
		Column authorId = catalog.table("authors").orElseThrow().column("id").orElseThrow();
		assertThat(authorId.autoIncrement()).isTrue();
		assertThat(authorId.defaultValue()).isNull();
		Table reviews = catalog.table("reviews").orElseThrow();
		Column reviewId = reviews.column("id").orElseThrow();
		assertThat(reviewId.autoIncrement()).isFalse();
		assertThat(reviewId.nullable()).isFalse();
		assertThat(reviews.primaryKey().name()).isNull();
		assertThat(reviews.primaryKey().columns()).containsExactly("id");
	}

	@Test
	void unnamedConstraintsAreNamedAsPostgresqlNamesThemAndReadAlikeOnTwoDatabases() throws SQLException {
		Table reviews = built(this.database).table("reviews").orElseThrow();
		assertThat(reviews.uniqueConstraints()).extracting(UniqueConstraint::name, UniqueConstraint::columns)
			.containsExactly(tuple("reviews_code_key", List.of("code")),
					tuple("reviews_stars_code", List.of("stars", "code")));
		assertThat(reviews.foreignKeys()).extracting(ForeignKey::name)
			.containsExactly("reviews_author", "reviews_book_id_fkey");
		try (TestDatabase other = TestDatabase.create(DatabaseKind.SQLITE)) {
			assertThat(built(other).table("reviews")).contains(reviews);
		}
	}

	@Test
	void aUniqueConstraintIsNotAUniqueIndex() throws SQLException {
		Catalog catalog = built(this.database);
		Table authors = catalog.table("authors").orElseThrow();
		assertThat(authors.uniqueConstraints()).isEmpty();
		assertThat(authors.indexes()).containsExactly(new Index("authors_name_unique", List.of("name"), true));
		Table reviews = catalog.table("reviews").orElseThrow();
		assertThat(reviews.indexes())
			.containsExactly(new Index("reviews_lower_code", List.of("lower(code)", "stars DESC"), false));
		assertThat(this.database.queryForLong("SELECT COUNT(*) FROM sqlite_schema WHERE type = 'index'"
				+ " AND tbl_name = 'reviews' AND name LIKE 'sqlite_autoindex_%'"))
			.isEqualTo(2);
	}

	@Test
	void foreignKeysReadWithTheirActionsAndTheKeyTheyReferenceWithoutNamingIt() throws SQLException {
		Catalog catalog = built(this.database);
		assertThat(catalog.table("books").orElseThrow().foreignKeys())
			.extracting(ForeignKey::name, ForeignKey::onDelete, ForeignKey::onUpdate)
			.containsExactly(tuple("books_author_id_foreign", "CASCADE", "NO ACTION"));
		assertThat(catalog.table("reviews").orElseThrow().foreignKeys())
			.extracting(ForeignKey::columns, ForeignKey::referencedTable, ForeignKey::referencedColumns,
					ForeignKey::onDelete, ForeignKey::onUpdate)
			.containsExactly(tuple(List.of("stars"), "authors", List.of("id"), "RESTRICT", "NO ACTION"),
					tuple(List.of("book_id"), "books", List.of("id"), "SET NULL", "CASCADE"));
	}

	@Test
	void checksAreReadFromTheTableDefinitionWithTheirNames() throws SQLException {
		Table reviews = built(this.database).table("reviews").orElseThrow();
		assertThat(reviews.checks()).containsExactly(new Check("reviews_check", "code <> ''"),
				new Check("reviews_check1", "stars BETWEEN 1 AND 5"), new Check("reviews_positive", "id > 0"));
	}

	@Test
	void aViewIsItsQueryAsWritten() throws SQLException {
		List<View> views = built(this.database).views();
		assertThat(views).containsExactly(new View("long_books", "SELECT b.id, b.title, a.name AS author"
				+ " FROM books b JOIN authors a ON a.id = b.author_id WHERE length(b.title) > 20"));
	}

	@Test
	void aTriggerIsReadByTableAndNameAndItsChangedBodyChangesItsHash() throws SQLException {
		List<SchemaObject> before = built(this.database).objects();
		assertThat(before).extracting(SchemaObject::kind, SchemaObject::name)
			.containsExactly(tuple(Kind.TRIGGER, "books.books_title_trimmed"));
		this.database.execute("DROP TRIGGER books_title_trimmed", """
				CREATE TRIGGER books_title_trimmed AFTER INSERT ON books
				BEGIN
				  UPDATE books SET title = upper(trim(title)) WHERE id = NEW.id;
				END""");
		List<SchemaObject> after = read(this.database).objects();
		assertThat(after).extracting(SchemaObject::name).containsExactly("books.books_title_trimmed");
		assertThat(after.get(0).definitionHash()).isNotEqualTo(before.get(0).definitionHash());
	}

	@Test
	void whatBelongsToAnExcludedTableIsLeftOutAndSqliteOwnTablesAreNoTables() throws SQLException {
		built(this.database);
		this.database.execute("CREATE INDEX migrations_ledger_batch ON migrations_ledger (batch)", """
				CREATE TRIGGER ledger_checked AFTER INSERT ON migrations_ledger
				BEGIN
				  SELECT 1;
				END""", "INSERT INTO authors (name, rating, active, created_at) VALUES ('A', 1, 1, '2024-01-01')",
				"ANALYZE");
		assertThat(this.database
			.queryForLong("SELECT COUNT(*) FROM sqlite_schema" + " WHERE name IN ('sqlite_sequence', 'sqlite_stat1')"))
			.isEqualTo(2);
		try (Connection connection = this.database.dataSource().getConnection()) {
			Catalog catalog = Dialects.detect(connection)
				.readCatalog(connection, "main", Set.of("migrations_ledger", "migrations_ledger_lock", "books"));
			assertThat(catalog.tables()).extracting(Table::name).containsExactly("authors", "reviews");
			assertThat(catalog.objects()).isEmpty();
		}
		assertThat(read(this.database).objects()).extracting(SchemaObject::name)
			.containsExactly("books.books_title_trimmed");
	}

	@Override
	List<String> linkedTable(int table) {
		return List.of(
				"CREATE TABLE t" + table + " (id INTEGER PRIMARY KEY AUTOINCREMENT, parent INT,"
						+ " name VARCHAR(10) UNIQUE, CONSTRAINT t" + table + "_named CHECK (name <> ''), CONSTRAINT t"
						+ table + "_parent FOREIGN KEY (parent) REFERENCES t0 (id))",
				"CREATE INDEX t" + table + "_name ON t" + table + " (name, parent)",
				"CREATE TRIGGER t" + table + "_trimmed AFTER INSERT ON t" + table + " BEGIN UPDATE t" + table
						+ " SET name = trim(name) WHERE id = NEW.id; END");
	}

	@Override
	int maximumQueries() {
		return 6;
	}

}
