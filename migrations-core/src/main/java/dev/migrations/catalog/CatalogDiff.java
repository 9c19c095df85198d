package dev.migrations.catalog;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The changes that turn one catalog into another, in an order that can be applied one
 * after another:
 * <ol>
 * <li>foreign keys, views, functions, procedures and triggers dropped;</li>
 * <li>primary keys, unique constraints, indexes and checks of remaining tables
 * dropped;</li>
 * <li>sequences, enum types and domains created or altered;</li>
 * <li>tables created, each after the tables its foreign keys reference (a foreign key
 * that closes a cycle among created tables is created on its own, with the other foreign
 * keys);</li>
 * <li>per table, columns added, then altered, then dropped;</li>
 * <li>tables dropped, each before the tables it references (a foreign key that closes a
 * cycle among dropped tables is dropped on its own first);</li>
 * <li>sequences, enum types and domains dropped;</li>
 * <li>primary keys, unique constraints, indexes and checks created or altered;</li>
 * <li>foreign keys created or altered;</li>
 * <li>views, functions, procedures and triggers created or altered.</li>
 * </ol>
 * Objects are matched by name: a renamed column is a column dropped and a column added,
 * never a guess, and a table whose every column differs is altered, not replaced. The
 * order of a table's columns is not a difference. Two equal catalogs have no changes.
 * Immutable and thread-safe.
 */
public final class CatalogDiff {

	private final Catalog to;

	private final List<CatalogChange> changes;

	private CatalogDiff(Catalog to, List<CatalogChange> changes) {
		this.to = to;
		this.changes = List.copyOf(changes);
	}

	/**
	 * Return the changes that turn one catalog into another.
	 * @param from the catalog as it is
	 * @param to the catalog as it should be
	 * @return the differences
	 */
	public static CatalogDiff between(Catalog from, Catalog to) {
		return new CatalogDiff(to, new ChangeFinder(from, to).changes());
	}

	/**
	 * Return the changes, in the order they apply.
	 * @return the changes
	 */
	public List<CatalogChange> changes() {
		return this.changes;
	}

	/**
	 * Return whether the two catalogs are the same.
	 * @return whether there are no changes
	 */
	public boolean isEmpty() {
		return this.changes.isEmpty();
	}

	/**
	 * Return whether applying the changes may lose values: whether any change is
	 * {@link CatalogChange#destructive() destructive}.
	 * @return whether a change is destructive
	 */
	public boolean isDestructive() {
		return this.changes.stream().anyMatch(CatalogChange::destructive);
	}

	/**
	 * Return the changes as text, one {@link CatalogChange#text() line} per change, in
	 * order, separated by line breaks.
	 * @return the text, empty when there are no changes
	 */
	public String text() {
		return this.changes.stream().map(CatalogChange::text).collect(Collectors.joining("\n"));
	}

	/**
	 * Return the changes as schema-builder operations where the builder has them, which a
	 * {@link dev.migrations.dialect.Dialect} renders as its SQL, and the changes it has
	 * none for with the reason.
	 * @return the operations and the changes left out
	 * @see ChangeOperations
	 */
	public ChangeOperations operations() {
		return ChangeOperations.of(this.changes, this.to);
	}

	@Override
	public String toString() {
		return text();
	}

}
