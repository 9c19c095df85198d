package dev.migrations.conformance;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
import org.h2.api.Trigger;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The catalog of an H2 schema, read from {@code INFORMATION_SCHEMA}: the conformance
 * suite, and what H2 has of its own (identity columns, the names it gives unnamed
 * constraints, the indexes behind constraints, sequences, domains, Java routines and
 * triggers).
 */
@OnDatabase(DatabaseKind.H2)
class H2CatalogTests extends CatalogConformanceTests {

	private static final String UNNAMED_CONSTRAINTS = "CREATE TABLE orders (id INT PRIMARY KEY, code VARCHAR(10) UNIQUE,"
			+ " author_id BIGINT REFERENCES authors (id) ON DELETE SET NULL ON UPDATE CASCADE,"
			+ " quantity INT CHECK (quantity > 0), price INT, CHECK (price >= 0))";

	@Override
	List<String> databaseSql() {
		return List.of("ALTER TABLE books ADD CONSTRAINT books_title_not_empty CHECK (title <> '')",
				"ALTER TABLE books ADD CONSTRAINT books_title_unique UNIQUE (title)",
				"COMMENT ON COLUMN authors.bio IS 'What the author writes about'",
				"COMMENT ON TABLE authors IS 'Who writes'",
				"CREATE DOMAIN email AS VARCHAR(200) CHECK (POSITION('@', VALUE) > 1)",
				"ALTER TABLE authors ADD COLUMN contact email",
				"CREATE VIEW long_books AS SELECT b.id, b.title, a.name AS author"
						+ " FROM books b JOIN authors a ON a.id = b.author_id WHERE CHAR_LENGTH(b.title) > 20",
				"CREATE SEQUENCE invoice_numbers START WITH 1000 INCREMENT BY 10",
				"CREATE ALIAS absolute FOR 'java.lang.Math.abs(int)'",
				"CREATE TRIGGER books_title_trimmed BEFORE INSERT ON books FOR EACH ROW CALL '"
						+ TitleTrimmed.class.getName() + "'");
	}

	@Override
	String name(String name) {
		return name.toUpperCase(Locale.ROOT);
	}

	@Test
	void columnsReadWithTheirTypesDefaultsAndComments() throws SQLException {
		Catalog catalog = built(this.database);
		Table authors = catalog.table("AUTHORS").orElseThrow();
		assertThat(authors.columns()).extracting(Column::name, Column::type, Column::nullable, Column::defaultValue)
			.containsExactly(tuple("ID", "bigint", false, null), tuple("NAME", "varchar(100)", false, null),
					tuple("BIO", "varchar", true, null), tuple("RATING", "numeric(5,2)", false, "0"),
					tuple("ACTIVE", "boolean", false, "TRUE"), tuple("CREATED_AT", "timestamp", false, null),
					tuple("CONTACT", "email", true, null));
		assertThat(authors.column("BIO").orElseThrow().comment()).isEqualTo("What the author writes about");
		assertThat(authors.column("NAME").orElseThrow().comment()).isNull();
		assertThat(authors.comment()).isEqualTo("Who writes");
		this.database.execute("CREATE TABLE kinds (a CHAR(3), b CLOB, c BLOB, d VARBINARY(10), e UUID, f JSON,"
				+ " g ENUM('x', 'y'), h DOUBLE PRECISION, i FLOAT, j REAL, k TIMESTAMP WITH TIME ZONE, l TIMESTAMP(3),"
				+ " m TIME, n DATE, o SMALLINT, p TINYINT, q INTEGER ARRAY, r DECIMAL(10, 2), s NUMERIC)");
		assertThat(read(this.database).table("KINDS").orElseThrow().columns()).extracting(Column::type)
			.containsExactly("char(3)", "clob", "blob", "varbinary(10)", "uuid", "json", "enum('x','y')",
					"double precision", "double precision", "real", "timestamp with time zone", "timestamp(3)", "time",
					"date", "smallint", "tinyint", "integer array", "numeric(10,2)", "numeric");
	}

	@Test
	void anIdentityColumnIsAutoIncrementWithoutADefaultOrASequence() throws SQLException {
		Catalog catalog = built(this.database);
		assertThat(catalog.table("BOOKS").orElseThrow().column("ID").orElseThrow()).satisfies((id) -> {
			assertThat(id.autoIncrement()).isTrue();
			assertThat(id.defaultValue()).isNull();
		});
		assertThat(catalog.objects()).filteredOn((object) -> object.kind() == Kind.SEQUENCE)
			.extracting(SchemaObject::name)
			.containsExactly("INVOICE_NUMBERS");
	}

	@Test
	void unnamedConstraintsReadTheSameWhateverNameH2GaveThem() throws SQLException {
		runner(this.database).applyAll();
		this.database.execute(UNNAMED_CONSTRAINTS, "ALTER TABLE orders RENAME TO old_orders", UNNAMED_CONSTRAINTS);
		try (TestDatabase other = TestDatabase.create(DatabaseKind.H2)) {
			runner(other).applyAll();
			other.execute(UNNAMED_CONSTRAINTS);
			assertThat(constraintNames(this.database)).isNotEqualTo(constraintNames(other));
			Table orders = read(other).table("ORDERS").orElseThrow();
			assertThat(read(this.database).table("ORDERS")).contains(orders);
			assertThat(orders.primaryKey().name()).isEqualTo("ORDERS_PKEY");
			assertThat(orders.uniqueConstraints()).extracting(UniqueConstraint::name)
				.containsExactly("ORDERS_CODE_KEY");
			assertThat(orders.foreignKeys()).extracting(ForeignKey::name).containsExactly("ORDERS_AUTHOR_ID_FKEY");
			assertThat(orders.checks()).extracting(Check::name, Check::expression)
				.containsExactly(tuple("ORDERS_CHECK", "\"PRICE\" >= 0"), tuple("ORDERS_CHECK1", "\"QUANTITY\" > 0"));
			assertThat(orders.indexes()).isEmpty();
		}
	}

	@Test
	void aUniqueConstraintIsNotAUniqueIndexAndNeitherListsTheIndexesBehindConstraints() throws SQLException {
		Catalog catalog = built(this.database);
		Table authors = catalog.table("AUTHORS").orElseThrow();
		assertThat(authors.uniqueConstraints()).isEmpty();
		assertThat(authors.indexes()).containsExactly(new Index("AUTHORS_NAME_UNIQUE", List.of("NAME"), true));
		Table books = catalog.table("BOOKS").orElseThrow();
		assertThat(books.uniqueConstraints())
			.containsExactly(new UniqueConstraint("BOOKS_TITLE_UNIQUE", List.of("TITLE")));
		assertThat(books.indexes()).containsExactly(new Index("BOOKS_TITLE_INDEX", List.of("TITLE"), false));
		assertThat(this.database.queryForLong("SELECT COUNT(*) FROM INFORMATION_SCHEMA.INDEXES"
				+ " WHERE TABLE_SCHEMA = CURRENT_SCHEMA AND TABLE_NAME = 'BOOKS'"))
			.isEqualTo(4);
	}

	@Test
	void foreignKeysReadWithTheirActions() throws SQLException {
		runner(this.database).applyAll();
		this.database.execute(UNNAMED_CONSTRAINTS,
				"CREATE TABLE reviews (id INT PRIMARY KEY, book_id BIGINT, order_id INT,"
						+ " CONSTRAINT reviews_book FOREIGN KEY (book_id) REFERENCES books (id) ON DELETE RESTRICT,"
						+ " CONSTRAINT reviews_order FOREIGN KEY (order_id) REFERENCES orders (id)"
						+ " ON DELETE SET DEFAULT ON UPDATE SET NULL)");
		Catalog catalog = read(this.database);
		assertThat(catalog.table("BOOKS").orElseThrow().foreignKeys())
			.extracting(ForeignKey::onDelete, ForeignKey::onUpdate)
			.containsExactly(tuple("CASCADE", "NO ACTION"));
		assertThat(catalog.table("ORDERS").orElseThrow().foreignKeys())
			.extracting(ForeignKey::onDelete, ForeignKey::onUpdate)
			.containsExactly(tuple("SET NULL", "CASCADE"));
		assertThat(catalog.table("REVIEWS").orElseThrow().foreignKeys())
			.extracting(ForeignKey::name, ForeignKey::referencedTable, ForeignKey::referencedColumns,
					ForeignKey::onDelete, ForeignKey::onUpdate)
			.containsExactly(tuple("REVIEWS_BOOK", "BOOKS", List.of("ID"), "RESTRICT", "NO ACTION"),
					tuple("REVIEWS_ORDER", "ORDERS", List.of("ID"), "SET DEFAULT", "SET NULL"));
	}

	@Test
	void checksReadWithTheirNamesAndExpressions() throws SQLException {
		Table books = built(this.database).table("BOOKS").orElseThrow();
		assertThat(books.checks()).containsExactly(new Check("BOOKS_TITLE_NOT_EMPTY", "\"TITLE\" <> ''"));
	}

	@Test
	void aViewReadsWithoutItsSchemaAsInAnotherDatabase() throws SQLException {
		List<View> views = built(this.database).views();
		assertThat(views).singleElement().satisfies((view) -> {
			assertThat(view.name()).isEqualTo("LONG_BOOKS");
			assertThat(view.definition()).doesNotContain("PUBLIC").contains("FROM \"BOOKS\" \"B\"");
		});
		try (TestDatabase other = TestDatabase.create(DatabaseKind.H2)) {
			assertThat(built(other).views()).isEqualTo(views);
		}
	}

	@Test
	void sequencesDomainsRoutinesAndTriggersAreReadByKindAndName() throws SQLException {
		assertThat(built(this.database).objects()).extracting(SchemaObject::kind, SchemaObject::name)
			.containsExactly(tuple(Kind.SEQUENCE, "INVOICE_NUMBERS"), tuple(Kind.DOMAIN, "EMAIL"),
					tuple(Kind.FUNCTION, "ABSOLUTE(integer)"), tuple(Kind.TRIGGER, "BOOKS.BOOKS_TITLE_TRIMMED"));
	}

	@Test
	void aChangedSequenceOrDomainChangesItsHashButUsingASequenceDoesNot() throws SQLException {
		List<SchemaObject> before = built(this.database).objects();
		this.database.execute("VALUES NEXT VALUE FOR invoice_numbers");
		assertThat(read(this.database).objects()).isEqualTo(before);
		this.database.execute("ALTER SEQUENCE invoice_numbers INCREMENT BY 20",
				"ALTER DOMAIN email SET DEFAULT 'nobody@example.com'");
		List<SchemaObject> after = read(this.database).objects();
		assertThat(after).extracting(SchemaObject::name).isEqualTo(before.stream().map(SchemaObject::name).toList());
		assertThat(after.get(0).definitionHash()).isNotEqualTo(before.get(0).definitionHash());
		assertThat(after.get(1).definitionHash()).isNotEqualTo(before.get(1).definitionHash());
		assertThat(after.subList(2, 4)).isEqualTo(before.subList(2, 4));
	}

	@Test
	void whatBelongsToAnExcludedTableIsLeftOut() throws SQLException {
		built(this.database);
		this.database.execute("CREATE INDEX migrations_ledger_batch ON migrations_ledger (batch)",
				"CREATE TRIGGER ledger_checked BEFORE INSERT ON migrations_ledger FOR EACH ROW CALL '"
						+ TitleTrimmed.class.getName() + "'");
		try (Connection connection = this.database.dataSource().getConnection()) {
			Catalog catalog = Dialects.detect(connection)
				.readCatalog(connection, null, Set.of("MIGRATIONS_LEDGER", "MIGRATIONS_LEDGER_LOCK", "BOOKS"));
			assertThat(catalog.tables()).extracting(Table::name).containsExactly("AUTHORS");
			assertThat(catalog.objects()).extracting(SchemaObject::kind).doesNotContain(Kind.TRIGGER);
		}
		assertThat(read(this.database).objects()).extracting(SchemaObject::name)
			.containsExactly("INVOICE_NUMBERS", "EMAIL", "ABSOLUTE(integer)", "BOOKS.BOOKS_TITLE_TRIMMED");
	}

	@Test
	void aNamedSchemaIsReadRatherThanTheCurrentOne() throws SQLException {
		built(this.database);
		this.database.execute("CREATE SCHEMA archive", "CREATE TABLE archive.books (id INT PRIMARY KEY,"
				+ " author_id BIGINT REFERENCES public.authors (id))");
		try (Connection connection = this.database.dataSource().getConnection()) {
			Catalog archive = Dialects.detect(connection).readCatalog(connection, "ARCHIVE", Set.of());
			assertThat(archive.tables()).extracting(Table::name).containsExactly("BOOKS");
			assertThat(archive.views()).isEmpty();
			assertThat(archive.objects()).isEmpty();
			assertThat(archive.tables().get(0).foreignKeys()).extracting(ForeignKey::referencedTable)
				.containsExactly("PUBLIC.AUTHORS");
		}
	}

	private static List<String> constraintNames(TestDatabase database) throws SQLException {
		List<String> names = new ArrayList<>();
		try (Connection connection = database.dataSource().getConnection();
				Statement statement = connection.createStatement();
				ResultSet rows = statement
					.executeQuery("SELECT CONSTRAINT_NAME FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS"
							+ " WHERE TABLE_NAME = 'ORDERS' ORDER BY CONSTRAINT_TYPE, CONSTRAINT_NAME")) {
			while (rows.next()) {
				names.add(rows.getString(1));
			}
		}
		return names;
	}

	/**
	 * Trims a book's title before it is inserted: H2 triggers are Java classes.
	 */
	public static final class TitleTrimmed implements Trigger {

		@Override
		public void fire(Connection connection, Object[] oldRow, Object[] newRow) {
			if (newRow[2] instanceof String title) {
				newRow[2] = title.strip();
			}
		}

	}

	@Override
	List<String> linkedTable(int table) {
		return List.of(
				"CREATE TABLE t" + table + " (id INT PRIMARY KEY, parent INT NULL, name VARCHAR(10) UNIQUE,"
						+ " CONSTRAINT t" + table + "_named CHECK (name <> ''), CONSTRAINT t" + table
						+ "_parent FOREIGN KEY (parent) REFERENCES t0 (id))",
				"CREATE INDEX t" + table + "_name ON t" + table + " (name, parent)",
				"CREATE TRIGGER t" + table + "_trimmed BEFORE INSERT ON t" + table + " FOR EACH ROW CALL '"
						+ TitleTrimmed.class.getName() + "'");
	}

	@Override
	int maximumQueries() {
		return 14;
	}

}
