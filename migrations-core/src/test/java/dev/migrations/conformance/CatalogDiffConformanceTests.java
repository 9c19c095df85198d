package dev.migrations.conformance;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;

import dev.migrations.catalog.Catalog;
import dev.migrations.catalog.CatalogChange;
import dev.migrations.catalog.CatalogChange.Action;
import dev.migrations.catalog.CatalogChange.ObjectType;
import dev.migrations.catalog.CatalogDiff;
import dev.migrations.catalog.ChangeOperations;
import dev.migrations.dialect.Dialect;
import dev.migrations.dialect.Dialects;
import dev.migrations.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The diff of two databases built by the same migrations, one of them then changed by
 * hand, is exactly what was changed; and the SQL the diff renders, applied to the other,
 * makes their catalogs equal, both ways.
 */
abstract class CatalogDiffConformanceTests extends FreshDatabaseTests {

	@Test
	void theDiffIsWhatWasChangedByHand() throws SQLException {
		try (TestDatabase original = built()) {
			CatalogDiff diff = CatalogDiff.between(read(original), read(this.database));
			assertThat(diff.changes())
				.extracting(CatalogChange::action, CatalogChange::objectType, CatalogChange::table, CatalogChange::name)
				.containsExactly(tuple(Action.DROP, ObjectType.INDEX, name("books"), name("books_title_index")),
						tuple(Action.CREATE, ObjectType.TABLE, null, name("invoices")),
						tuple(Action.ALTER, ObjectType.COLUMN, name("authors"), name("name")),
						tuple(Action.CREATE, ObjectType.COLUMN, name("books"), name("isbn")));
			assertThat(diff.changes()).extracting(CatalogChange::destructive)
				.containsExactly(false, false, true, false);
			assertThat(diff.text()).isEqualTo(String.join("\n", expectedText()));
		}
	}

	@Test
	void theDiffsSqlAppliedToTheOriginalMakesItTheChangedOne() throws SQLException {
		try (TestDatabase original = built()) {
			Catalog changed = read(this.database);
			apply(CatalogDiff.between(read(original), changed), original);
			assertThat(read(original)).isEqualTo(changed);
		}
	}

	@Test
	void theDiffsSqlAppliedToTheChangedOneMakesItTheOriginal() throws SQLException {
		try (TestDatabase original = built()) {
			Catalog before = read(original);
			CatalogDiff back = CatalogDiff.between(read(this.database), before);
			assertThat(back.isDestructive()).isTrue();
			apply(back, this.database);
			assertThat(read(this.database)).isEqualTo(before);
			assertThat(CatalogDiff.between(read(this.database), before).isEmpty()).isTrue();
		}
	}

	/**
	 * Statements in this database's own SQL that change the catalog the migrations built:
	 * add a column {@code books.isbn}, drop the index {@code books_title_index}, shorten
	 * {@code authors.name} to 50 characters and create a table {@code invoices} with a
	 * foreign key to {@code books}.
	 */
	abstract List<String> handChanges();

	/**
	 * Return the lines of the diff's text for {@link #handChanges()}.
	 */
	abstract List<String> expectedText();

	/**
	 * Return a name as this database stores an unquoted one.
	 */
	String name(String name) {
		return name;
	}

	/**
	 * Build the schema on this test's database and on another one, then change this
	 * test's by hand.
	 * @return the other database, unchanged
	 */
	private TestDatabase built() {
		TestDatabase original = TestDatabase.create(this.database.kind());
		CatalogConformanceTests.runner(original).applyAll();
		CatalogConformanceTests.runner(this.database).applyAll();
		this.database.execute(handChanges().toArray(String[]::new));
		return original;
	}

	/**
	 * Apply the SQL this database renders for a diff's operations to a database.
	 */
	void apply(CatalogDiff diff, TestDatabase database) throws SQLException {
		ChangeOperations operations = diff.operations();
		assertThat(operations.unrendered()).isEmpty();
		try (Connection connection = database.dataSource().getConnection()) {
			Dialect dialect = Dialects.detect(connection);
			database.execute(dialect.renderStatements(operations.operations()).toArray(String[]::new));
		}
	}

	private Catalog read(TestDatabase database) throws SQLException {
		try (Connection connection = database.dataSource().getConnection()) {
			return Dialects.detect(connection)
				.readCatalog(connection, null, Set.of(name("migrations_ledger"), name("migrations_ledger_lock")));
		}
	}

}
