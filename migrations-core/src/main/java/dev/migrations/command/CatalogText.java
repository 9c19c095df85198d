package dev.migrations.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.migrations.catalog.Catalog;
import dev.migrations.catalog.Check;
import dev.migrations.catalog.Column;
import dev.migrations.catalog.ForeignKey;
import dev.migrations.catalog.Index;
import dev.migrations.catalog.SchemaObject;
import dev.migrations.catalog.Table;
import dev.migrations.catalog.UniqueConstraint;
import dev.migrations.catalog.View;

/**
 * A schema as {@code schema:describe} prints it: each table with its columns in a table
 * of name, type, nullability, default and comment, then its keys, indexes and checks;
 * then the views and the other objects.
 */
final class CatalogText {

	private CatalogText() {
	}

	static List<String> lines(Catalog catalog) {
		if (catalog.isEmpty()) {
			return List.of("The schema is empty.");
		}
		List<String> lines = new ArrayList<>();
		for (Table table : catalog.tables()) {
			lines.add("table " + table.name() + ((table.comment() != null) ? "  -- " + table.comment() : ""));
			lines.addAll(columnLines(table.columns()));
			if (table.primaryKey() != null) {
				lines.add("  primary key " + columns(table.primaryKey().columns()));
			}
			for (UniqueConstraint unique : table.uniqueConstraints()) {
				lines.add("  unique " + unique.name() + " " + columns(unique.columns()));
			}
			for (Index index : table.indexes()) {
				lines.add("  " + (index.unique() ? "unique index " : "index ") + index.name() + " "
						+ columns(index.columns()));
			}
			for (ForeignKey key : table.foreignKeys()) {
				lines.add("  foreign key " + key.name() + " " + columns(key.columns()) + " references "
						+ key.referencedTable() + " " + columns(key.referencedColumns()) + " on delete "
						+ key.onDelete() + " on update " + key.onUpdate());
			}
			for (Check check : table.checks()) {
				lines.add("  check " + check.name() + " " + check.expression());
			}
		}
		for (View view : catalog.views()) {
			lines.add("view " + view.name() + " as " + view.definition());
		}
		for (SchemaObject object : catalog.objects()) {
			lines.add(object.kind().name().toLowerCase(Locale.ROOT) + " " + object.name() + "  sha256:"
					+ object.definitionHash().substring(0, 12));
		}
		return lines;
	}

	private static List<String> columnLines(List<Column> columns) {
		int nameWidth = columns.stream().mapToInt((column) -> column.name().length()).max().orElse(0);
		int typeWidth = columns.stream().mapToInt((column) -> column.type().length()).max().orElse(0);
		List<String> lines = new ArrayList<>(columns.size());
		for (Column column : columns) {
			StringBuilder line = new StringBuilder("  ").append(pad(column.name(), nameWidth))
				.append("  ")
				.append(pad(column.type(), typeWidth))
				.append("  ")
				.append(column.nullable() ? "null    " : "not null");
			if (column.autoIncrement()) {
				line.append("  auto-increment");
			}
			if (column.defaultValue() != null) {
				line.append("  default ").append(column.defaultValue());
			}
			if (column.comment() != null) {
				line.append("  -- ").append(column.comment());
			}
			lines.add(line.toString().stripTrailing());
		}
		return lines;
	}

	private static String columns(List<String> names) {
		return "(" + String.join(", ", names) + ")";
	}

	private static String pad(String text, int width) {
		return text + " ".repeat(width - text.length());
	}

}
