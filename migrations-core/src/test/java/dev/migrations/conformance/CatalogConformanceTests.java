package dev.migrations.conformance;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.migrations.MigrationEntry;
import dev.migrations.MigrationId;
import dev.migrations.catalog.Catalog;
import dev.migrations.catalog.Column;
import dev.migrations.catalog.ForeignKey;
import dev.migrations.catalog.Index;
import dev.migrations.catalog.Table;
import dev.migrations.catalog.UniqueConstraint;
import dev.migrations.command.MigrationCommandLine;
import dev.migrations.dialect.Dialect;
import dev.migrations.dialect.Dialects;
import dev.migrations.runner.MigrationRunner;
import dev.migrations.schema.ReferentialAction;
import dev.migrations.testing.QueryCounter;
import dev.migrations.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading a database's catalog gives what its migrations built: tables, columns, keys,
 * indexes and foreign keys of a schema-builder migration on every database, and what each
 * database's own SQL adds (checks, views, and the objects each has of its own), in the
 * subclasses. The ledger and its lock table are never part of it.
 */
abstract class CatalogConformanceTests extends FreshDatabaseTests {

	/**
	 * Tables the schema-builder migration creates, with the columns the assertions read.
	 */
	static final MigrationEntry AUTHORS_AND_BOOKS = MigrationEntry.of(
			MigrationId.parse("m_20240101000000_create_authors_and_books"),
			(schema) -> schema.create("authors", (t) -> {
				t.id();
				t.string("name", 100).unique();
				t.text("bio").nullable();
				t.decimal("rating", 5, 2).defaultValue(0);
				t.booleanColumn("active").defaultValue(true);
				t.timestamp("created_at");
			}).create("books", (t) -> {
				t.id();
				t.foreignId("author_id").constrained("authors").onDelete(ReferentialAction.CASCADE);
				t.string("title");
				t.index("title");
			}));

	@Test
	void theCatalogOfASchemaBuilderMigrationIsWhatItBuilt() throws SQLException {
		runner(this.database).applyAll();
		Catalog catalog = read(this.database);
		assertThat(catalog.tables()).extracting(Table::name).containsExactly(name("authors"), name("books"));
		Table authors = catalog.table(name("authors")).orElseThrow();
		assertThat(authors.columns()).extracting(Column::name)
			.containsExactly(name("id"), name("name"), name("bio"), name("rating"), name("active"), name("created_at"));
		Column id = authors.column(name("id")).orElseThrow();
		assertThat(id.autoIncrement()).isTrue();
		assertThat(id.nullable()).isFalse();
		assertThat(authors.primaryKey()).isNotNull();
		assertThat(authors.primaryKey().columns()).containsExactly(name("id"));
		assertThat(authors.column(name("name")).orElseThrow().nullable()).isFalse();
		assertThat(authors.column(name("name")).orElseThrow().type()).contains("100");
		assertThat(authors.column(name("bio")).orElseThrow().nullable()).isTrue();
		assertThat(authors.column(name("rating")).orElseThrow().type()).contains("5").contains("2");
		assertThat(authors.column(name("rating")).orElseThrow().defaultValue()).isNotNull();
		assertThat(uniqueColumns(authors)).containsExactly(List.of(name("name")));
		Table books = catalog.table(name("books")).orElseThrow();
		assertThat(books.foreignKeys()).hasSize(1);
		ForeignKey authorId = books.foreignKeys().get(0);
		assertThat(authorId.columns()).containsExactly(name("author_id"));
		assertThat(authorId.referencedTable()).isEqualTo(name("authors"));
		assertThat(authorId.referencedColumns()).containsExactly(name("id"));
		assertThat(authorId.onDelete()).isEqualTo("CASCADE");
		assertThat(books.indexes()).filteredOn((index) -> !index.unique())
			.extracting(Index::columns)
			.contains(List.of(name("title")));
	}

	@Test
	void theLedgerAndItsLockTableAreNotPartOfTheCatalog() throws SQLException {
		runner(this.database).applyAll();
		assertThat(read(this.database).tables()).extracting(Table::name)
			.noneMatch((table) -> table.toLowerCase(Locale.ROOT).startsWith("migrations_ledger"));
	}

	@Test
	void theSameMigrationsOnTwoDatabasesGiveEqualCatalogs() throws SQLException {
		runner(this.database).applyAll();
		this.database.execute(databaseSql().toArray(String[]::new));
		try (TestDatabase other = TestDatabase.create(this.database.kind())) {
			runner(other).applyAll();
			other.execute(databaseSql().toArray(String[]::new));
			assertThat(read(other)).isEqualTo(read(this.database));
		}
	}

	@Test
	void schemaDescribePrintsWhatTheDatabaseHolds() {
		runner(this.database).applyAll();
		Output text = describe("schema:describe");
		assertThat(text.exitCode()).as(text.err()).isZero();
		assertThat(text.out()).contains("table " + name("authors"), "table " + name("books"))
			.containsPattern("\\n  " + name("name") + " +varchar\\(100\\) +not null")
			.contains("references " + name("authors") + " (" + name("id") + ") on delete CASCADE")
			.doesNotContainIgnoringCase("migrations_ledger");
		Output json = describe("schema:describe", "--json");
		assertThat(json.exitCode()).as(json.err()).isZero();
		assertThat(json.out()).startsWith("{\"tables\":[{\"name\":\"" + name("authors") + "\"")
			.contains("\"autoIncrement\":true")
			.doesNotContainIgnoringCase("migrations_ledger");
	}

	@Test
	void anEmptyDatabaseHasAnEmptyCatalog() throws SQLException {
		assertThat(read(this.database).isEmpty()).isTrue();
	}

	@Test
	void theNumberOfQueriesDoesNotGrowWithTheNumberOfTables() throws SQLException {
		createLinkedTables(0, 2);
		int forTwo = queriesToRead(this.database);
		createLinkedTables(2, 40);
		int forForty = queriesToRead(this.database);
		assertThat(read(this.database).tables()).hasSize(40);
		assertThat(forForty).isEqualTo(forTwo).isLessThanOrEqualTo(maximumQueries());
	}

	/**
	 * Statements that create table {@code t
	 *
	<table>
	 * } with a foreign key to {@code t0}, an index, a check and a trigger, in this
	 * database's SQL.
	 */
	abstract List<String> linkedTable(int table);

	/**
	 * Statements the linked tables need first, such as a trigger function.
	 */
	List<String> beforeLinkedTables() {
		return List.of();
	}

	/**
	 * Return how many queries this database's reader runs at most.
	 */
	abstract int maximumQueries();

	/**
	 * Apply the schema-builder migration, run {@link #databaseSql()}, and read the
	 * catalog.
	 */
	Catalog built(TestDatabase database) throws SQLException {
		runner(database).applyAll();
		database.execute(databaseSql().toArray(String[]::new));
		return read(database);
	}

	private void createLinkedTables(int from, int to) {
		List<String> statements = new ArrayList<>((from == 0) ? beforeLinkedTables() : List.of());
		for (int table = from; table < to; table++) {
			statements.addAll(linkedTable(table));
		}
		this.database.execute(statements.toArray(String[]::new));
	}

	/**
	 * Return how many statements and metadata queries reading the catalog runs.
	 */
	private static int queriesToRead(TestDatabase database) throws SQLException {
		return QueryCounter.count(database, (connection) -> {
			Catalog catalog = Dialects.detect(connection).readCatalog(connection, null, Set.of());
			assertThat(catalog.tables()).isNotEmpty();
		});
	}

	/**
	 * Statements in this database's own SQL that add to the schema-builder migration's
	 * tables what the builder does not write: a check constraint, a view, and the objects
	 * this database has of its own. Run one by one.
	 */
	abstract List<String> databaseSql();

	/**
	 * Return a name as this database stores an unquoted one.
	 */
	String name(String name) {
		return name;
	}

	Catalog read(TestDatabase database) throws SQLException {
		try (Connection connection = database.dataSource().getConnection()) {
			Dialect dialect = Dialects.detect(connection);
			return dialect.readCatalog(connection, null,
					Set.of(name("migrations_ledger"), name("migrations_ledger_lock")));
		}
	}

	private static List<List<String>> uniqueColumns(Table table) {
		List<List<String>> constraints = table.uniqueConstraints().stream().map(UniqueConstraint::columns).toList();
		List<List<String>> indexes = table.indexes().stream().filter(Index::unique).map(Index::columns).toList();
		return constraints.isEmpty() ? indexes : constraints;
	}

	private Output describe(String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int exitCode = new MigrationCommandLine((listener) -> runner(this.database), List.of(),
				new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
				false, List.of())
			.run(List.of(args));
		return new Output(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	private record Output(int exitCode, String out, String err) {
	}

	static MigrationRunner runner(TestDatabase database) {
		return MigrationRunner.builder(database.dataSource()).locations().entries(AUTHORS_AND_BOOKS).build();
	}

}
