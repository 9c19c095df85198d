package dev.migrations.runner;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.migrations.catalog.Catalog;
import dev.migrations.catalog.CatalogChange;
import dev.migrations.catalog.CatalogChange.Action;
import dev.migrations.catalog.CatalogChange.ObjectType;
import dev.migrations.catalog.CatalogDiff;
import dev.migrations.catalog.ChangeOperations;
import dev.migrations.catalog.Column;
import dev.migrations.catalog.View;
import dev.migrations.dialect.Dialect;
import dev.migrations.schema.SchemaOperation;
import dev.migrations.schema.TableOperation.AddColumn;
import dev.migrations.schema.TableOperation.DropColumn;
import dev.migrations.schema.TableOperation.RenameColumn;
import org.jspecify.annotations.Nullable;

/**
 * Writes the migration between two schemas for one database: the diff's schema-builder
 * operations rendered as the database's statements, views as SQL, and what cannot be
 * written as notes. A column dropped and another added to the same table with the same
 * type may be a rename: both ways are written commented out, for a person to choose;
 * nothing is guessed. The down migration is the reverse diff, written only when every
 * change can be undone from the schemas alone.
 */
final class MigrationGenerator {

	private final Dialect dialect;

	MigrationGenerator(Dialect dialect) {
		this.dialect = dialect;
	}

	/**
	 * Return the migration that turns one schema into another.
	 * @param from the schema the database has
	 * @param to the schema it should have
	 * @return the migration
	 */
	GeneratedMigration between(Catalog from, Catalog to) {
		CatalogDiff diff = CatalogDiff.between(from, to);
		Written up = write(diff, from, to);
		List<String> down = null;
		if (up.notes.isEmpty() && up.choices.isEmpty() && !diff.isDestructive()) {
			Written reverse = write(CatalogDiff.between(to, from), to, from);
			down = (reverse.notes.isEmpty() && reverse.choices.isEmpty()) ? reverse.statements : null;
		}
		return new GeneratedMigration(diff, up.statements, down, up.notes, up.choices);
	}

	private Written write(CatalogDiff diff, Catalog from, Catalog to) {
		Written written = new Written();
		List<Rename> renames = renames(diff, from, to);
		ChangeOperations operations = diff.operations();
		for (SchemaOperation operation : operations.operations()) {
			Rename rename = renames.stream()
				.filter((candidate) -> candidate.involves(operation))
				.findFirst()
				.orElse(null);
			if (rename != null) {
				written.choose(rename, operation, this::render);
				continue;
			}
			try {
				written.statements.addAll(render(operation));
			}
			catch (UnsupportedOperationException ex) {
				written.notes.add(operation.describe() + " (not written: " + ex.getMessage() + ")");
			}
		}
		for (ChangeOperations.Unrendered unrendered : operations.unrendered()) {
			List<String> view = view(unrendered.change(), to);
			if (view != null) {
				written.statements.addAll(view);
			}
			else {
				written.notes.add(unrendered.text());
			}
		}
		return written;
	}

	private List<String> render(SchemaOperation operation) {
		return this.dialect.renderStatements(List.of(operation));
	}

	/**
	 * Return the statements of a view's change, or {@code null} for a change that is not
	 * a view's.
	 */
	private @Nullable List<String> view(CatalogChange change, Catalog to) {
		if (change.objectType() != ObjectType.VIEW) {
			return null;
		}
		String name = this.dialect.quote(change.name());
		Optional<View> view = to.views().stream().filter((each) -> each.name().equals(change.name())).findFirst();
		List<String> statements = new ArrayList<>();
		if (change.action() != Action.CREATE) {
			statements.add("DROP VIEW " + name);
		}
		view.filter((each) -> change.action() != Action.DROP)
			.ifPresent((each) -> statements.add("CREATE VIEW " + name + " AS " + each.definition()));
		return statements;
	}

	/**
	 * Return the columns of a table that were dropped while another of the same type was
	 * added: maybe one renamed.
	 */
	private static List<Rename> renames(CatalogDiff diff, Catalog from, Catalog to) {
		List<Rename> renames = new ArrayList<>();
		for (CatalogChange dropped : diff.changes()) {
			if (dropped.objectType() != ObjectType.COLUMN || dropped.action() != Action.DROP
					|| dropped.table() == null) {
				continue;
			}
			String table = dropped.table();
			String type = from.table(table).flatMap((each) -> each.column(dropped.name())).map(Column::type).orElse("");
			diff.changes()
				.stream()
				.filter((added) -> added.objectType() == ObjectType.COLUMN && added.action() == Action.CREATE
						&& table.equals(added.table()))
				.filter((added) -> to.table(table)
					.flatMap((each) -> each.column(added.name()))
					.map(Column::type)
					.filter(type::equals)
					.isPresent())
				.filter((added) -> renames.stream()
					.noneMatch((rename) -> rename.table.equals(table)
							&& (rename.dropped.equals(dropped.name()) || rename.added.equals(added.name()))))
				.findFirst()
				.ifPresent((added) -> renames.add(new Rename(table, dropped.name(), added.name(), type)));
		}
		return renames;
	}

	/**
	 * A column dropped and one added to the same table with the same type.
	 */
	private record Rename(String table, String dropped, String added, String type) {

		boolean involves(SchemaOperation operation) {
			return (operation instanceof DropColumn drop && drop.table().equals(this.table)
					&& drop.column().equals(this.dropped))
					|| (operation instanceof AddColumn add && add.table().equals(this.table)
							&& add.column().name().equals(this.added));
		}

	}

	@FunctionalInterface
	private interface Renderer {

		List<String> render(SchemaOperation operation);

	}

	/**
	 * What one direction of a migration is made of, as it is written.
	 */
	private static final class Written {

		private final List<String> statements = new ArrayList<>();

		private final List<String> notes = new ArrayList<>();

		private final List<String> choices = new ArrayList<>();

		private final List<Rename> introduced = new ArrayList<>();

		/**
		 * Write a drop or an add of a possible rename commented out: the first time, with
		 * the rename it may be.
		 */
		void choose(Rename rename, SchemaOperation operation, Renderer renderer) {
			if (!this.introduced.contains(rename)) {
				this.introduced.add(rename);
				this.notes.add("column " + rename.table() + "." + rename.dropped() + " is dropped and " + rename.table()
						+ "." + rename.added() + " added with the same type (" + rename.type()
						+ "): if it is a rename, keep the values with the RENAME below; otherwise use the DROP and "
						+ "ADD. Both are commented out: choose one");
				this.choices.add("-- if " + rename.added() + " is " + rename.dropped() + " renamed:");
				commentedOut(renderer.render(new RenameColumn(rename.table(), rename.dropped(), rename.added())));
				this.choices.add("-- otherwise:");
			}
			commentedOut(renderer.render(operation));
		}

		private void commentedOut(List<String> statements) {
			statements
				.forEach((statement) -> (statement + ";").lines().forEach((line) -> this.choices.add("-- " + line)));
		}

	}

}
