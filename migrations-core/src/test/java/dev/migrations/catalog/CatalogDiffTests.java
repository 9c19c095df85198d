package dev.migrations.catalog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import dev.migrations.catalog.CatalogChange.Action;
import dev.migrations.catalog.CatalogChange.ObjectType;
import dev.migrations.catalog.ChangeOperations.Unrendered;
import dev.migrations.dialect.Dialect;
import dev.migrations.dialect.Dialects;
import dev.migrations.schema.TableOperation.AddForeignKey;
import dev.migrations.schema.TableOperation.CreateTable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The changes between two catalogs built by hand: what is found, what is destructive,
 * their order, their text, and the schema-builder operations and SQL they become.
 */
class CatalogDiffTests {

	private static final Column ID = new Column("id", "bigint", false, null, true, null);

	private static final Table AUTHORS = new Table("authors",
			List.of(ID, new Column("name", "varchar(100)", false, null, false, null)),
			new PrimaryKey(null, List.of("id")), List.of(new UniqueConstraint("authors_name_unique", List.of("name"))),
			List.of(), List.of(), List.of(), null);

	private static final Table BOOKS = new Table("books",
			List.of(ID, new Column("author_id", "bigint", false, null, false, null),
					new Column("title", "varchar(100)", false, null, false, null),
					new Column("subtitle", "varchar(200)", true, null, false, null),
					new Column("pages", "int", false, "0", false, null)),
			new PrimaryKey(null, List.of("id")), List.of(),
			List.of(new Index("books_title_index", List.of("title"), false)),
			List.of(new ForeignKey("books_author_id_foreign", List.of("author_id"), "authors", List.of("id"), "CASCADE",
					"RESTRICT")),
			List.of(new Check("books_pages_positive", "`pages` >= 0")), null);

	private static final Catalog LIBRARY = new Catalog(List.of(AUTHORS, BOOKS),
			List.of(new View("long_books", "select `id` from `books` where `pages` > 500")),
			List.of(SchemaObject.of(SchemaObject.Kind.TRIGGER, "books.books_trimmed", "BEFORE INSERT SET x")));

	private static final Dialect MARIADB = Dialects.forProduct("MariaDB", "10.11.19-MariaDB");

	private static final Dialect H2 = Dialects.forProduct("H2", "2.3.232");

	@Test
	void identicalCatalogsHaveNoChanges() {
		CatalogDiff diff = CatalogDiff.between(LIBRARY, copy(LIBRARY));
		assertThat(diff.isEmpty()).isTrue();
		assertThat(diff.isDestructive()).isFalse();
		assertThat(diff.text()).isEmpty();
		assertThat(diff.operations().operations()).isEmpty();
		assertThat(diff.operations().unrendered()).isEmpty();
	}

	@Test
	void theOrderOfColumnsIsNotAChange() {
		List<Column> reordered = new ArrayList<>(BOOKS.columns());
		Collections.reverse(reordered);
		assertThat(CatalogDiff.between(LIBRARY, replace(LIBRARY, withColumns(BOOKS, reordered))).isEmpty()).isTrue();
	}

	@Test
	void aCreatedTableIsOneChangeAndADroppedTableIsDestructive() {
		Table invoices = new Table("invoices", List.of(ID), new PrimaryKey(null, List.of("id")), List.of(), List.of(),
				List.of(), List.of(), null);
		Catalog to = new Catalog(List.of(AUTHORS, invoices), List.of(), LIBRARY.objects());
		Catalog from = new Catalog(List.of(AUTHORS, withoutForeignKeys(BOOKS)), List.of(), LIBRARY.objects());
		CatalogDiff diff = CatalogDiff.between(from, to);
		assertThat(diff.changes())
			.extracting(CatalogChange::action, CatalogChange::objectType, CatalogChange::name,
					CatalogChange::destructive)
			.containsExactly(tuple(Action.CREATE, ObjectType.TABLE, "invoices", false),
					tuple(Action.DROP, ObjectType.TABLE, "books", true));
		assertThat(diff.isDestructive()).isTrue();
		assertThat(diff.text()).isEqualTo("+ table invoices: columns (id)\n- table books (destructive)");
		assertThat(diff.changes()).extracting(CatalogChange::symbol).containsExactly("+", "!-");
	}

	@Test
	void columnsAddedDroppedAndAlteredAreFoundAndANarrowingTypeIsDestructive() {
		Table books = withColumns(BOOKS,
				List.of(ID, new Column("author_id", "bigint", false, null, false, null),
						new Column("title", "varchar(20)", false, null, false, null),
						new Column("pages", "bigint", true, "1", false, "How long"),
						new Column("isbn", "varchar(20)", true, null, false, null)));
		CatalogDiff diff = CatalogDiff.between(LIBRARY, replace(LIBRARY, books));
		assertThat(diff.text()).isEqualTo(
				"""
						+ column books.isbn: varchar(20) null
						~ column books.title: type varchar(100) -> varchar(20) (narrows, destructive)
						~ column books.pages: type int -> bigint, not null -> nullable, default 0 -> 1, comment none -> 'How long'
						- column books.subtitle (destructive)""");
		assertThat(diff.changes()).extracting(CatalogChange::table).containsOnly("books");
		assertThat(diff.changes()).extracting(CatalogChange::destructive).containsExactly(false, true, false, true);
		assertThat(diff.changes()).extracting(CatalogChange::symbol).containsExactly("+", "!~", "~", "!-");
	}

	@Test
	void makingAColumnNotNullIsNotDestructive() {
		Table books = withColumn(BOOKS, new Column("subtitle", "varchar(200)", false, null, false, null));
		CatalogDiff diff = CatalogDiff.between(LIBRARY, replace(LIBRARY, books));
		assertThat(diff.text()).isEqualTo("~ column books.subtitle: nullable -> not null");
		assertThat(diff.isDestructive()).isFalse();
	}

	@Test
	void aRenamedColumnIsADropAndAnAddAndATableWhoseEveryColumnChangedIsAltered() {
		Table authors = withColumns(AUTHORS, List.of(new Column("key", "bigint", false, null, true, null),
				new Column("full_name", "varchar(100)", false, null, false, null)));
		CatalogDiff diff = CatalogDiff.between(new Catalog(List.of(AUTHORS), List.of(), List.of()),
				new Catalog(List.of(authors), List.of(), List.of()));
		assertThat(diff.changes()).extracting(CatalogChange::action, CatalogChange::objectType, CatalogChange::name)
			.containsExactly(tuple(Action.CREATE, ObjectType.COLUMN, "key"),
					tuple(Action.CREATE, ObjectType.COLUMN, "full_name"), tuple(Action.DROP, ObjectType.COLUMN, "id"),
					tuple(Action.DROP, ObjectType.COLUMN, "name"));
	}

	@Test
	void keysIndexesAndChecksAreDroppedBeforeAndCreatedAfterColumns() {
		Table books = new Table("books", BOOKS.columns(), new PrimaryKey(null, List.of("id", "author_id")),
				List.of(new UniqueConstraint("books_title_unique", List.of("title"))),
				List.of(new Index("books_title_index", List.of("title", "subtitle"), false),
						new Index("books_pages_index", List.of("pages"), false)),
				List.of(new ForeignKey("books_author_id_foreign", List.of("author_id"), "authors", List.of("id"),
						"SET NULL", "RESTRICT")),
				List.of(new Check("books_pages_positive", "`pages` > 0")), "What is lent");
		Table authors = new Table("authors", AUTHORS.columns(), AUTHORS.primaryKey(), List.of(), List.of(), List.of(),
				List.of(new Check("authors_named", "`name` <> ''")), null);
		CatalogDiff diff = CatalogDiff.between(LIBRARY, replace(replace(LIBRARY, books), authors));
		assertThat(diff.text()).isEqualTo("""
				- unique constraint authors.authors_name_unique
				~ table books: comment none -> 'What is lent'
				+ check authors.authors_named: `name` <> ''
				~ primary key books: columns (id) -> (id, author_id)
				+ unique constraint books.books_title_unique: columns (title)
				+ index books.books_pages_index: columns (pages)
				~ index books.books_title_index: columns (title) -> (title, subtitle)
				~ check books.books_pages_positive: expression `pages` >= 0 -> `pages` > 0
				~ foreign key books.books_author_id_foreign: on delete CASCADE -> SET NULL""");
		assertThat(diff.isDestructive()).isFalse();
	}

	@Test
	void viewsAndObjectsAreCreatedDroppedAndAltered() {
		Catalog to = new Catalog(LIBRARY.tables(),
				List.of(new View("long_books", "select `id` from `books` where `pages` > 800"),
						new View("short_books", "select `id` from `books` where `pages` < 100")),
				List.of(SchemaObject.of(SchemaObject.Kind.TRIGGER, "books.books_trimmed", "BEFORE INSERT SET y"),
						SchemaObject.of(SchemaObject.Kind.FUNCTION, "book_count", "RETURNS INT")));
		CatalogDiff diff = CatalogDiff.between(LIBRARY, to);
		assertThat(diff.text()).isEqualTo("""
				~ view long_books: definition select `id` from `books` where `pages` > 500 -> \
				select `id` from `books` where `pages` > 800
				+ view short_books: select `id` from `books` where `pages` < 100
				+ function book_count
				~ trigger books.books_trimmed: definition changed""");
		CatalogDiff back = CatalogDiff.between(to, LIBRARY);
		assertThat(back.changes()).extracting(CatalogChange::action, CatalogChange::objectType, CatalogChange::name)
			.startsWith(tuple(Action.DROP, ObjectType.VIEW, "short_books"),
					tuple(Action.DROP, ObjectType.FUNCTION, "book_count"));
		assertThat(back.isDestructive()).isFalse();
	}

	@Test
	void foreignKeysAreDroppedFirstAndTablesCreatedInDependencyOrderAndDroppedReferencingFirst() {
		Table customers = new Table("customers", List.of(ID), new PrimaryKey(null, List.of("id")), List.of(), List.of(),
				List.of(), List.of(), null);
		Table invoices = new Table("invoices",
				List.of(ID, new Column("customer_id", "bigint", false, null, false, null)),
				new PrimaryKey(null, List.of("id")), List.of(), List.of(),
				List.of(new ForeignKey("invoices_customer_foreign", List.of("customer_id"), "customers", List.of("id"),
						"NO ACTION", "NO ACTION")),
				List.of(), null);
		Table archive = new Table("archive", List.of(ID, new Column("book_id", "bigint", false, null, false, null)),
				new PrimaryKey(null, List.of("id")), List.of(), List.of(),
				List.of(new ForeignKey("archive_book_foreign", List.of("book_id"), "books", List.of("id"), "CASCADE",
						"CASCADE")),
				List.of(), null);
		Catalog from = new Catalog(List.of(AUTHORS, BOOKS, archive), List.of(), List.of());
		Catalog to = new Catalog(List.of(AUTHORS, withoutForeignKeys(BOOKS), invoices, customers), List.of(),
				List.of());
		assertThat(CatalogDiff.between(from, to).text()).isEqualTo("""
				- foreign key books.books_author_id_foreign
				+ table customers: columns (id)
				+ table invoices: columns (id, customer_id)
				- table archive (destructive)""");
		assertThat(CatalogDiff.between(to, from).text()).isEqualTo("""
				+ table archive: columns (id, book_id)
				- table invoices (destructive)
				- table customers (destructive)
				+ foreign key books.books_author_id_foreign: columns (author_id) references authors (id) \
				on delete CASCADE on update RESTRICT""");
	}

	@Test
	void aForeignKeyThatClosesACycleIsCreatedAfterItsTables() {
		Table first = cyclic("a", "b");
		Table second = cyclic("b", "a");
		Catalog empty = new Catalog(List.of(), List.of(), List.of());
		Catalog both = new Catalog(List.of(first, second), List.of(), List.of());
		CatalogDiff created = CatalogDiff.between(empty, both);
		assertThat(created.text()).isEqualTo("""
				+ table b: columns (id, other_id)
				+ table a: columns (id, other_id)
				+ foreign key b.b_other_foreign: columns (other_id) references a (id) on delete RESTRICT \
				on update RESTRICT""");
		assertThat(created.operations().operations()).hasSize(3).satisfies((operations) -> {
			assertThat(operations.get(0)).isInstanceOfSatisfying(CreateTable.class,
					(create) -> assertThat(create.foreignKeys()).isEmpty());
			assertThat(operations.get(1)).isInstanceOfSatisfying(CreateTable.class,
					(create) -> assertThat(create.foreignKeys()).hasSize(1));
			assertThat(operations.get(2)).isInstanceOf(AddForeignKey.class);
		});
		assertThat(CatalogDiff.between(both, empty).text()).isEqualTo("""
				- foreign key b.b_other_foreign
				- table a (destructive)
				- table b (destructive)""");
	}

	@Test
	void changesRenderAsMariadbSql() {
		CatalogDiff diff = CatalogDiff.between(LIBRARY, changedLibrary());
		ChangeOperations operations = diff.operations();
		assertThat(MARIADB.renderStatements(operations.operations())).containsExactly(
				"ALTER TABLE `books` DROP FOREIGN KEY `books_author_id_foreign`, "
						+ "DROP INDEX IF EXISTS `books_author_id_foreign`",
				"DROP INDEX `books_title_index` ON `books`",
				"CREATE TABLE `invoices` (`id` BIGINT NOT NULL AUTO_INCREMENT, `book_id` BIGINT NOT NULL, "
						+ "`total` DECIMAL(10, 2) NOT NULL DEFAULT 0.00, `note` LONGTEXT NULL COMMENT 'it''s free', "
						+ "PRIMARY KEY (`id`), CONSTRAINT `invoices_book_foreign` FOREIGN KEY (`book_id`) "
						+ "REFERENCES `books` (`id`) ON DELETE CASCADE ON UPDATE RESTRICT)",
				"CREATE UNIQUE INDEX `invoices_book_unique` ON `invoices` (`book_id`)",
				"ALTER TABLE `books` ADD COLUMN `isbn` VARCHAR(20) NULL DEFAULT 'none'",
				"ALTER TABLE `books` MODIFY `title` VARCHAR(20) NOT NULL",
				"ALTER TABLE `books` MODIFY `pages` BIGINT NULL DEFAULT (1 + 1)",
				"ALTER TABLE `books` DROP COLUMN `subtitle`", "CREATE INDEX `books_isbn_index` ON `books` (`isbn`)",
				"ALTER TABLE `books` ADD CONSTRAINT `books_author_id_foreign` FOREIGN KEY (`author_id`) "
						+ "REFERENCES `authors` (`id`) ON DELETE SET NULL ON UPDATE RESTRICT");
	}

	@Test
	void changesRenderAsH2Sql() {
		ChangeOperations operations = CatalogDiff.between(LIBRARY, changedLibrary()).operations();
		assertThat(H2.renderStatements(operations.operations())).containsExactly(
				"ALTER TABLE \"BOOKS\" DROP CONSTRAINT \"BOOKS_AUTHOR_ID_FOREIGN\"", "DROP INDEX \"BOOKS_TITLE_INDEX\"",
				"CREATE TABLE \"INVOICES\" (\"ID\" BIGINT GENERATED BY DEFAULT AS IDENTITY, \"BOOK_ID\" BIGINT NOT NULL, "
						+ "\"TOTAL\" NUMERIC(10, 2) NOT NULL DEFAULT 0.00, \"NOTE\" CHARACTER VARYING, "
						+ "PRIMARY KEY (\"ID\"), CONSTRAINT \"INVOICES_BOOK_FOREIGN\" FOREIGN KEY (\"BOOK_ID\") "
						+ "REFERENCES \"BOOKS\" (\"ID\") ON DELETE CASCADE ON UPDATE RESTRICT)",
				"COMMENT ON COLUMN \"INVOICES\".\"NOTE\" IS 'it''s free'",
				"CREATE UNIQUE INDEX \"INVOICES_BOOK_UNIQUE\" ON \"INVOICES\" (\"BOOK_ID\")",
				"ALTER TABLE \"BOOKS\" ADD COLUMN \"ISBN\" VARCHAR(20) DEFAULT 'none'",
				"ALTER TABLE \"BOOKS\" ALTER COLUMN \"TITLE\" SET DATA TYPE VARCHAR(20)",
				"ALTER TABLE \"BOOKS\" ALTER COLUMN \"TITLE\" SET NOT NULL",
				"ALTER TABLE \"BOOKS\" ALTER COLUMN \"TITLE\" DROP DEFAULT",
				"COMMENT ON COLUMN \"BOOKS\".\"TITLE\" IS NULL",
				"ALTER TABLE \"BOOKS\" ALTER COLUMN \"PAGES\" SET DATA TYPE BIGINT",
				"ALTER TABLE \"BOOKS\" ALTER COLUMN \"PAGES\" DROP NOT NULL",
				"ALTER TABLE \"BOOKS\" ALTER COLUMN \"PAGES\" SET DEFAULT 1 + 1",
				"COMMENT ON COLUMN \"BOOKS\".\"PAGES\" IS NULL", "ALTER TABLE \"BOOKS\" DROP COLUMN \"SUBTITLE\"",
				"CREATE INDEX \"BOOKS_ISBN_INDEX\" ON \"BOOKS\" (\"ISBN\")",
				"ALTER TABLE \"BOOKS\" ADD CONSTRAINT \"BOOKS_AUTHOR_ID_FOREIGN\" FOREIGN KEY (\"AUTHOR_ID\") "
						+ "REFERENCES \"AUTHORS\" (\"ID\") ON DELETE SET NULL ON UPDATE RESTRICT");
	}

	@Test
	void changesTheSchemaBuilderCannotWriteAreListedWithTheirReason() {
		Table books = new Table("books",
				List.of(ID, new Column("author_id", "bigint", false, null, false, null),
						new Column("title", "varchar(100)", false, null, false, null),
						new Column("subtitle", "varchar(200)", true, null, false, null),
						new Column("pages", "int", false, "0", false, null),
						new Column("format", "enum('paper','ebook')", false, null, false, null)),
				new PrimaryKey(null, List.of("id")), List.of(), BOOKS.indexes(), BOOKS.foreignKeys(), List.of(),
				"Lent");
		Catalog to = new Catalog(List.of(AUTHORS, books), List.of(), LIBRARY.objects());
		ChangeOperations operations = CatalogDiff.between(LIBRARY, to).operations();
		assertThat(operations.operations()).isEmpty();
		assertThat(operations.unrendered()).extracting(Unrendered::text)
			.containsExactly("- view long_books (not written: the schema builder has no views)",
					"- check books.books_pages_positive (not written: the schema builder has no check constraints)",
					"~ table books: comment none -> 'Lent' (not written: the schema builder sets no table comment)",
					"+ column books.format: enum('paper','ebook') not null (not written: column format has type "
							+ "enum('paper','ebook'), which the schema builder does not have)");
	}

	/**
	 * The library with books changed in every way the builder writes, and a table
	 * created.
	 */
	private static Catalog changedLibrary() {
		Table books = new Table("books",
				List.of(ID, new Column("author_id", "bigint", false, null, false, null),
						new Column("title", "varchar(20)", false, null, false, null),
						new Column("pages", "bigint", true, "1 + 1", false, null),
						new Column("isbn", "varchar(20)", true, "'none'", false, null)),
				new PrimaryKey(null, List.of("id")), List.of(),
				List.of(new Index("books_isbn_index", List.of("isbn"), false)),
				List.of(new ForeignKey("books_author_id_foreign", List.of("author_id"), "authors", List.of("id"),
						"SET NULL", "RESTRICT")),
				BOOKS.checks(), null);
		Table invoices = new Table("invoices",
				List.of(ID, new Column("book_id", "bigint", false, null, false, null),
						new Column("total", "decimal(10,2)", false, "0.00", false, null),
						new Column("note", "text", true, null, false, "it's free")),
				new PrimaryKey(null, List.of("id")),
				List.of(new UniqueConstraint("invoices_book_unique", List.of("book_id"))), List.of(),
				List.of(new ForeignKey("invoices_book_foreign", List.of("book_id"), "books", List.of("id"), "CASCADE",
						"RESTRICT")),
				List.of(), null);
		return new Catalog(List.of(AUTHORS, books, invoices), LIBRARY.views(), LIBRARY.objects());
	}

	private static Table cyclic(String name, String other) {
		return new Table(name, List.of(ID, new Column("other_id", "bigint", true, null, false, null)),
				new PrimaryKey(null, List.of("id")), List.of(), List.of(),
				List.of(new ForeignKey(name + "_other_foreign", List.of("other_id"), other, List.of("id"), "RESTRICT",
						"RESTRICT")),
				List.of(), null);
	}

	private static Catalog copy(Catalog catalog) {
		return new Catalog(new ArrayList<>(catalog.tables()), new ArrayList<>(catalog.views()),
				new ArrayList<>(catalog.objects()));
	}

	private static Catalog replace(Catalog catalog, Table table) {
		List<Table> tables = new ArrayList<>(catalog.tables());
		tables.replaceAll((each) -> each.name().equals(table.name()) ? table : each);
		return new Catalog(tables, catalog.views(), catalog.objects());
	}

	private static Table withColumns(Table table, List<Column> columns) {
		return new Table(table.name(), columns, table.primaryKey(), table.uniqueConstraints(), table.indexes(),
				table.foreignKeys(), table.checks(), table.comment());
	}

	private static Table withColumn(Table table, Column column) {
		List<Column> columns = new ArrayList<>(table.columns());
		columns.replaceAll((each) -> each.name().equals(column.name()) ? column : each);
		return withColumns(table, columns);
	}

	private static Table withoutForeignKeys(Table table) {
		return new Table(table.name(), table.columns(), table.primaryKey(), table.uniqueConstraints(), table.indexes(),
				List.of(), table.checks(), table.comment());
	}

}
