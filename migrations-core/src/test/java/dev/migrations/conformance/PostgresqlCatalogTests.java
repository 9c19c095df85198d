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
import dev.migrations.catalog.PrimaryKey;
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
 * The catalog of a PostgreSQL schema, read from {@code pg_catalog}: the conformance
 * suite, and what PostgreSQL has of its own (serial and identity columns, unique
 * constraints apart from unique indexes, expression indexes, sequences, enum types,
 * domains, functions, procedures and triggers).
 */
@OnDatabase(DatabaseKind.POSTGRESQL)
class PostgresqlCatalogTests extends CatalogConformanceTests {

	@Override
	List<String> databaseSql() {
		return List.of("ALTER TABLE books ADD CONSTRAINT books_title_not_empty CHECK (title <> '')",
				"COMMENT ON TABLE authors IS 'Who writes the books'",
				"COMMENT ON COLUMN authors.bio IS 'What the author writes about'", """
						CREATE VIEW long_books AS
						  SELECT b.id, b.title, a.name AS author
						  FROM books b JOIN authors a ON a.id = b.author_id
						  WHERE length(b.title) > 20""", "CREATE SEQUENCE invoice_numbers START 1000 INCREMENT 10",
				"CREATE TYPE book_format AS ENUM ('hardcover', 'paperback', 'ebook')",
				"CREATE DOMAIN isbn AS varchar(17) CHECK (VALUE ~ '^[0-9-]+$')",
				"ALTER TABLE books ADD COLUMN format book_format NOT NULL DEFAULT 'paperback'",
				"CREATE FUNCTION book_count(author bigint) RETURNS integer LANGUAGE sql STABLE "
						+ "AS $$ SELECT count(*)::integer FROM books WHERE author_id = author $$",
				"CREATE PROCEDURE rename_author(author bigint, new_name varchar) LANGUAGE sql "
						+ "AS $$ UPDATE authors SET name = new_name WHERE id = author $$",
				"CREATE FUNCTION trim_title() RETURNS trigger LANGUAGE plpgsql "
						+ "AS $$ BEGIN NEW.title := trim(NEW.title); RETURN NEW; END $$",
				"CREATE TRIGGER books_title_trimmed BEFORE INSERT ON books FOR EACH ROW EXECUTE FUNCTION trim_title()");
	}

	@Test
	void columnsReadWithTheirTypesDefaultsAndComments() throws SQLException {
		Catalog catalog = built(this.database);
		Table authors = catalog.table("authors").orElseThrow();
		assertThat(authors.columns())
			.extracting(Column::name, Column::type, Column::nullable, Column::defaultValue, Column::autoIncrement)
			.containsExactly(tuple("id", "bigint", false, null, true),
					tuple("name", "varchar(100)", false, null, false), tuple("bio", "text", true, null, false),
					tuple("rating", "numeric(5,2)", false, "0", false),
					tuple("active", "boolean", false, "true", false),
					tuple("created_at", "timestamp", false, null, false));
		assertThat(authors.comment()).isEqualTo("Who writes the books");
		assertThat(authors.column("bio").orElseThrow().comment()).isEqualTo("What the author writes about");
		assertThat(authors.column("name").orElseThrow().comment()).isNull();
		assertThat(authors.primaryKey()).isEqualTo(new PrimaryKey("authors_pkey", List.of("id")));
		Table books = catalog.table("books").orElseThrow();
		assertThat(books.column("format").orElseThrow()).extracting(Column::type, Column::defaultValue)
			.containsExactly("book_format", "'paperback'::book_format");
		assertThat(books.checks()).containsExactly(new Check("books_title_not_empty", "title::text <> ''::text"));
	}

	@Test
	void typesReadAsMigrationsWriteThem() throws SQLException {
		this.database.execute("CREATE SEQUENCE shared_numbers", """
				CREATE TABLE typed (
				  serial_id serial PRIMARY KEY,
				  big_serial bigserial,
				  always_id integer GENERATED ALWAYS AS IDENTITY,
				  code char(3), label character varying(20), tags varchar(10)[], price numeric(10,2),
				  ratio double precision, happened_at timestamp(3) with time zone, noted_at timestamp,
				  alarm time without time zone, payload jsonb, token uuid, picture bytea, small smallint,
				  doubled integer GENERATED ALWAYS AS (small * 2) STORED,
				  sequenced bigint DEFAULT nextval('shared_numbers'))""");
		Table typed = read(this.database).table("typed").orElseThrow();
		assertThat(typed.columns()).extracting(Column::name, Column::type, Column::defaultValue, Column::autoIncrement)
			.containsExactly(tuple("serial_id", "integer", null, true), tuple("big_serial", "bigint", null, true),
					tuple("always_id", "integer", null, true), tuple("code", "char(3)", null, false),
					tuple("label", "varchar(20)", null, false), tuple("tags", "varchar(10)[]", null, false),
					tuple("price", "numeric(10,2)", null, false), tuple("ratio", "double precision", null, false),
					tuple("happened_at", "timestamptz(3)", null, false), tuple("noted_at", "timestamp", null, false),
					tuple("alarm", "time", null, false), tuple("payload", "jsonb", null, false),
					tuple("token", "uuid", null, false), tuple("picture", "bytea", null, false),
					tuple("small", "smallint", null, false), tuple("doubled", "integer", null, false),
					tuple("sequenced", "bigint", "nextval('shared_numbers'::regclass)", false));
	}

	@Test
	void aUniqueConstraintIsNotAUniqueIndex() throws SQLException {
		this.database.execute(
				"CREATE TABLE members (id integer PRIMARY KEY, email text, nickname text, region text, joined date,"
						+ " CONSTRAINT members_email_key UNIQUE (email))",
				"CREATE UNIQUE INDEX members_nickname ON members (nickname)",
				"CREATE INDEX members_region_joined ON members (region, joined DESC)",
				"CREATE INDEX members_lower_email ON members (lower(email))");
		Table members = read(this.database).table("members").orElseThrow();
		assertThat(members.uniqueConstraints())
			.containsExactly(new UniqueConstraint("members_email_key", List.of("email")));
		assertThat(members.indexes()).containsExactly(
				new Index("members_lower_email", List.of("(lower(email))"), false),
				new Index("members_nickname", List.of("nickname"), true),
				new Index("members_region_joined", List.of("region", "joined DESC"), false));
	}

	@Test
	void foreignKeysReadWithTheirActions() throws SQLException {
		this.database.execute("CREATE TABLE shelves (room integer, position integer, PRIMARY KEY (room, position))",
				"CREATE TABLE copies (id integer PRIMARY KEY, room integer, shelf integer,"
						+ " CONSTRAINT copies_shelf FOREIGN KEY (room, shelf) REFERENCES shelves (room, position)"
						+ " ON DELETE SET NULL ON UPDATE CASCADE)");
		Table copies = read(this.database).table("copies").orElseThrow();
		assertThat(copies.foreignKeys()).containsExactly(new ForeignKey("copies_shelf", List.of("room", "shelf"),
				"shelves", List.of("room", "position"), "SET NULL", "CASCADE"));
		assertThat(copies.indexes()).isEmpty();
	}

	@Test
	void aPartitionedTableIsReadWithoutItsPartitions() throws SQLException {
		this.database.execute(
				"CREATE TABLE events (id bigint, happened date, PRIMARY KEY (id, happened)) PARTITION BY RANGE (happened)",
				"CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')",
				"CREATE TABLE events_2025 PARTITION OF events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01')",
				"CREATE INDEX events_happened ON events (happened)",
				"CREATE TABLE mentions (id integer PRIMARY KEY, event_id bigint, happened date,"
						+ " CONSTRAINT mentions_event FOREIGN KEY (event_id, happened) REFERENCES events (id, happened))");
		Catalog catalog = read(this.database);
		assertThat(catalog.tables()).extracting(Table::name).containsExactly("events", "mentions");
		Table events = catalog.table("events").orElseThrow();
		assertThat(events.primaryKey()).isEqualTo(new PrimaryKey("events_pkey", List.of("id", "happened")));
		assertThat(events.indexes()).extracting(Index::name).containsExactly("events_happened");
		assertThat(catalog.table("mentions").orElseThrow().foreignKeys()).extracting(ForeignKey::name)
			.containsExactly("mentions_event");
	}

	@Test
	void objectsAreReadByKindAndName() throws SQLException {
		assertThat(built(this.database).objects()).extracting(SchemaObject::kind, SchemaObject::name)
			.containsExactly(tuple(Kind.SEQUENCE, "invoice_numbers"), tuple(Kind.ENUM, "book_format"),
					tuple(Kind.DOMAIN, "isbn"), tuple(Kind.FUNCTION, "book_count(bigint)"),
					tuple(Kind.FUNCTION, "trim_title()"), tuple(Kind.PROCEDURE, "rename_author(bigint, varchar)"),
					tuple(Kind.TRIGGER, "books.books_title_trimmed"));
	}

	@Test
	void aChangedDefinitionChangesItsHash() throws SQLException {
		Catalog before = built(this.database);
		this.database.execute(
				"CREATE OR REPLACE FUNCTION book_count(author bigint) RETURNS integer LANGUAGE sql STABLE "
						+ "AS $$ SELECT count(*)::integer FROM books WHERE author_id = author AND title <> '' $$",
				"ALTER TYPE book_format ADD VALUE 'audio'", "ALTER SEQUENCE invoice_numbers INCREMENT 5");
		Catalog after = read(this.database);
		assertThat(object(after, Kind.FUNCTION).name()).isEqualTo(object(before, Kind.FUNCTION).name());
		assertThat(object(after, Kind.FUNCTION).definitionHash())
			.isNotEqualTo(object(before, Kind.FUNCTION).definitionHash());
		assertThat(object(after, Kind.ENUM).definitionHash()).isNotEqualTo(object(before, Kind.ENUM).definitionHash());
		assertThat(object(after, Kind.SEQUENCE).definitionHash())
			.isNotEqualTo(object(before, Kind.SEQUENCE).definitionHash());
		assertThat(object(after, Kind.PROCEDURE)).isEqualTo(object(before, Kind.PROCEDURE));
	}

	@Test
	void whatBelongsToAnExcludedTableIsLeftOut() throws SQLException {
		built(this.database);
		this.database.execute("CREATE INDEX migrations_ledger_batch ON migrations_ledger (batch)",
				"CREATE TRIGGER ledger_checked BEFORE INSERT ON migrations_ledger FOR EACH ROW EXECUTE FUNCTION trim_title()",
				"CREATE TABLE audit (id serial PRIMARY KEY, author_id bigint REFERENCES authors (id))");
		try (Connection connection = this.database.dataSource().getConnection()) {
			Catalog catalog = Dialects.detect(connection)
				.readCatalog(connection, null, Set.of("migrations_ledger", "migrations_ledger_lock", "audit"));
			assertThat(catalog.tables()).extracting(Table::name).containsExactly("authors", "books");
			assertThat(catalog.objects()).extracting(SchemaObject::name)
				.containsExactly("invoice_numbers", "book_format", "isbn", "book_count(bigint)", "trim_title()",
						"rename_author(bigint, varchar)", "books.books_title_trimmed");
		}
		assertThat(read(this.database).table("audit")).isPresent();
	}

	@Test
	void aViewReadsTheSameAsTheSameViewInAnotherDatabase() throws SQLException {
		List<View> views = built(this.database).views();
		assertThat(views).singleElement().satisfies((view) -> {
			assertThat(view.name()).isEqualTo("long_books");
			assertThat(view.definition()).doesNotContain("\n", "  ", ";")
				.contains("FROM books b JOIN authors a ON a.id = b.author_id");
		});
		try (TestDatabase other = TestDatabase.create(DatabaseKind.POSTGRESQL)) {
			assertThat(built(other).views()).isEqualTo(views);
		}
	}

	@Test
	void aSchemaOtherThanTheCurrentOneIsReadWhenNamed() throws SQLException {
		Catalog current = built(this.database);
		this.database.execute("CREATE SCHEMA archive",
				"CREATE TABLE archive.authors (LIKE public.authors INCLUDING ALL)",
				"CREATE TABLE archive.books (LIKE public.books INCLUDING ALL)",
				"ALTER TABLE archive.books ADD CONSTRAINT books_author_id_fkey FOREIGN KEY (author_id)"
						+ " REFERENCES archive.authors (id) ON DELETE CASCADE",
				"CREATE VIEW archive.long_books AS SELECT b.id, b.title, a.name AS author"
						+ " FROM archive.books b JOIN archive.authors a ON a.id = b.author_id"
						+ " WHERE length(b.title) > 20",
				"CREATE VIEW archive.recent_books AS SELECT myarchive.id FROM archive.books myarchive");
		try (Connection connection = this.database.dataSource().getConnection()) {
			Catalog archive = Dialects.detect(connection).readCatalog(connection, "archive", Set.of());
			assertThat(archive.tables()).extracting(Table::name).containsExactly("authors", "books");
			assertThat(archive.views()).containsExactly(current.views().get(0),
					new View("recent_books", "SELECT myarchive.id FROM books myarchive"));
			assertThat(archive.table("books").orElseThrow().foreignKeys()).extracting(ForeignKey::referencedTable)
				.containsExactly("authors");
			assertThat(archive.table("books").orElseThrow().column("format").orElseThrow().type())
				.isEqualTo("book_format");
			assertThat(archive.objects()).isEmpty();
		}
	}

	private static SchemaObject object(Catalog catalog, Kind kind) {
		return catalog.objects().stream().filter((object) -> object.kind() == kind).findFirst().orElseThrow();
	}

	@Override
	List<String> linkedTable(int table) {
		return List.of(
				"CREATE TABLE t" + table + " (id serial PRIMARY KEY, parent integer, name varchar(10),"
						+ " CONSTRAINT t" + table + "_named CHECK (name <> '')," + " CONSTRAINT t" + table
						+ "_parent FOREIGN KEY (parent) REFERENCES t0 (id))",
				"CREATE INDEX t" + table + "_name ON t" + table + " (name)", "CREATE TRIGGER t" + table
						+ "_trimmed BEFORE INSERT ON t" + table + " FOR EACH ROW EXECUTE FUNCTION trimmed()");
	}

	@Override
	int maximumQueries() {
		return 8;
	}

	@Override
	List<String> beforeLinkedTables() {
		return List.of("CREATE FUNCTION trimmed() RETURNS trigger LANGUAGE plpgsql "
				+ "AS $$ BEGIN NEW.name := trim(NEW.name); RETURN NEW; END $$");
	}

}
