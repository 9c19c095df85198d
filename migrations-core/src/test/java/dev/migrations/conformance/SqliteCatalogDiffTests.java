package dev.migrations.conformance;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import dev.migrations.catalog.CatalogDiff;
import dev.migrations.dialect.Dialect;
import dev.migrations.dialect.Dialects;
import dev.migrations.schema.SchemaOperation;
import dev.migrations.schema.TableOperation.ChangeColumn;
import dev.migrations.testing.DatabaseKind;
import dev.migrations.testing.OnDatabase;
import dev.migrations.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The diff on SQLite, whose {@code ALTER TABLE} cannot change a column's type: the type
 * of {@code authors.name} is changed by hand the way SQLite changes it, by rebuilding the
 * table, and the diff's SQL refuses that change with the rebuild it asks for, which each
 * test then writes by hand. The created table's key is a plain
 * {@code INTEGER PRIMARY KEY}: an {@code INTEGER PRIMARY KEY AUTOINCREMENT} reads as an
 * auto-increment {@code integer}, which the diff's operations leave unrendered (the
 * builder's auto-increment is taken to be a {@code bigint}), although on SQLite it is the
 * builder's own auto-increment.
 */
@OnDatabase(DatabaseKind.SQLITE)
class SqliteCatalogDiffTests extends CatalogDiffConformanceTests {

	@Override
	List<String> handChanges() {
		List<String> changes = new ArrayList<>();
		changes.add("ALTER TABLE books ADD COLUMN isbn VARCHAR(20) NULL");
		changes.add("DROP INDEX books_title_index");
		changes.addAll(rebuiltAuthors(50));
		changes.add("CREATE TABLE invoices (id INTEGER NOT NULL PRIMARY KEY, book_id BIGINT NOT NULL, "
				+ "total DECIMAL(10, 2) NOT NULL DEFAULT 0, note VARCHAR(200) NULL DEFAULT 'none', "
				+ "CONSTRAINT invoices_book_foreign FOREIGN KEY (book_id) REFERENCES books (id) ON DELETE CASCADE)");
		return changes;
	}

	@Override
	List<String> expectedText() {
		return List.of("- index books.books_title_index", "+ table invoices: columns (id, book_id, total, note)",
				"~ column authors.name: type varchar(100) -> varchar(50) (narrows, destructive)",
				"+ column books.isbn: varchar(20) null");
	}

	/**
	 * Apply the diff's SQL except the column change SQLite refuses, then rebuild
	 * {@code authors} with the column's new length by hand, as the refusal asks.
	 */
	@Override
	void apply(CatalogDiff diff, TestDatabase database) throws SQLException {
		assertThat(diff.operations().unrendered()).isEmpty();
		List<SchemaOperation> operations = diff.operations().operations();
		ChangeColumn change = operations.stream()
			.filter(ChangeColumn.class::isInstance)
			.map(ChangeColumn.class::cast)
			.findFirst()
			.orElseThrow();
		assertThat(change.table()).isEqualTo("authors");
		try (Connection connection = database.dataSource().getConnection()) {
			Dialect dialect = Dialects.detect(connection);
			assertThatExceptionOfType(UnsupportedOperationException.class)
				.isThrownBy(() -> dialect.renderStatements(operations))
				.withMessageContaining("authors")
				.withMessageContaining("cannot do this without rebuilding the table");
			List<SchemaOperation> rest = operations.stream().filter((operation) -> operation != change).toList();
			database.execute(dialect.renderStatements(rest).toArray(String[]::new));
		}
		database.execute(rebuiltAuthors(change.column().length()).toArray(String[]::new));
	}

	/**
	 * Return the statements that rebuild {@code authors} with {@code name} of a length.
	 */
	private static List<String> rebuiltAuthors(int nameLength) {
		return List.of(
				"CREATE TABLE authors_rebuilt (id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, name VARCHAR("
						+ nameLength + ") NOT NULL, bio TEXT, rating DECIMAL(5, 2) NOT NULL DEFAULT 0, "
						+ "active BOOLEAN NOT NULL DEFAULT 1, created_at TIMESTAMP NOT NULL)",
				"INSERT INTO authors_rebuilt SELECT * FROM authors", "DROP TABLE authors",
				"ALTER TABLE authors_rebuilt RENAME TO authors",
				"CREATE UNIQUE INDEX authors_name_unique ON authors (name)");
	}

}
