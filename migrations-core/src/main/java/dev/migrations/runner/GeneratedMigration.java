package dev.migrations.runner;

import java.util.List;

import dev.migrations.catalog.CatalogChange;
import dev.migrations.catalog.CatalogDiff;
import org.jspecify.annotations.Nullable;

/**
 * A migration written from a difference between two schemas: the statements that turn one
 * into the other on the connected database, the statements that undo them where every
 * change can be undone, and what a person must decide or write by hand. Immutable.
 *
 * @param changes the changes it makes, in order
 * @param up the statements of its up migration, without their delimiters
 * @param down the statements of its down migration, or {@code null} when a change cannot
 * be undone from the schemas alone (a dropped column's values, say) or cannot be written
 * @param notes what the up migration leaves to a person, one line each: changes the
 * schema builder cannot write, and choices such as a drop and an add that may be a
 * rename, whose statements are written commented out
 * @param choices the statements written commented out, as a choice for a person, in order
 */
public record GeneratedMigration(CatalogDiff changes, List<String> up, @Nullable List<String> down, List<String> notes,
		List<String> choices) {

	public GeneratedMigration {
		up = List.copyOf(up);
		down = (down != null) ? List.copyOf(down) : null;
		notes = List.copyOf(notes);
		choices = List.copyOf(choices);
	}

	/**
	 * Return whether there is nothing to change.
	 * @return whether the schemas are the same
	 */
	public boolean isEmpty() {
		return this.changes.isEmpty();
	}

	/**
	 * Return the changes that may lose data: drops of tables and columns, narrowing type
	 * changes.
	 * @return the destructive changes
	 */
	public List<CatalogChange> destructiveChanges() {
		return this.changes.changes().stream().filter(CatalogChange::destructive).toList();
	}

}
