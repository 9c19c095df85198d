package dev.migrations.conformance;

import java.util.List;

import dev.migrations.testing.DatabaseKind;
import dev.migrations.testing.OnDatabase;

/**
 * The diff on PostgreSQL.
 */
@OnDatabase(DatabaseKind.POSTGRESQL)
class PostgresqlCatalogDiffTests extends CatalogDiffConformanceTests {

	@Override
	List<String> handChanges() {
		return List.of("ALTER TABLE books ADD COLUMN isbn varchar(20) NULL", "DROP INDEX books_title_index",
				"ALTER TABLE authors ALTER COLUMN name TYPE varchar(50)",
				"CREATE TABLE invoices (id bigserial PRIMARY KEY, book_id bigint NOT NULL, "
						+ "total numeric(10, 2) NOT NULL DEFAULT 0, note varchar(200) NULL DEFAULT 'none', "
						+ "CONSTRAINT invoices_book_foreign FOREIGN KEY (book_id) REFERENCES books (id) "
						+ "ON DELETE CASCADE)");
	}

	@Override
	List<String> expectedText() {
		return List.of("- index books.books_title_index", "+ table invoices: columns (id, book_id, total, note)",
				"~ column authors.name: type varchar(100) -> varchar(50) (narrows, destructive)",
				"+ column books.isbn: varchar(20) null");
	}

}
